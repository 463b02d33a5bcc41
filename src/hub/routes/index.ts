import type { FastifyInstance } from 'fastify';
import healthRoutes from './health.ts';
import authRoutes from './auth/index.ts';
import devicesRoutes from './devices/index.ts';
import syncRoutes from './sync/index.ts';
import venuesRoutes from './venues/index.ts';
import portalRoutes from './portal/index.ts';
import coordinationRoutes from './coordination/index.ts';
import coopRoutes from './coop/index.ts';

/** One plugin per resource folder. */
export async function registerRoutes(app: FastifyInstance) {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(devicesRoutes);
  await app.register(syncRoutes);
  await app.register(venuesRoutes);
  await app.register(portalRoutes);
  await app.register(coordinationRoutes);
  await app.register(coopRoutes);
}
