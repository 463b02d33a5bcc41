import { sql, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ActivityRecord } from '../../shared/activity/record.ts';
import type { StoredForApi } from '../../shared/coop-api/activite.ts';

// GET /api/v1/activites: every activity of the hub, deletions included, newest change first,
// by the keyset (updated_at, public_id) — index activities_updated_public_idx (migration 007).
// A page is one index range scan whatever its depth: no OFFSET.

export interface ActivityPageQuery {
  size: number;
  /** the last row of the previous page (page[after]) or the first of the next one (page[before]) */
  cursor?: { at: string; id: string; direction: 'after' | 'before' };
  creationSince?: string;
  modificationSince?: string;
}

type Row = { public_id: string; structure_id: string; mediator_id: string; deleted: number; record: string | null; received_at: string; updated_at: string };

function filters(q: Pick<ActivityPageQuery, 'creationSince' | 'modificationSince'>): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (q.creationSince) out.push(sql`received_at >= ${q.creationSince}`);
  if (q.modificationSince) out.push(sql`updated_at >= ${q.modificationSince}`);
  return out;
}

const where = (parts: RawBuilder<unknown>[]) => (parts.length ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``);

/**
 * One page (size rows) and whether more rows lie beyond it in the reading direction. Rows come
 * back newest first in both directions.
 */
export async function activityPage(db: DB, q: ActivityPageQuery): Promise<{ rows: StoredForApi[]; more: boolean }> {
  const parts = filters(q);
  const before = q.cursor?.direction === 'before';
  if (q.cursor) {
    // A row-value comparison: both databases read it as one range of the (updated_at, public_id)
    // index, where the equivalent OR form may be scanned from the index's start.
    parts.push(before ? sql`(updated_at, public_id) > (${q.cursor.at}, ${q.cursor.id})` : sql`(updated_at, public_id) < (${q.cursor.at}, ${q.cursor.id})`);
  }
  const order = before ? sql`ORDER BY updated_at ASC, public_id ASC` : sql`ORDER BY updated_at DESC, public_id DESC`;
  const { rows } = await sql<Row>`
    SELECT public_id, structure_id, mediator_id, deleted, record, received_at, updated_at
    FROM activities ${where(parts)} ${order} LIMIT ${q.size + 1}`.execute(db);
  const more = rows.length > q.size;
  const page = rows.slice(0, q.size);
  if (before) page.reverse();
  return {
    more,
    rows: page.map((r) => ({
      publicId: r.public_id,
      structureId: r.structure_id,
      mediatorId: r.mediator_id,
      deleted: Number(r.deleted) === 1,
      record: r.record ? (JSON.parse(r.record) as ActivityRecord) : null,
      receivedAt: r.received_at,
      updatedAt: r.updated_at,
    })),
  };
}

/** How many activities match the filters (deletions included). */
export async function countActivities(db: DB, q: Pick<ActivityPageQuery, 'creationSince' | 'modificationSince'>): Promise<number> {
  const { rows } = await sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM activities ${where(filters(q))}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The opaque id the hub serves for a device record id (tests and the exports use it). */
export async function publicIdOf(db: DB, recordId: string): Promise<string | undefined> {
  if (recordId.includes('\u0000')) return undefined;
  const { rows } = await sql<{ public_id: string }>`SELECT public_id FROM activities WHERE id = ${recordId}`.execute(db);
  return rows[0]?.public_id;
}
