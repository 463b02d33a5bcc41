import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertStructureInScope, canSeeStructure, requireStaff, structureScope } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { problems } from '../../../shared/admin-api/problem.ts';
import { useZod } from '../../plugins/openapi.ts';
import { getVenue, writeVenues } from '../../repositories/venues.ts';
import { getVenueReport, listVenueReports, setVenueReportStatus, type VenueReport } from '../../repositories/venue-reports.ts';
import { toNationalRow } from '../../../shared/venues/export.ts';
import type { Venue } from '../../../shared/venues/schema.ts';
import type { User } from '../../repositories/users.ts';
import { departementsOfVenues } from '../../repositories/venue-territory.ts';
import {
  VenueReportApplyBodySchema,
  VenueReportAppliedSchema,
  VenueReportDismissedSchema,
  VenueReportListQuerySchema,
  VenueReportListSchema,
  VenueReportParamsSchema,
  type VenueReportReview,
} from '../../../shared/admin-api/venues.ts';
import { acceptedEdit, actorOf, checkEdit } from './edit-check.ts';
import { territoryOf } from './scope.ts';

const reportNotFound = () => new HttpProblem(404, 'Signalement introuvable', "Ce signalement n'existe pas ou ne concerne pas un lieu de votre territoire.");
const TAGS = ['Coordination : lieux'];

/** The correction a report proposes, checked like an import row on the place as it is now. */
function checkReport(report: VenueReport, venue: Venue, departements: string[] | undefined) {
  return checkEdit(venue, { [report.field]: report.proposed }, departements);
}

/** Coordinators review field reports: list (current → proposed, checked), apply the proposed value, or dismiss. */
export default async function venueReportRoutes(app: FastifyInstance) {
  useZod(app, { validateResponses: true });
  const staff = requireStaff('admin', 'coordinator');
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/admin/venue-reports',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        summary: 'signalements de terrain',
        description:
          "Signalements des lieux du territoire de l'appelant, du plus récent au plus ancien, avec la valeur actuelle du champ et, pour ceux en attente, la correction vérifiée comme une ligne d'import.",
        querystring: VenueReportListQuerySchema,
        response: { 200: VenueReportListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = req.user!;
      let structureIds = structureScope(user);
      if (req.query.structureId) {
        assertStructureInScope(user, req.query.structureId);
        structureIds = [req.query.structureId];
      }
      // A report is reviewed by the coordinators of the place's territory (not of the reporting tablet).
      const departements = await territoryOf(app, user, req.query.structureId);
      const status = req.query.status;
      const reports = await listVenueReports(app.db, { departements, structureIds, status: status === 'all' ? undefined : status });
      const own = await territoryOf(app, user);
      const venues = new Map<string, Venue | undefined>();
      const out: VenueReportReview[] = [];
      for (const report of reports) {
        if (!venues.has(report.venueId)) venues.set(report.venueId, await getVenue(app.db, report.venueId));
        const venue = venues.get(report.venueId);
        const current = venue && report.field !== 'autre' ? ((toNationalRow(venue) as Record<string, string>)[report.field] ?? '') : null;
        let check = null;
        if (venue && report.status === 'pending' && report.field !== 'autre') {
          const c = checkReport(report, venue, own);
          check = { errors: c.errors, warnings: c.warnings };
        }
        out.push({ ...report, current, check });
      }
      return { reports: out };
    },
  );

  /** A pending report of a place of the user's territory (a place gone from the directory: of the user's structures). */
  async function loadPending(id: string, user: User) {
    const report = await getVenueReport(app.db, id);
    if (!report) throw reportNotFound();
    const departements = await territoryOf(app, user);
    const placeDepartement = (await departementsOfVenues(app.db, [report.venueId])).get(report.venueId);
    const mine = placeDepartement !== undefined ? !departements || departements.includes(placeDepartement) : canSeeStructure(user, report.structureId);
    if (!mine) throw reportNotFound();
    if (report.status !== 'pending') throw new HttpProblem(409, 'Déjà traité', `Ce signalement a déjà été traité (${report.status === 'applied' ? 'appliqué' : 'écarté'}).`);
    return { report, departements };
  }

  r.post(
    '/api/v1/admin/venue-reports/:id/apply',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        summary: 'appliquer un signalement',
        description:
          "La valeur proposée est validée comme une ligne d'import : une erreur donne 400 (champ nommé), des avertissements 409 tant que { confirm: true } n'est pas envoyé.",
        params: VenueReportParamsSchema,
        body: VenueReportApplyBodySchema,
        response: { 200: VenueReportAppliedSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = req.user!;
      const { report, departements } = await loadPending(req.params.id, user);
      if (report.field === 'autre') {
        throw new HttpProblem(409, 'Correction manuelle', 'Ce signalement ne vise pas un champ précis : corrigez le lieu à la main, puis écartez le signalement.');
      }
      const venue = await getVenue(app.db, report.venueId);
      if (!venue) throw new HttpProblem(409, 'Lieu supprimé', "Le lieu signalé n'existe plus dans l'annuaire.");
      const accepted = acceptedEdit(checkReport(report, venue, departements), req.body?.confirm === true);
      await writeVenues(app.db, [accepted.venue], actorOf(user, 'report-apply'));
      await setVenueReportStatus(app.db, report.id, 'applied', user.id);
      return { report: (await getVenueReport(app.db, report.id))!, venue: (await getVenue(app.db, venue.id)) ?? accepted.venue, warnings: accepted.warnings };
    },
  );

  r.post(
    '/api/v1/admin/venue-reports/:id/dismiss',
    { onRequest: staff, schema: { tags: TAGS, summary: 'écarter un signalement', params: VenueReportParamsSchema, response: { 200: VenueReportDismissedSchema, ...problems(400, 401, 403, 404) } } },
    async (req) => {
      const user = req.user!;
      const { report } = await loadPending(req.params.id, user);
      await setVenueReportStatus(app.db, report.id, 'dismissed', user.id);
      return { report: (await getVenueReport(app.db, report.id))! };
    },
  );
}
