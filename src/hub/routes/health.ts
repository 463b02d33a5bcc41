import type { FastifyInstance } from 'fastify';
import { ping } from '../repositories/meta.ts';
import { HUB_VERSION } from '../version.ts';
import { HealthSchema } from '../../shared/admin-api/auth.ts';
import { json } from '../../shared/admin-api/problem.ts';

export default async function healthRoutes(app: FastifyInstance) {
  const schema = {
    tags: ['Exploitation'],
    summary: "l'état du hub et de sa base de données",
    response: { 200: json('le hub répond', HealthSchema), 503: json('la base de données ne répond pas', HealthSchema) },
  };
  app.get('/api/health', { schema }, async (_req, reply) => {
    try {
      await ping(app.db);
    } catch {
      return reply.code(503).send({ status: 'unavailable', db: app.dialect, version: HUB_VERSION });
    }
    return { status: 'ok', db: app.dialect, version: HUB_VERSION };
  });
}
