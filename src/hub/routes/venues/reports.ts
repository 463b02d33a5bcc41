import type { FastifyInstance } from 'fastify';
import { assertStructureInScope, canSeeStructure, requireStaff, structureScope } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { getVenue, writeVenues } from '../../repositories/venues.ts';
import { getVenueReport, listVenueReports, setVenueReportStatus } from '../../repositories/venue-reports.ts';
import { toNationalRow } from '../../../shared/venues/export.ts';
import { normaliseVenueRow } from '../../../shared/venues/normalise.ts';
import { hoursParse } from '../../../shared/venues/hours.ts';
import type { User } from '../../repositories/users.ts';
import { departementsOfVenues } from '../../repositories/venue-territory.ts';
import { territoryOf } from './scope.ts';

const reportNotFound = () => new HttpProblem(404, 'Signalement introuvable', "Ce signalement n'existe pas ou ne concerne pas un lieu de votre territoire.");

/** Coordinators review field reports: list, apply the proposed value, or dismiss. */
export default async function venueReportRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');

  app.get<{ Querystring: { status?: string; structureId?: string } }>('/api/v1/admin/venue-reports', { preHandler: staff }, async (req) => {
    const user = req.user!;
    let structureIds = structureScope(user);
    if (req.query.structureId) {
      assertStructureInScope(user, req.query.structureId);
      structureIds = [req.query.structureId];
    }
    // A report is reviewed by the coordinators of the place's territory (not of the reporting tablet).
    const departements = await territoryOf(app, user, req.query.structureId);
    const status = req.query.status ?? 'pending';
    if (!['pending', 'applied', 'dismissed', 'all'].includes(status)) {
      throw new HttpProblem(400, 'Statut inconnu', 'status vaut pending, applied, dismissed ou all.', [{ path: 'status', message: 'status : valeur inconnue' }]);
    }
    return { reports: await listVenueReports(app.db, { departements, structureIds, status: status === 'all' ? undefined : status }) };
  });

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

  app.post<{ Params: { id: string } }>('/api/v1/admin/venue-reports/:id/apply', { preHandler: staff }, async (req) => {
    const user = req.user!;
    const { report, departements } = await loadPending(req.params.id, user);
    if (report.field === 'autre') {
      throw new HttpProblem(409, 'Correction manuelle', 'Ce signalement ne vise pas un champ précis : corrigez le lieu à la main, puis écartez le signalement.');
    }
    const venue = await getVenue(app.db, report.venueId);
    if (!venue) throw new HttpProblem(409, 'Lieu supprimé', "Le lieu signalé n'existe plus dans l'annuaire.");
    const row: Record<string, string> = { ...toNationalRow(venue), [report.field]: report.proposed };
    const result = normaliseVenueRow(row, { hoursParse });
    const dropped = result.warnings.filter((w) => w.path === report.field && report.field !== 'horaires');
    if (!result.ok || dropped.length) {
      const errors = result.ok ? dropped : result.errors;
      throw new HttpProblem(400, 'Valeur refusée', 'La valeur proposée ne respecte pas le standard : corrigez-la sur le lieu à la main.', errors);
    }
    if (departements && !departements.includes(result.venue.departement)) {
      throw new HttpProblem(400, 'Hors territoire', 'Le lieu sortirait de votre territoire.', [{ path: 'code_postal', message: 'code_postal : hors du territoire de vos structures' }]);
    }
    await writeVenues(app.db, [result.venue]);
    await setVenueReportStatus(app.db, report.id, 'applied', user.id);
    return { report: await getVenueReport(app.db, report.id), venue: result.venue };
  });

  app.post<{ Params: { id: string } }>('/api/v1/admin/venue-reports/:id/dismiss', { preHandler: staff }, async (req) => {
    const user = req.user!;
    const { report } = await loadPending(req.params.id, user);
    await setVenueReportStatus(app.db, report.id, 'dismissed', user.id);
    return { report: await getVenueReport(app.db, report.id) };
  });
}
