import type { FastifyInstance } from 'fastify';
import { ping } from '../repositories/meta.ts';
import { HUB_VERSION } from '../version.ts';

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health', async (_req, reply) => {
    try {
      await ping(app.db);
    } catch {
      return reply.code(503).send({ status: 'unavailable', db: app.dialect, version: HUB_VERSION });
    }
    return { status: 'ok', db: app.dialect, version: HUB_VERSION };
  });
}
