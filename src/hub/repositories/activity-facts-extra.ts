import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { MEASURE_COLUMNS, isFlagColumn } from '../../shared/stats/measures.ts';
import type { StoredActivity } from './activity-facts.ts';
import { ensureExtraRollupSchema, markExtraDirty } from './stats-extra.ts';

// Facts added in round 3 (migration 011) for the filters and breakdowns of stats-contract.md,
// kept apart from the ingest's main write path (activity-facts.ts calls writeExtraFacts once
// per batch, inside the same transaction):
// - activity_facts.activity_commune / activity_departement: where the activity took place (the
//   venue's commune for lieu_activite, place.communeInsee for autre / domicile, '' otherwise);
// - activity_fact_tags (activity_id, tag) and activity_fact_portal_sites (activity_id, link_id):
//   the multi-valued structure tags and portal sites of a record.

const CHUNK = 500;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Département of an INSEE commune code: 2 characters, 3 overseas (971…976, 98x). */
export function departementOfInsee(insee: string): string {
  if (!insee) return '';
  return insee.startsWith('97') || insee.startsWith('98') ? insee.slice(0, 3) : insee.slice(0, 2);
}

interface ExtraRecord {
  place?: { kind?: string; venueId?: string; communeInsee?: string };
  tags?: unknown;
  portalLinkIds?: unknown;
}

const stringList = (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string' && x !== ''))] : []);

/**
 * Rewrites the extra facts of a batch of stored records (deleted ones lose theirs). Must run
 * after their activity_facts rows are written.
 */
export async function writeExtraFacts(trx: Transaction<Database>, stored: StoredActivity[]): Promise<void> {
  if (stored.length === 0) return;
  const dirty: { structure_id: string; month: string }[] = [];
  for (const ids of chunks(stored.map((s) => s.id))) {
    await trx.deleteFrom('activity_fact_tags').where('activity_id', 'in', ids).execute();
    await trx.deleteFrom('activity_fact_portal_sites').where('activity_id', 'in', ids).execute();
    dirty.push(...(await trx.deleteFrom('activity_fact_months').where('activity_id', 'in', ids).returning(['structure_id', 'month']).execute()));
  }
  const months: { activity_id: string; structure_id: string; month: string }[] = [];
  const tags: { activity_id: string; tag: string }[] = [];
  const sites: { activity_id: string; link_id: string }[] = [];
  const byCommune = new Map<string, string[]>();
  const byVenue = new Map<string, string[]>();
  for (const s of stored) {
    const r = s.deleted ? null : (s.record as ExtraRecord | null);
    if (!r) continue;
    const month = String((r as { date?: unknown }).date ?? '').slice(0, 7);
    months.push({ activity_id: s.id, structure_id: s.structureId, month });
    dirty.push({ structure_id: s.structureId, month });
    for (const tag of stringList(r.tags)) tags.push({ activity_id: s.id, tag });
    for (const link_id of stringList(r.portalLinkIds)) sites.push({ activity_id: s.id, link_id });
    const kind = r.place?.kind;
    if (kind === 'lieu_activite' && r.place?.venueId) {
      byVenue.set(r.place.venueId, [...(byVenue.get(r.place.venueId) ?? []), s.id]);
    } else if ((kind === 'autre' || kind === 'domicile') && r.place?.communeInsee) {
      byCommune.set(r.place.communeInsee, [...(byCommune.get(r.place.communeInsee) ?? []), s.id]);
    }
  }
  for (const part of chunks(tags)) await trx.insertInto('activity_fact_tags').values(part).execute();
  for (const part of chunks(sites)) await trx.insertInto('activity_fact_portal_sites').values(part).execute();
  for (const part of chunks(months)) await trx.insertInto('activity_fact_months').values(part).execute();
  await markExtraDirty(trx, dirty);

  if (byVenue.size) {
    for (const venueIds of chunks([...byVenue.keys()])) {
      const venues = await trx.selectFrom('venues').select(['id', 'code_insee']).where('id', 'in', venueIds).execute();
      for (const v of venues) {
        if (!v.code_insee) continue;
        byCommune.set(v.code_insee, [...(byCommune.get(v.code_insee) ?? []), ...(byVenue.get(v.id) ?? [])]);
      }
    }
  }
  for (const [insee, activityIds] of byCommune) {
    for (const ids of chunks(activityIds)) {
      await sql`UPDATE activity_facts SET activity_commune = ${insee}, activity_departement = ${departementOfInsee(insee)}
        WHERE activity_id IN (${sql.join(ids)})`.execute(trx);
    }
  }
}

/**
 * The columns and tables above, and the measure columns added since a hub's statistics tables
 * were made, created when missing (called by 005's createStatsTables and by migration 011).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ensureExtraFactSchema(db: Kysely<any>): Promise<void> {
  const tables = await db.introspection.getTables();
  const columnsOf = (name: string) => new Set(tables.find((t) => t.name === name)?.columns.map((c) => c.name) ?? []);
  const facts = columnsOf('activity_facts');
  const rollup = columnsOf('stats_rollup');
  for (const col of MEASURE_COLUMNS) {
    if (!facts.has(col)) await db.schema.alterTable('activity_facts').addColumn(col, isFlagColumn(col) ? 'smallint' : 'integer', (c) => c.notNull().defaultTo(0)).execute();
    if (!rollup.has(col)) await db.schema.alterTable('stats_rollup').addColumn(col, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
  for (const col of ['activity_commune', 'activity_departement']) {
    if (!facts.has(col)) await db.schema.alterTable('activity_facts').addColumn(col, 'text', (c) => c.notNull().defaultTo('')).execute();
  }
  await db.schema.createIndex('activity_facts_activity_commune_idx').ifNotExists().on('activity_facts').columns(['activity_commune', 'date']).execute();
  await db.schema.createIndex('activity_facts_activity_departement_idx').ifNotExists().on('activity_facts').columns(['activity_departement', 'date']).execute();
  await db.schema
    .createTable('activity_fact_tags')
    .ifNotExists()
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_fact_tags_pk', ['activity_id', 'tag'])
    .execute();
  await db.schema.createIndex('activity_fact_tags_tag_idx').ifNotExists().on('activity_fact_tags').columns(['tag', 'activity_id']).execute();
  await db.schema
    .createTable('activity_fact_portal_sites')
    .ifNotExists()
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_fact_portal_sites_pk', ['activity_id', 'link_id'])
    .execute();
  await ensureExtraRollupSchema(db);
}
