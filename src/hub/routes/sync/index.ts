import type { FastifyInstance } from 'fastify';
import pushRoutes from './push.ts';
import settingsRoutes from './settings.ts';

// Routes of the device sync (protocol.md "Push activity records" and "Pull what devices need").
// Venues and portal pulls are served by their own features' route folders.
export default async function syncRoutes(app: FastifyInstance) {
  await app.register(pushRoutes);
  await app.register(settingsRoutes);
}
