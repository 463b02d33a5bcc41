import { sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ActivityRecord } from '../../shared/activity/record.ts';
import type { StatsFilters } from '../../shared/stats/types.ts';
import { factsWhere, type StructureSelection } from './stats.ts';

export interface ExportedActivity {
  record: ActivityRecord;
  /** the hub's opaque id (migration 007): what exports show, never the device's record id */
  publicId: string;
  structureId: string;
  mediatorId: string;
  receivedAt: string;
  updatedAt: string;
}

const PAGE = 1000;

/**
 * The live records matching the filters, by date then id, read page by page (keyset) so an
 * export of a million rows streams in constant memory.
 */
export async function* iterateExportedActivities(db: DB, filters: StatsFilters, sel: StructureSelection): AsyncGenerator<ExportedActivity> {
  if ('ids' in sel && sel.ids.length === 0) return;
  let after: { date: string; id: string } | undefined;
  for (;;) {
    const keyset = after ? sql`AND (f.date > ${after.date} OR (f.date = ${after.date} AND f.activity_id > ${after.id}))` : sql``;
    const { rows } = await sql<{ id: string; public_id: string; date: string; record: string; structure_id: string; mediator_id: string; received_at: string; updated_at: string }>`
      SELECT f.activity_id AS id, a.public_id AS public_id, f.date AS date, a.record AS record, a.structure_id AS structure_id, a.mediator_id AS mediator_id,
        a.received_at AS received_at, a.updated_at AS updated_at
      FROM activity_facts f JOIN activities a ON a.id = f.activity_id
      WHERE ${factsWhere(filters, sel)} ${keyset}
      ORDER BY f.date, f.activity_id LIMIT ${PAGE}`.execute(db);
    for (const r of rows) {
      yield {
        record: JSON.parse(r.record) as ActivityRecord,
        publicId: r.public_id,
        structureId: r.structure_id,
        mediatorId: r.mediator_id,
        receivedAt: r.received_at,
        updatedAt: r.updated_at,
      };
    }
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    after = { date: last.date, id: last.id };
  }
}
