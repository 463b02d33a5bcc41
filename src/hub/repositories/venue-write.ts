import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, DB } from '../db/schema.ts';
import { nowIso } from '../lib/time.ts';
import { foldText } from '../../shared/text.ts';
import { hubVenueId, pivotKey, placeKey } from '../../shared/venues/identity.ts';
import type { Venue } from '../../shared/venues/schema.ts';
import { recordVenueChanges, type VenueActor } from './venue-changes.ts';

// Change order for device pulls: every write takes the next numbers of the single
// venue_counter row INSIDE its transaction, as its first statement. The row lock is held
// until commit, so writers are serialised and a sequence number is never visible before
// every smaller one is: a reader never skips a row that commits later with a smaller seq.

export type WriteStatus = 'created' | 'updated' | 'unchanged';

/** A place of a source: its identity is (source, sourceId); `hubId` forces the hub id (edits of a known place). */
export interface SourcedVenue {
  venue: Venue;
  source: string;
  sourceId: string;
  hubId?: string;
}

export interface LinkTarget {
  id: string;
  source: string;
  sourceId: string;
  by: 'pivot' | 'nom+adresse';
}

export interface WriteOutcome {
  id: string;
  status: WriteStatus;
  /** the same place from another source: this one is kept on the hub but never sent to devices */
  linkedTo?: LinkTarget;
}

/** Places whose source is unknown (written without one, or from before migration 009). */
export const UNKNOWN_SOURCE = 'inconnue';

function hashVenue(v: Venue, linkedTo: string | null): string {
  return createHash('sha256').update(JSON.stringify(v)).update(`\0${linkedTo ?? ''}`).digest('hex');
}

function searchTextOf(v: Venue): string {
  return foldText(`${v.nom} ${v.commune} ${v.code_postal} ${v.adresse}`);
}

