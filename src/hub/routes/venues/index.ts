import type { FastifyInstance } from 'fastify';
import venueSyncRoutes from './sync.ts';
import venueAdminRoutes from './admin.ts';
import venueImportRoutes from './import.ts';
import venueReportRoutes from './reports.ts';

// Routes of the venue directory (protocol.md). Registered by src/hub/routes/index.ts.
export default async function venuesRoutes(app: FastifyInstance) {
  await app.register(venueSyncRoutes);
  await app.register(venueAdminRoutes);
  await app.register(venueImportRoutes);
  await app.register(venueReportRoutes);
}
