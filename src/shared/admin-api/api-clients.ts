import { z } from 'zod';
import { plainText } from '../activity/record.ts';
import { API_CLIENT_NAME_MAX, API_SCOPES } from '../coop-api/scopes.ts';

// Contract of the admin routes that manage the Coop-compatible API's clients
// (src/hub/routes/coop/admin-clients.ts, the dashboard's "Accès API" page). The secret's hash
// is not part of any answer.

/** `POST /api/v1/admin/api-clients` */
export const CreateApiClientSchema = z.strictObject({
  name: plainText('Nom')
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'Nom : obligatoire.').max(API_CLIENT_NAME_MAX, `Nom : ${API_CLIENT_NAME_MAX} caractères au plus.`)),
  scopes: z
    .array(z.enum(API_SCOPES, { error: `Droits : ${API_SCOPES.join(', ')}.` }), { error: 'Droits : une liste est attendue.' })
    .min(1, 'Droits : choisissez au moins un droit.')
    .max(API_SCOPES.length, 'Droits : trop de valeurs.')
    .transform((a) => API_SCOPES.filter((s) => a.includes(s))),
});
export type CreateApiClient = z.input<typeof CreateApiClientSchema>;

export const ApiClientSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(API_SCOPES)),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiClient' });
export type ApiClientView = z.infer<typeof ApiClientSchema>;

export const ApiClientListSchema = z.object({ clients: z.array(ApiClientSchema) });
export type ApiClientList = z.infer<typeof ApiClientListSchema>;

/** The new client and its secret, shown once. */
export const CreatedApiClientSchema = z.object({ client: ApiClientSchema, secret: z.string() });
export type CreatedApiClient = z.infer<typeof CreatedApiClientSchema>;

export const ApiClientParamsSchema = z.object({ id: z.string().min(1).max(100) });