export async function takeSequence(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .updateTable('venue_counter')
    .set((eb) => ({ value: eb.ref('value') }))
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

const identityKey = (source: string, sourceId: string) => `${source}\0${sourceId}`;

type Existing = {
  id: string;
  source: string;
  source_id: string;
  content_hash: string;
  deleted: number;
  departement: string;
  previous_departement: string | null;
  linked_to: string | null;
  data?: string;
};

async function findExisting(
  trx: Transaction<Database>,
  items: SourcedVenue[],
  withData: boolean,
): Promise<{ byIdentity: Map<string, Existing>; byId: Map<string, Existing> }> {
  const cols = withData
    ? (['id', 'source', 'source_id', 'content_hash', 'deleted', 'departement', 'previous_departement', 'linked_to', 'data'] as const)
    : (['id', 'source', 'source_id', 'content_hash', 'deleted', 'departement', 'previous_departement', 'linked_to'] as const);
  const sourceIds = [...new Set(items.filter((i) => !i.hubId).map((i) => i.sourceId))];
  const forced = [...new Set(items.flatMap((i) => (i.hubId ? [i.hubId] : [])))];
  const rows: Existing[] = [];
  if (sourceIds.length) rows.push(...(await trx.selectFrom('venues').select(cols).where('source_id', 'in', sourceIds).execute()));
  if (forced.length) rows.push(...(await trx.selectFrom('venues').select(cols).where('id', 'in', forced).execute()));
  return { byIdentity: new Map(rows.map((r) => [identityKey(r.source, r.source_id), r])), byId: new Map(rows.map((r) => [r.id, r])) };
}

type Candidate = { id: string; source: string; source_id: string; match_pivot: string | null; match_key: string | null };

async function linkCandidates(trx: Transaction<Database>, pivots: string[], keys: string[]): Promise<Candidate[]> {
  if (!pivots.length && !keys.length) return [];
  return trx
    .selectFrom('venues')
    .select(['id', 'source', 'source_id', 'match_pivot', 'match_key'])
    .where('deleted', '=', 0)
    .where('linked_to', 'is', null)
    .where((eb) => {
      const ors = [];
      if (pivots.length) ors.push(eb('match_pivot', 'in', pivots));
      if (keys.length) ors.push(eb('match_key', 'in', keys));
      return eb.or(ors);
    })
    .orderBy('seq')
    .execute();
}

/**
 * Writes places of sources in one transaction; returns each one's outcome in input order.
 * A source's row only ever replaces the same source's row with the same id. A new place
 * (or one already linked) that matches a live place of another source by SIRET or by
 * name + address + postcode is linked to it: the hub keeps both, devices get the first one.
 * With an `actor`, every created or updated place gets a row in its history (venue_changes).
 */
export async function writeSourcedVenues(db: DB, items: SourcedVenue[], actor?: VenueActor): Promise<WriteOutcome[]> {
  if (items.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const base = await takeSequence(trx);
    const { byIdentity, byId } = await findExisting(trx, items, actor !== undefined);
    const olds = items.map((i) => (i.hubId ? byId.get(i.hubId) : byIdentity.get(identityKey(i.source, i.sourceId))));

    // Hub ids for new places; a slug shared by two sources gets a distinguishing suffix.
    const wanted = items.map((i, n) => olds[n]?.id ?? i.hubId ?? hubVenueId(i.source, i.sourceId));
    const fresh = wanted.filter((_, n) => !olds[n]);
    const taken = new Set(fresh.length ? (await trx.selectFrom('venues').select('id').where('id', 'in', fresh).execute()).map((r) => r.id) : []);
    const ids = wanted.map((id, n) => {
      if (olds[n] || items[n]!.hubId || !taken.has(id)) {
        taken.add(id);
        return id;
      }
      const suffixed = `${id}:${createHash('sha1').update(identityKey(items[n]!.source, items[n]!.sourceId)).digest('hex').slice(0, 8)}`;
      taken.add(suffixed);
      return suffixed;
    });

    const pivots = items.map((i) => pivotKey(i.venue.pivot, i.venue.code_postal));
    const keys = items.map((i) => placeKey(i.venue));
    const candidates = await linkCandidates(trx, [...new Set(pivots.filter((p): p is string => !!p))], [...new Set(keys)]);

    const now = nowIso();
    let seq = base;
    const rows = [];
    const outcomes: WriteOutcome[] = [];
    const history: { venueId: string; before: Venue | undefined; after: Venue }[] = [];
    for (let n = 0; n < items.length; n++) {
      const item = items[n]!;
      const old = olds[n];
      const id = ids[n]!;
      const source = old?.source ?? item.source;
      let link: LinkTarget | undefined;
      if (!old || old.linked_to) {
        const other = (c: Candidate) => c.source !== source && c.id !== id;
        const byPivot = pivots[n] ? candidates.find((c) => other(c) && c.match_pivot === pivots[n]) : undefined;
        const byKey = byPivot ? undefined : candidates.find((c) => other(c) && c.match_key === keys[n]);
        const hit = byPivot ?? byKey;
        if (hit) link = { id: hit.id, source: hit.source, sourceId: hit.source_id, by: byPivot ? 'pivot' : 'nom+adresse' };
      }
      if (!link) candidates.push({ id, source, source_id: old?.source_id ?? item.sourceId, match_pivot: pivots[n]!, match_key: keys[n]! });
      const venue: Venue = { ...item.venue, id, source };
      const hash = hashVenue(venue, link?.id ?? null);
      if (old && old.content_hash === hash && !old.deleted) {
        outcomes.push({ id, status: 'unchanged', ...(link ? { linkedTo: link } : {}) });
        continue;
      }
      outcomes.push({ id, status: old ? 'updated' : 'created', ...(link ? { linkedTo: link } : {}) });
      if (actor) history.push({ venueId: id, before: old && !old.deleted && old.data ? (JSON.parse(old.data) as Venue) : undefined, after: venue });
      seq += 1;
      rows.push({
        id,
        departement: venue.departement,
        previous_departement: old && old.departement !== venue.departement ? old.departement : (old?.previous_departement ?? null),
        nom: venue.nom,
        commune: venue.commune,
        code_postal: venue.code_postal,
        code_insee: venue.code_insee ?? null,
        search_text: searchTextOf(venue),
        data: JSON.stringify(venue),
        content_hash: hash,
        seq,
        deleted: 0,
        source,
        source_id: old?.source_id ?? item.sourceId,
        match_pivot: pivots[n]!,
        match_key: keys[n]!,
        linked_to: link?.id ?? null,
        created_at: now,
        updated_at: now,
      });
    }
    if (rows.length === 0) return outcomes;
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
          match_pivot: eb.ref('excluded.match_pivot'),
          match_key: eb.ref('excluded.match_key'),
          linked_to: eb.ref('excluded.linked_to'),
          deleted: 0,
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    await trx.updateTable('venue_counter').set({ value: seq }).where('id', '=', 1).execute();
    if (actor) await recordVenueChanges(trx, actor, history, now);
    return outcomes;
  });
}

/**
 * Writes places by hub id (a coordinator's edit, an applied report, tests): a known place keeps
 * its source; a new one is of the source its data names (else "inconnue") with its id as id
 * in the source. Returns each one's status.
 */
export async function writeVenues(db: DB, venues: Venue[], actor?: VenueActor): Promise<Map<string, WriteStatus>> {
  const out = await writeSourcedVenues(
    db,
    venues.map((v) => ({ venue: v, source: v.source?.replace(/\s+/g, ' ').trim() || UNKNOWN_SOURCE, sourceId: v.id, hubId: v.id })),
    actor,
  );
  return new Map(out.map((o) => [o.id, o.status]));
}
