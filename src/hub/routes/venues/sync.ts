import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireDevice } from '../../plugins/auth.ts';
import { useZod } from '../../plugins/openapi.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { getStructure } from '../../repositories/structures.ts';
import { getVenue, pullVenues } from '../../repositories/venues.ts';
import { createVenueReport } from '../../repositories/venue-reports.ts';
import { VenuePageSchema, VenuePullQuerySchema, VenueReportInputSchema, VenueReportReceiptSchema } from '../../../shared/venues/schema.ts';
import { problems } from '../../../shared/admin-api/problem.ts';
import { cursorRestart, decodeCursor, encodeCursor, parseLimit } from './territory.ts';

const tags = ['Synchronisation'];
const security = [{ DeviceAuth: [] }];

/** Device side: pull the territory's places, send field reports (protocol.md). */
export default async function venueSyncRoutes(fastify: FastifyInstance) {
  // A page holds up to 5,000 places: it is serialised as stored, not re-checked field by field
  // (tests/hub/venues-sync.test.ts parses pages with VenuePageSchema).
  useZod(fastify);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/sync/venues',
    {
      onRequest: requireDevice,
      schema: {
        tags,
        summary: "les lieux du territoire de la structure, par pages, depuis le curseur de l'appareil",
        security,
        querystring: VenuePullQuerySchema,
        response: { 200: VenuePageSchema, ...problems(400, 401) },
      },
    },
    async (req) => {
      const structure = await getStructure(app.db, req.device!.structureId);
      const departements = structure?.departements ?? [];
      const limit = parseLimit(req.query.limit);
      const since = decodeCursor(req.query.since, departements);
      const page = await pullVenues(app.db, { departements, since, limit });
      const restart = cursorRestart(req.query.since, departements);
      return { venues: page.venues, deleted: page.deleted, cursor: encodeCursor(page.lastSeq, departements), hasMore: page.hasMore, ...(restart ? { restart } : {}) };
    },
  );

  app.post(
    '/api/v1/sync/venue-reports',
    {
      onRequest: requireDevice,
      config: { invalid: { title: 'Signalement invalide', detail: 'Le signalement ne peut pas être enregistré.' } },
      schema: {
        tags,
        summary: "signale une erreur sur un lieu de l'annuaire (idempotent par id)",
        security,
        body: VenueReportInputSchema,
        response: { 200: VenueReportReceiptSchema, 201: VenueReportReceiptSchema, ...problems(400, 401, 409) },
      },
    },
    async (req, reply) => {
      const input = req.body;
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
    },
  );
}
