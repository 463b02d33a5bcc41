import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { requireDevice } from '../../plugins/auth.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { getStructure } from '../../repositories/structures.ts';
import { getVenue, pullVenues } from '../../repositories/venues.ts';
import { createVenueReport } from '../../repositories/venue-reports.ts';
import { VenueReportInputSchema } from '../../../shared/venues/schema.ts';
import { cursorRestart, decodeCursor, encodeCursor, parseLimit } from './territory.ts';

/** Device side: pull the territory's places, send field reports (protocol.md). */
export default async function venueSyncRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { since?: string; limit?: string } }>('/api/v1/sync/venues', { preHandler: requireDevice }, async (req) => {
    const structure = await getStructure(app.db, req.device!.structureId);
    const departements = structure?.departements ?? [];
    const limit = parseLimit(req.query.limit);
    const since = decodeCursor(req.query.since, departements);
    const page = await pullVenues(app.db, { departements, since, limit });
    const restart = cursorRestart(req.query.since, departements);
    return { venues: page.venues, deleted: page.deleted, cursor: encodeCursor(page.lastSeq, departements), hasMore: page.hasMore, ...(restart ? { restart } : {}) };
  });

  app.post('/api/v1/sync/venue-reports', { preHandler: requireDevice }, async (req, reply) => {
    const parsed = VenueReportInputSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw new HttpProblem(400, 'Signalement invalide', 'Le signalement ne peut pas être enregistré.', zodErrors(parsed.error.issues));
    const input = parsed.data;
    if (!(await getVenue(app.db, input.venueId))) {
      throw new HttpProblem(400, 'Lieu inconnu', "Ce lieu n'existe pas (ou plus) dans l'annuaire du hub.", [{ path: 'venueId', message: 'venueId : lieu inconnu' }]);
    }
    const device = req.device!;
    const { created, report } = await createVenueReport(app.db, {
      id: input.id ?? randomUUID(),
      structureId: device.structureId,
      deviceId: device.deviceId,
      mediatorId: device.mediatorId,
      venueId: input.venueId,
      field: input.field,
      proposed: input.proposed,
      comment: input.comment,
    });
    if (report.structureId !== device.structureId) {
      throw new HttpProblem(409, 'Identifiant déjà utilisé', 'Un autre signalement porte déjà cet identifiant.');
    }
    return reply.code(created ? 201 : 200).send({ id: report.id, status: report.status });
  });
}
