import type { FastifyInstance } from 'fastify';
import statsRoutes from './stats.ts';
import figuresXlsxRoutes from './figures-xlsx.ts';
import exportRoutes from './exports.ts';
import shareRoutes from './share.ts';
import structureRoutes from './structures.ts';
import userRoutes from './users.ts';
import userLifecycleRoutes from './user-lifecycle.ts';
import mediatorRoutes from './mediators.ts';

// Routes of the "coordination" resource (protocol.md, Coordinators): figures, exports, share
// links and their public page, admin structures and users. Registered by src/hub/routes/index.ts.
export default async function coordinationRoutes(app: FastifyInstance) {
  await app.register(statsRoutes);
  await app.register(figuresXlsxRoutes);
  await app.register(exportRoutes);
  await app.register(shareRoutes);
  await app.register(structureRoutes);
  await app.register(userRoutes);
  await app.register(userLifecycleRoutes);
  await app.register(mediatorRoutes);
}
