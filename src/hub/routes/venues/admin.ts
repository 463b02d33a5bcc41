import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireStaff } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { download, problems } from '../../../shared/admin-api/problem.ts';
import { useZod } from '../../plugins/openapi.ts';
import { deleteVenue, getVenue, iterateVenues, searchVenuePage, writeVenues } from '../../repositories/venues.ts';
import { listVenueChanges } from '../../repositories/venue-changes.ts';
import { departementsOfVenues } from '../../repositories/venue-territory.ts';
import { nationalCsvHeader, nationalCsvLine } from '../../../shared/venues/export.ts';
import {
  ConfirmQuerySchema,
  VenueCheckSchema,
  VenueExportQuerySchema,
  VenueHistoryQuerySchema,
  VenueHistorySchema,
  VenueIdParamsSchema,
  VenueListQuerySchema,
  VenueListSchema,
  VenuePatchSchema,
  VenueSchema,
  VenueWriteSchema,
} from '../../../shared/admin-api/venues.ts';
import type { User } from '../../repositories/users.ts';
import { territoryOf } from './scope.ts';
import { acceptedEdit, actorOf, checkEdit, refusedFields } from './edit-check.ts';
import { userTimeZone } from '../coordination/time-zone.ts';
import { zonedDay } from '../../../shared/time/zoned-date.ts';

const notFound = () => new HttpProblem(404, 'Lieu introuvable', "Ce lieu n'existe pas ou n'est pas dans votre territoire.");
const TAGS = ['Coordination : lieux'];

/** Coordinator side: search, read, check, edit, delete places, their history, and the export. */
export default async function venueAdminRoutes(app: FastifyInstance) {
  useZod(app, { validateResponses: true });
  const staff = requireStaff('admin', 'coordinator');
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/admin/venues',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        summary: 'lieux du territoire',
        description: "Recherche (nom, commune, code postal, adresse ; accents ignorés) parmi les lieux du territoire de l'appelant, par pages.",
        querystring: VenueListQuerySchema,
        response: { 200: VenueListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const departements = await territoryOf(app, req.user!, req.query.structureId);
      const { limit, offset } = req.query;
      const page = await searchVenuePage(app.db, { q: req.query.q ?? '', departements, limit, offset });
      return { ...page, limit, offset };
    },
  );

  // The whole directory (or a structure's territory) in the national standard, streamed.
  r.get(
    '/api/v1/admin/venues/export.csv',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        summary: "les lieux du territoire (ou de l'annuaire pour un administrateur) au standard national, en CSV",
        querystring: VenueExportQuerySchema,
        response: { 200: download('lieux-mediation-numerique-<jour>.csv', 'text/csv', z.string()), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
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
    },
  );

  /** A live place of the caller's territory, else 404. */
  async function ownPlace(id: string, user: User) {
    const venue = await getVenue(app.db, id);
    const departements = await territoryOf(app, user);
    if (!venue || (departements && !departements.includes(venue.departement))) throw notFound();
    return { venue, departements };
  }

  r.get(
    '/api/v1/admin/venues/:id',
    { onRequest: staff, schema: { tags: TAGS, summary: 'un lieu', params: VenueIdParamsSchema, response: { 200: VenueSchema, ...problems(400, 401, 403, 404) } } },
    async (req) => (await ownPlace(req.params.id, req.user!)).venue,
  );

  r.get(
    '/api/v1/admin/venues/:id/history',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        summary: "historique d'un lieu",
        description: 'Qui a changé quoi (import, modification, suppression, signalement appliqué), du plus récent au plus ancien, champs avant → après.',
        params: VenueIdParamsSchema,
        querystring: VenueHistoryQuerySchema,
        response: { 200: VenueHistorySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      // Deleted places keep their history: the territory is the one the place was stored in.
      const at = (await departementsOfVenues(app.db, [req.params.id])).get(req.params.id);
      const departements = await territoryOf(app, req.user!);
      if (at === undefined || (departements && !departements.includes(at))) throw notFound();
      return { changes: await listVenueChanges(app.db, req.params.id, req.query.limit) };
    },
  );

  // The edit validated like an import row, nothing written: the form shows errors and warnings before saving.
  r.post(
    '/api/v1/admin/venues/:id/check',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        summary: "vérifier une modification d'un lieu",
        description: "Valide la modification comme une ligne d'import (erreurs qui bloquent, avertissements à confirmer), sans rien enregistrer.",
        params: VenueIdParamsSchema,
        body: VenuePatchSchema,
        response: { 200: VenueCheckSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { venue, departements } = await ownPlace(req.params.id, req.user!);
      const refused = refusedFields(req.body);
      if (refused.length) return { errors: refused, warnings: [] };
      const check = checkEdit(venue, req.body, departements);
      return { errors: check.errors, warnings: check.warnings };
    },
  );

  // A coordinator corrects a place: fields of the national standard as text (lists joined with |).
  r.patch(
    '/api/v1/admin/venues/:id',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        summary: 'modifier un lieu',
        description:
          "Champs du standard national en texte (listes séparées par |). Validé comme une ligne d'import : une erreur donne 400 (champ nommé) ; des avertissements donnent 409 tant que confirm=1 n'est pas passé.",
        params: VenueIdParamsSchema,
        querystring: ConfirmQuerySchema,
        body: VenuePatchSchema,
        response: { 200: VenueWriteSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = req.user!;
      const { venue, departements } = await ownPlace(req.params.id, user);
      const refused = refusedFields(req.body);
      if (refused.length) throw new HttpProblem(400, 'Champs refusés', 'Seuls les champs du standard (sauf id) peuvent être modifiés, en texte.', refused);
      const accepted = acceptedEdit(checkEdit(venue, req.body, departements), req.query.confirm === '1' || req.query.confirm === 'true');
      await writeVenues(app.db, [accepted.venue], actorOf(user, 'edit'));
      return { venue: (await getVenue(app.db, venue.id)) ?? accepted.venue, warnings: accepted.warnings };
    },
  );

  r.delete(
    '/api/v1/admin/venues/:id',
    { onRequest: staff, schema: { tags: TAGS, summary: 'supprimer un lieu', params: VenueIdParamsSchema, response: { 204: z.null().describe('supprimé'), ...problems(400, 401, 403, 404) } } },
    async (req, reply) => {
      const { venue } = await ownPlace(req.params.id, req.user!);
      await deleteVenue(app.db, venue.id, actorOf(req.user!, 'delete'));
      return reply.code(204).send(null);
    },
  );
}
