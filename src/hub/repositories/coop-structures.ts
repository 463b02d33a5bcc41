import { sql, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Venue } from '../../shared/venues/schema.ts';
import type { StoredVenue } from '../../shared/coop-api/structure.ts';

// GET /api/v1/structures and /lieux-activite: the places of the hub's directory. /structures
// pages by the keyset (created_at, id) — index venues_created_id_idx (migration 007) — newest
// first, deletions included, as La Coop's.

export interface StructurePageQuery {
  size: number;
  cursor?: { at: string; id: string; direction: 'after' | 'before' };
  ids?: string[];
  creationSince?: string;
  modificationSince?: string;
}

type Row = { data: string; created_at: string; updated_at: string; deleted: number };

function filters(q: Omit<StructurePageQuery, 'size' | 'cursor'>): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (q.ids?.length) out.push(sql`id IN (${sql.join(q.ids)})`);
  if (q.creationSince) out.push(sql`created_at >= ${q.creationSince}`);
  if (q.modificationSince) out.push(sql`updated_at >= ${q.modificationSince}`);
  return out;
}
const where = (parts: RawBuilder<unknown>[]) => (parts.length ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``);
const toStored = (r: Row): StoredVenue => ({ venue: JSON.parse(r.data) as Venue, createdAt: r.created_at, updatedAt: r.updated_at, deleted: Number(r.deleted) === 1 });

export async function structurePage(db: DB, q: StructurePageQuery): Promise<{ rows: StoredVenue[]; more: boolean }> {
  const parts = filters(q);
  const before = q.cursor?.direction === 'before';
  if (q.cursor) {
    parts.push(
      before
        ? sql`(created_at > ${q.cursor.at} OR (created_at = ${q.cursor.at} AND id > ${q.cursor.id}))`
        : sql`(created_at < ${q.cursor.at} OR (created_at = ${q.cursor.at} AND id < ${q.cursor.id}))`,
    );
  }
  const order = before ? sql`ORDER BY created_at ASC, id ASC` : sql`ORDER BY created_at DESC, id DESC`;
  const { rows } = await sql<Row>`SELECT data, created_at, updated_at, deleted FROM venues ${where(parts)} ${order} LIMIT ${q.size + 1}`.execute(db);
  const page = rows.slice(0, q.size);
  if (before) page.reverse();
  return { rows: page.map(toStored), more: rows.length > q.size };
}

export async function countStructures(db: DB, q: Omit<StructurePageQuery, 'size' | 'cursor'>): Promise<number> {
  const { rows } = await sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM venues ${where(filters(q))}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The live places where this hub's activities happen (a structure's places of activity, or a
 * place an activity names), at most `limit`, optionally only the given ids.
 */
export async function placesOfActivity(db: DB, opts: { ids?: string[]; declared: string[]; limit: number }): Promise<Venue[]> {
  const idFilter = opts.ids?.length ? sql`AND v.id IN (${sql.join(opts.ids)})` : sql``;
  const declared = opts.declared.length ? sql`OR v.id IN (${sql.join(opts.declared)})` : sql``;
  const { rows } = await sql<{ data: string }>`
    SELECT v.data AS data FROM venues v
    WHERE v.deleted = 0 ${idFilter}
      AND (v.id IN (SELECT DISTINCT f.venue_id FROM activity_facts f WHERE f.venue_id IS NOT NULL) ${declared})
    ORDER BY v.id LIMIT ${opts.limit}`.execute(db);
  return rows.map((r) => JSON.parse(r.data) as Venue);
}
