import { z } from 'zod';
import { RoleSchema } from './accounts.ts';

// Contract of the staff account routes (src/hub/routes/auth): login, logout, who is logged in.

/** `POST /api/v1/auth/login` (answers 204 and sets the session cookie) */
export const LoginBodySchema = z.object({
  email: z.string({ error: "L'adresse e-mail est requise." }).min(3, "L'adresse e-mail est requise.").max(320),
  password: z.string({ error: 'Le mot de passe est requis.' }).min(1, 'Le mot de passe est requis.').max(1024),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

/** `GET /api/v1/auth/me`: who is logged in, with the CSRF token the page sends back on every change. */
export const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: RoleSchema,
    structureIds: z.array(z.string()),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

/** `GET /api/health` (also its 503 answer, when the database does not answer) */
export const HealthSchema = z.object({ status: z.enum(['ok', 'unavailable']), db: z.enum(['sqlite', 'postgres']), version: z.string() });
