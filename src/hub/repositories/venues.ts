import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, DB } from '../db/schema.ts';
import { nowIso } from '../lib/time.ts';
import { foldText } from '../../shared/text.ts';
import type { Venue } from '../../shared/venues/schema.ts';

// Change order for device pulls: every write takes the next numbers of the single
// venue_counter row INSIDE its transaction, as its first statement. The row lock is held
// until commit, so writers are serialised and a sequence number is never visible before
// every smaller one is: a reader never skips a row that commits later with a smaller seq.

export interface VenueSummary {
  id: string;
  nom: string;
  commune: string;
  code_postal: string;
  code_insee?: string;
  adresse: string;
  departement: string;
}

export type WriteStatus = 'created' | 'updated' | 'unchanged';

function hashVenue(v: Venue): string {
  return createHash('sha256').update(JSON.stringify(v)).digest('hex');
}

function searchTextOf(v: Venue): string {
  return foldText(`${v.nom} ${v.commune} ${v.code_postal} ${v.adresse}`);
}

async function takeSequence(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .updateTable('venue_counter')
    .set((eb) => ({ value: eb.ref('value') }))
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Writes normalised venues in one transaction; returns each one's status (idempotent by content). */
export async function writeVenues(db: DB, venues: Venue[]): Promise<Map<string, WriteStatus>> {
  const statuses = new Map<string, WriteStatus>();
  if (venues.length === 0) return statuses;
  await db.transaction().execute(async (trx) => {
    const base = await takeSequence(trx);
    const existing = new Map(
      (
        await trx
          .selectFrom('venues')
          .select(['id', 'content_hash', 'deleted', 'departement', 'previous_departement'])
          .where('id', 'in', venues.map((v) => v.id))
          .execute()
      ).map((r) => [r.id, r]),
    );
    const now = nowIso();
    let seq = base;
    const rows = [];
    for (const v of venues) {
      const hash = hashVenue(v);
      const old = existing.get(v.id);
      if (old && old.content_hash === hash && !old.deleted) {
        statuses.set(v.id, 'unchanged');
        continue;
      }
      statuses.set(v.id, old ? 'updated' : 'created');
      seq += 1;
      rows.push({
        id: v.id,
        departement: v.departement,
        previous_departement: old && old.departement !== v.departement ? old.departement : (old?.previous_departement ?? null),
        nom: v.nom,
        commune: v.commune,
        code_postal: v.code_postal,
        code_insee: v.code_insee ?? null,
        search_text: searchTextOf(v),
        data: JSON.stringify(v),
        content_hash: hash,
        seq,
        deleted: 0,
        created_at: now,
        updated_at: now,
      });
    }
    if (rows.length === 0) return;
    await trx
      .insertInto('venues')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          departement: eb.ref('excluded.departement'),
          previous_departement: eb.ref('excluded.previous_departement'),
          nom: eb.ref('excluded.nom'),
          commune: eb.ref('excluded.commune'),
          code_postal: eb.ref('excluded.code_postal'),
          code_insee: eb.ref('excluded.code_insee'),
          search_text: eb.ref('excluded.search_text'),
          data: eb.ref('excluded.data'),
          content_hash: eb.ref('excluded.content_hash'),
          seq: eb.ref('excluded.seq'),
          deleted: 0,
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    await trx.updateTable('venue_counter').set({ value: seq }).where('id', '=', 1).execute();
  });
  return statuses;
}

/** Marks a venue deleted (a tombstone devices receive on their next pull). False when unknown. */
export async function deleteVenue(db: DB, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const base = await takeSequence(trx);
    const res = await trx
      .updateTable('venues')
      .set({ deleted: 1, seq: base + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('deleted', '=', 0)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    await trx.updateTable('venue_counter').set({ value: base + 1 }).where('id', '=', 1).execute();
    return true;
  });
}

export async function getVenue(db: Kysely<Database>, id: string): Promise<Venue | undefined> {
  const row = await db.selectFrom('venues').select('data').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  return row ? (JSON.parse(row.data) as Venue) : undefined;
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
export async function searchVenues(
  db: DB,
  opts: { q?: string; departements?: string[]; limit?: number },
): Promise<VenueSummary[]> {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 200);
  let query = db
    .selectFrom('venues')
    .select(['id', 'nom', 'commune', 'code_postal', 'code_insee', 'departement', 'data'])
    .where('deleted', '=', 0);
  if (opts.departements) {
    if (opts.departements.length === 0) return [];
    query = query.where('departement', 'in', opts.departements);
  }
  for (const word of foldText(opts.q ?? '').split(' ').filter(Boolean).slice(0, 8)) {
    query = query.where((eb) => eb('search_text', 'like', likePattern(word)));
  }
  const rows = await query.orderBy('nom').orderBy('id').limit(limit).execute();
  return rows.map((r) => {
    const v = JSON.parse(r.data) as Venue;
    return {
      id: r.id,
      nom: r.nom,
      commune: r.commune,
      code_postal: r.code_postal,
      ...(r.code_insee ? { code_insee: r.code_insee } : {}),
      adresse: v.adresse,
      departement: r.departement,
    };
  });
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
    .select(['id', 'data', 'deleted', 'departement', 'seq'])
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
    if (r.deleted || !opts.departements.includes(r.departement)) deleted.push(r.id);
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
