import type { FastifyInstance } from 'fastify';
import { useZod } from '../../plugins/openapi.ts';
import { installCoopAuth } from './auth.ts';
import { installCoopErrorHandler } from './errors.ts';
import activitesRoute from './activites.ts';
import statistiquesRoute from './statistiques.ts';
import structureRoutes from './structures.ts';
import apiClientAdminRoutes from './admin-clients.ts';

/** The Coop-compatible read API (docs/coop-api.md): zod-validated, JSON:API errors, client auth. */
async function coopApi(app: FastifyInstance) {
  useZod(app);
  installCoopErrorHandler(app);
  installCoopAuth(app);
  await app.register(activitesRoute);
  await app.register(statistiquesRoute);
  await app.register(structureRoutes);
}

export default async function coopRoutes(app: FastifyInstance) {
  await app.register(coopApi);
  await app.register(apiClientAdminRoutes);
}
