import type { FastifyInstance } from 'fastify';
import adminPortalRoutes from './admin.ts';
import syncPortalRoutes from './sync.ts';

// Routes of the portal (protocol.md): the merged catalogue for devices, the structure's
// customisation and the kiosk browser policy for coordinators. Registered by src/hub/routes/index.ts.
export default async function portalRoutes(app: FastifyInstance) {
  await app.register(syncPortalRoutes);
  await app.register(adminPortalRoutes);
}
