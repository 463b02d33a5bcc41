import type { DB } from '../db/schema.ts';
import { nowIso } from '../lib/time.ts';
import type { VenueReport } from '../../shared/admin-api/venues.ts';

export type { VenueReport };

type Row = {
  id: string;
  structure_id: string;
  device_id: string;
  mediator_id: string;
  venue_id: string;
  field: string;
  proposed: string;
  comment: string | null;
  status: string;
  created_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  nom?: string | null;
};

function toReport(r: Row): VenueReport {
  return {
    id: r.id,
    structureId: r.structure_id,
    deviceId: r.device_id,
    mediatorId: r.mediator_id,
    venueId: r.venue_id,
    venueName: r.nom ?? null,
    field: r.field,
    proposed: r.proposed,
    comment: r.comment,
    status: r.status as VenueReport['status'],
    createdAt: r.created_at,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
  };
}

/**
 * Stores a report once per id: a retry with the same id stores nothing more.
 * `created` is false on a retry; `report` is the stored one (which may belong to another structure).
 */
export async function createVenueReport(
  db: DB,
  input: { id: string; structureId: string; deviceId: string; mediatorId: string; venueId: string; field: string; proposed: string; comment?: string | undefined },
): Promise<{ created: boolean; report: VenueReport }> {
  const res = await db
    .insertInto('venue_reports')
    .values({
      id: input.id,
      structure_id: input.structureId,
      device_id: input.deviceId,
      mediator_id: input.mediatorId,
      venue_id: input.venueId,
      field: input.field,
      proposed: input.proposed,
      comment: input.comment ?? null,
      status: 'pending',
      created_at: nowIso(),
      reviewed_at: null,
      reviewed_by: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  const report = (await getVenueReport(db, input.id))!;
  return { created: Number(res.numInsertedOrUpdatedRows ?? 0) > 0, report };
}

export async function getVenueReport(db: DB, id: string): Promise<VenueReport | undefined> {
  const row = await db
    .selectFrom('venue_reports as r')
    .leftJoin('venues as v', 'v.id', 'r.venue_id')
    .selectAll('r')
    .select('v.nom')
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row ? toReport(row) : undefined;
}

/**
 * Reports newest first: of every place (no filter), or of the places of `departements` (the
 * coordinators of a place's territory review its reports) plus, for a place no longer in the
 * directory, the reports sent by `structureIds`.
 */
export async function listVenueReports(
  db: DB,
  opts: { departements?: string[] | undefined; structureIds?: string[] | undefined; status?: string; limit?: number },
): Promise<VenueReport[]> {
  let q = db.selectFrom('venue_reports as r').leftJoin('venues as v', 'v.id', 'r.venue_id').selectAll('r').select('v.nom');
  if (opts.departements) {
    const deps = opts.departements;
    const ids = opts.structureIds ?? [];
    if (deps.length === 0 && ids.length === 0) return [];
    q = q.where((eb) =>
      eb.or([
        ...(deps.length ? [eb('v.departement', 'in', deps)] : []),
        ...(ids.length ? [eb.and([eb('v.id', 'is', null), eb('r.structure_id', 'in', ids)])] : []),
      ]),
    );
  }
  if (opts.status) q = q.where('r.status', '=', opts.status);
  const rows = await q.orderBy('r.created_at', 'desc').orderBy('r.id').limit(opts.limit ?? 200).execute();
  return rows.map(toReport);
}

export async function setVenueReportStatus(db: DB, id: string, status: 'applied' | 'dismissed', reviewedBy: string): Promise<void> {
  await db.updateTable('venue_reports').set({ status, reviewed_at: nowIso(), reviewed_by: reviewedBy }).where('id', '=', id).execute();
}
