import type { Kysely } from 'kysely';
import type { Database, DB } from '../db/schema.ts';
import { takeSequence } from './venue-write.ts';
import { nowIso } from '../lib/time.ts';
import { foldText } from '../../shared/text.ts';
import type { Venue } from '../../shared/venues/schema.ts';
import type { VenueSummary } from '../../shared/admin-api/venues.ts';
import { recordVenueChanges, type VenueActor } from './venue-changes.ts';

export { writeVenues, writeSourcedVenues, type WriteStatus, type WriteOutcome, type SourcedVenue } from './venue-write.ts';
export type { VenueSummary };

/** Marks a venue deleted (a tombstone devices receive on their next pull), in its history with an `actor`. False when unknown. */
export async function deleteVenue(db: DB, id: string, actor?: VenueActor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const base = await takeSequence(trx);
    const before = actor ? await trx.selectFrom('venues').select('data').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst() : undefined;
    const res = await trx
      .updateTable('venues')
      .set({ deleted: 1, seq: base + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('deleted', '=', 0)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    await trx.updateTable('venue_counter').set({ value: base + 1 }).where('id', '=', 1).execute();
    if (actor && before) await recordVenueChanges(trx, actor, [{ venueId: id, before: JSON.parse(before.data) as Venue, after: undefined }], nowIso());
    return true;
  });
}

export async function getVenue(db: Kysely<Database>, id: string): Promise<Venue | undefined> {
  const row = await db.selectFrom('venues').select('data').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  return row ? (JSON.parse(row.data) as Venue) : undefined;
}

/** The places whose id in their source is `sourceId` (one per source that has it), with their hub id and source. */
export async function findBySourceId(db: DB, sourceId: string): Promise<{ id: string; source: string; linkedTo: string | null; venue: Venue }[]> {
  const rows = await db.selectFrom('venues').select(['id', 'source', 'linked_to', 'data']).where('source_id', '=', sourceId).where('deleted', '=', 0).execute();
  return rows.map((r) => ({ id: r.id, source: r.source, linkedTo: r.linked_to, venue: JSON.parse(r.data) as Venue }));
}

/** Names of places of activity (contracts.md: SYNC's settings endpoint). Unknown or deleted ids are left out. */
export async function getVenuesByIds(db: DB, ids: string[]): Promise<{ id: string; nom: string; commune: string; code_insee?: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('venues')
    .select(['id', 'nom', 'commune', 'code_insee'])
    .where('id', 'in', ids)
    .where('deleted', '=', 0)
    .execute();
  return rows.map((r) => ({ id: r.id, nom: r.nom, commune: r.commune, ...(r.code_insee ? { code_insee: r.code_insee } : {}) }));
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Places whose name, commune, postcode or address contain every word of `q` (accents folded). */
export async function searchVenues(db: DB, opts: { q?: string; departements?: string[]; limit?: number }): Promise<VenueSummary[]> {
  return (await searchVenuePage(db, { ...opts, count: false })).venues;
}

/** One page of the search, by name then id, with the number of places matching (when `count`). */
export async function searchVenuePage(
  db: DB,
  opts: { q?: string; departements?: string[] | undefined; limit?: number; offset?: number; count?: boolean },
): Promise<{ venues: VenueSummary[]; total: number }> {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 200);
  const offset = Math.max(opts.offset ?? 0, 0);
  let query = db.selectFrom('venues').where('deleted', '=', 0);
  if (opts.departements) {
    if (opts.departements.length === 0) return { venues: [], total: 0 };
    query = query.where('departement', 'in', opts.departements);
  }
  for (const word of foldText(opts.q ?? '').split(' ').filter(Boolean).slice(0, 8)) {
    query = query.where((eb) => eb('search_text', 'like', likePattern(word)));
  }
  const rows = await query
    .select(['id', 'nom', 'commune', 'code_postal', 'code_insee', 'departement', 'source', 'updated_at', 'data'])
    .orderBy('nom')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  let total = offset + rows.length;
  if (opts.count !== false && (rows.length === limit || offset > 0)) {
    const c = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
    total = Number(c?.n ?? 0);
  }
  const venues = rows.map((r) => {
    const v = JSON.parse(r.data) as Venue;
    return {
      id: r.id,
      nom: r.nom,
      commune: r.commune,
      code_postal: r.code_postal,
      ...(r.code_insee ? { code_insee: r.code_insee } : {}),
      adresse: v.adresse,
      departement: r.departement,
      source: r.source || v.source || 'inconnue',
      updatedAt: r.updated_at,
    };
  });
  return { venues, total };
}

async function headSequence(db: DB): Promise<number> {
  const r = await db.selectFrom('venue_counter').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(r.value);
}

export interface PulledVenues {
  venues: Venue[];
  deleted: string[];
  lastSeq: number;
  hasMore: boolean;
}

/** Changes after `since` for a territory, in sequence order (GET /api/v1/sync/venues). */
export async function pullVenues(db: DB, opts: { departements: string[]; since: number; limit: number }): Promise<PulledVenues> {
  if (opts.departements.length === 0) return { venues: [], deleted: [], lastSeq: await headSequence(db), hasMore: false };
  // Read the committed head first: everything at or below it is already visible.
  const head = await headSequence(db);
  const rows = await db
    .selectFrom('venues')
    .select(['id', 'data', 'deleted', 'departement', 'seq', 'linked_to'])
    .where('seq', '>', opts.since)
    .where((eb) => eb.or([eb('departement', 'in', opts.departements), eb('previous_departement', 'in', opts.departements)]))
    .orderBy('seq')
    .limit(opts.limit + 1)
    .execute();
  const hasMore = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  const venues: Venue[] = [];
  const deleted: string[] = [];
  for (const r of page) {
    // A place linked to the same place of another source is never on devices: one place shown.
    if (r.deleted || r.linked_to || !opts.departements.includes(r.departement)) deleted.push(r.id);
    else venues.push(JSON.parse(r.data) as Venue);
  }
  const last = page.length ? Number(page[page.length - 1]!.seq) : opts.since;
  return { venues, deleted, hasMore, lastSeq: hasMore ? last : Math.max(head, last, opts.since) };
}

/** Every live venue of the given départements (or all), in id order, page by page (the export). */
export async function* iterateVenues(db: DB, opts: { departements?: string[]; pageSize?: number } = {}): AsyncGenerator<Venue> {
  let after = '';
  const size = opts.pageSize ?? 1000;
  for (;;) {
    let q = db.selectFrom('venues').select(['id', 'data']).where('deleted', '=', 0).where('id', '>', after);
    if (opts.departements) {
      if (opts.departements.length === 0) return;
      q = q.where('departement', 'in', opts.departements);
    }
    const rows = await q.orderBy('id').limit(size).execute();
    for (const r of rows) yield JSON.parse(r.data) as Venue;
    if (rows.length < size) return;
    after = rows[rows.length - 1]!.id;
  }
}
