import { z } from 'zod';

// The answer of every refused request of the admin, device and account routes: RFC 9457
// problem details in plain French (src/hub/plugins/problem.ts). Described once in the OpenAPI
// document (components.schemas.Problem) and referenced by every route's 4xx/5xx answers.

export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() }).meta({ id: 'FieldError' });

export const ProblemSchema = z
  .object({
    type: z.string().describe('https://kariole.fr/problems/<kind>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(FieldErrorSchema).optional().describe('one entry per field at fault'),
  })
  .meta({ id: 'Problem', description: 'Problème (RFC 9457), en français' });
export type Problem = z.infer<typeof ProblemSchema>;

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Requête invalide (champs en cause dans errors)',
  401: 'Connexion requise, ou appareil non reconnu',
  403: 'Accès refusé (rôle, jeton de sécurité)',
  404: 'Introuvable, ou hors de vos structures',
  409: 'Conflit',
  413: 'Envoi trop volumineux',
  415: 'Format non pris en charge',
  429: 'Trop de requêtes (voir retry-after)',
  503: 'Indisponible',
};

/** Problem answers of a route, as `schema.response` entries: `...problems(400, 401, 404)`. */
export function problems<const C extends number>(...codes: C[]) {
  const out = {} as Record<C, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }>;
  for (const c of codes) out[c] = { description: PROBLEM_TEXT[c] ?? 'Problème', content: { 'application/problem+json': { schema: ProblemSchema } } };
  return out;
}

/** A 204 or 304 answer (no body). */
export function noContent(description: string) {
  return z.null().describe(description);
}

/** A download: its content type, a text or binary body. */
export function download(description: string, contentType: string, schema: z.ZodType = z.string().meta({ format: 'binary' })) {
  return { description, content: { [contentType]: { schema } } };
}

/** A JSON answer with its description. */
export function json<S extends z.ZodType>(description: string, schema: S) {
  return { description, content: { 'application/json': { schema } } } as const;
}
