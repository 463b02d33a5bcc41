import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireStaff } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { createApiClient, listApiClients, revokeApiClient } from '../../repositories/api-clients.ts';
import { ApiClientListSchema, ApiClientParamsSchema, CreateApiClientSchema, CreatedApiClientSchema } from '../../../shared/admin-api/api-clients.ts';
import { problems } from '../../../shared/admin-api/problem.ts';

// Admin management of the Coop-compatible API's clients (the dashboard's "Accès API" page).
// Admins only: a client reads the whole hub.

const NOT_FOUND = { status: 404, title: 'Introuvable', detail: "Ce client d'API n'existe pas ou est déjà révoqué." };
const tags = ["Administration : accès à l'API"];

export default async function apiClientAdminRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admin = requireStaff('admin');

  app.get(
    '/api/v1/admin/api-clients',
    { onRequest: admin, schema: { tags, summary: "les clients de l'API compatible La Coop", response: { 200: ApiClientListSchema, ...problems(401, 403) } } },
    async () => ({ clients: await listApiClients(app.db) }),
  );

  app.post(
    '/api/v1/admin/api-clients',
    {
      onRequest: admin,
      config: { invalid: { title: "Client d'API non créé", detail: 'Vérifiez le nom et les droits.' } },
      schema: { tags, summary: "crée un client d'API ; son secret n'est donné qu'une fois", body: CreateApiClientSchema, response: { 201: CreatedApiClientSchema, ...problems(400, 401, 403) } },
    },
    async (req, reply) => {
      const { client, secret } = await createApiClient(app.db, { ...req.body, createdBy: req.user!.id });
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ client, secret });
    },
  );

  app.post(
    '/api/v1/admin/api-clients/:id/revoke',
    {
      onRequest: admin,
      config: { invalidParams: NOT_FOUND },
      schema: { tags, summary: "révoque un client d'API à l'instant", params: ApiClientParamsSchema, response: { 200: ApiClientListSchema, ...problems(401, 403, 404) } },
    },
    async (req) => {
      if (!(await revokeApiClient(app.db, req.params.id))) throw new HttpProblem(NOT_FOUND.status, NOT_FOUND.title, NOT_FOUND.detail);
      return { clients: await listApiClients(app.db) };
    },
  );
}
