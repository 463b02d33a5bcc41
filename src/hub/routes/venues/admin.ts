import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { deleteVenue, getVenue, iterateVenues, searchVenues, writeVenues } from '../../repositories/venues.ts';
import { nationalCsvHeader, nationalCsvLine, toNationalRow } from '../../../shared/venues/export.ts';
import { VENUE_COLUMNS } from '../../../shared/venues/fields.ts';
import { normaliseVenueRow } from '../../../shared/venues/normalise.ts';
import { hoursParse } from '../../../shared/venues/hours.ts';
import { inseeOf } from '../../repositories/venue-communes.ts';
import { territoryOf } from './scope.ts';
import { userTimeZone } from '../coordination/time-zone.ts';
import { zonedDay } from '../../../shared/time/zoned-date.ts';

const notFound = () => new HttpProblem(404, 'Lieu introuvable', "Ce lieu n'existe pas ou n'est pas dans votre territoire.");

/** Coordinator side: search, read, export and delete places. */
export default async function venueAdminRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');

  app.get<{ Querystring: { q?: string; structureId?: string; limit?: string } }>('/api/v1/admin/venues', { preHandler: staff }, async (req) => {
    const departements = await territoryOf(app, req.user!, req.query.structureId);
    const limit = Number(req.query.limit ?? 20);
    return { venues: await searchVenues(app.db, { q: req.query.q ?? '', departements, limit: Number.isFinite(limit) ? limit : 20 }) };
  });

  // The whole directory (or a structure's territory) in the national standard, streamed.
  app.get<{ Querystring: { structureId?: string } }>('/api/v1/admin/venues/export.csv', { preHandler: staff }, async (req, reply) => {
    const departements = await territoryOf(app, req.user!, req.query.structureId);
    const db = app.db;
    const body = Readable.from(
      (async function* () {
        yield nationalCsvHeader();
        for await (const v of iterateVenues(db, { departements })) yield nationalCsvLine(v);
      })(),
    );
    const day = zonedDay(new Date(), await userTimeZone(app, req.user!, req.query.structureId));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="lieux-mediation-numerique-${day}.csv"`)
      .send(body);
  });

  app.get<{ Params: { id: string } }>('/api/v1/admin/venues/:id', { preHandler: staff }, async (req) => {
    const venue = await getVenue(app.db, req.params.id);
    const departements = await territoryOf(app, req.user!);
    if (!venue || (departements && !departements.includes(venue.departement))) throw notFound();
    return venue;
  });

  // A coordinator corrects a place: fields of the national standard as text (lists joined with |).
  app.patch<{ Params: { id: string } }>('/api/v1/admin/venues/:id', { preHandler: staff }, async (req) => {
    const venue = await getVenue(app.db, req.params.id);
    const departements = await territoryOf(app, req.user!);
    if (!venue || (departements && !departements.includes(venue.departement))) throw notFound();
    const body = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpProblem(400, 'Corps invalide', 'Envoyez un objet { champ: valeur } du standard national.');
    const patch = body as Record<string, unknown>;
    const unknown = Object.keys(patch).filter((k) => k === 'id' || !(VENUE_COLUMNS as readonly string[]).includes(k) || (patch[k] !== null && typeof patch[k] !== 'string'));
    if (unknown.length) throw new HttpProblem(400, 'Champs refusés', 'Seuls les champs du standard (sauf id) peuvent être modifiés, en texte.', unknown.map((k) => ({ path: k, message: `${k} : champ inconnu, non modifiable ou pas du texte` })));
    const row: Record<string, unknown> = { ...toNationalRow(venue), ...patch };
    const result = normaliseVenueRow(row, { hoursParse, inseeOf });
    if (!result.ok) throw new HttpProblem(400, 'Valeur refusée', 'Le lieu ne respecte plus le standard.', result.errors);
    const dropped = result.warnings.filter((w) => w.path in patch && w.path !== 'horaires' && w.path !== 'date_maj');
    if (dropped.length) throw new HttpProblem(400, 'Valeur refusée', 'Une valeur proposée ne respecte pas le standard.', dropped);
    if (departements && !departements.includes(result.venue.departement)) throw new HttpProblem(400, 'Hors territoire', 'Le lieu sortirait de votre territoire.', [{ path: 'code_postal', message: 'code_postal : hors du territoire de vos structures' }]);
    await writeVenues(app.db, [result.venue]);
    return { venue: result.venue, warnings: result.warnings };
  });

  app.delete<{ Params: { id: string } }>('/api/v1/admin/venues/:id', { preHandler: staff }, async (req, reply) => {
    const venue = await getVenue(app.db, req.params.id);
    const departements = await territoryOf(app, req.user!);
    if (!venue || (departements && !departements.includes(venue.departement))) throw notFound();
    await deleteVenue(app.db, venue.id);
    return reply.code(204).send();
  });
}
