import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireStaff } from '../../plugins/auth.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { createApiClient, listApiClients, revokeApiClient } from '../../repositories/api-clients.ts';
import { API_CLIENT_NAME_MAX, API_SCOPES } from '../../../shared/coop-api/scopes.ts';
import { plainText } from '../../../shared/activity/record.ts';

// Admin management of the Coop-compatible API's clients (the dashboard's "Accès API" page).
// Admins only: a client reads the whole hub.

export const CreateApiClientBody = z.strictObject({
  name: plainText('Nom')
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'Nom : obligatoire.').max(API_CLIENT_NAME_MAX, `Nom : ${API_CLIENT_NAME_MAX} caractères au plus.`)),
  scopes: z
    .array(z.enum(API_SCOPES, { error: `Droits : ${API_SCOPES.join(', ')}.` }), { error: 'Droits : une liste est attendue.' })
    .min(1, 'Droits : choisissez au moins un droit.')
    .max(API_SCOPES.length, 'Droits : trop de valeurs.')
    .transform((a) => API_SCOPES.filter((s) => a.includes(s))),
});

export default async function apiClientAdminRoutes(app: FastifyInstance) {
  const admin = requireStaff('admin');

  app.get('/api/v1/admin/api-clients', { preHandler: admin }, async () => ({ clients: await listApiClients(app.db) }));

  app.post('/api/v1/admin/api-clients', { preHandler: admin }, async (req, reply) => {
    const body = CreateApiClientBody.safeParse(req.body ?? {});
    if (!body.success) throw new HttpProblem(400, "Client d'API non créé", 'Vérifiez le nom et les droits.', zodErrors(body.error.issues));
    const { client, secret } = await createApiClient(app.db, { ...body.data, createdBy: req.user!.id });
    reply.header('cache-control', 'no-store');
    return reply.code(201).send({ client, secret });
  });

  app.post('/api/v1/admin/api-clients/:id/revoke', { preHandler: admin }, async (req) => {
    const { id } = req.params as { id: string };
    if (!(await revokeApiClient(app.db, id))) throw new HttpProblem(404, 'Introuvable', "Ce client d'API n'existe pas ou est déjà révoqué.");
    return { clients: await listApiClients(app.db) };
  });
}
