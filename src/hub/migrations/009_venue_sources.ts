import type { Kysely } from 'kysely';
import { pivotKey, placeKey } from '../../shared/venues/identity.ts';

// A place's identity becomes (source, id in the source) instead of the file's bare id, and
// places of two sources that are the same place are linked (issue 13). Places already on the
// hub keep their hub id (devices and activity records reference it): their source is the one
// their data names, else "inconnue", and their id in the source is their current id.
// Existing cross-source duplicates are linked to the oldest, with a new change sequence so
// devices drop the duplicate on their next pull.

const LEGACY_SOURCE = 'inconnue';
const PAGE = 500;

interface Row {
  id: string;
  data: string;
  seq: number | string;
  deleted: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('venues').addColumn('source', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('venues').addColumn('source_id', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('venues').addColumn('match_pivot', 'text').execute();
  await db.schema.alterTable('venues').addColumn('match_key', 'text').execute();
  await db.schema.alterTable('venues').addColumn('linked_to', 'text').execute();

  const firstByKey = new Map<string, { id: string; source: string }>();
  const links: { id: string; to: string }[] = [];
  let after = '';
  let lastSeq = -1;
  for (;;) {
    // In change order (oldest first), so the first place of a key is the one others link to.
    const rows = (await db
      .selectFrom('venues')
      .select(['id', 'data', 'seq', 'deleted'])
      .where((eb) => eb.or([eb('seq', '>', lastSeq), eb.and([eb('seq', '=', lastSeq), eb('id', '>', after)])]))
      .orderBy('seq')
      .orderBy('id')
      .limit(PAGE)
      .execute()) as Row[];
    for (const r of rows) {
      const v = JSON.parse(r.data) as { source?: string; pivot?: string; nom: string; adresse: string; code_postal: string };
      const source = v.source?.replace(/\s+/g, ' ').trim() || LEGACY_SOURCE;
      const pivot = pivotKey(v.pivot, v.code_postal);
      const key = placeKey(v);
      await db.updateTable('venues').set({ source, source_id: r.id, match_pivot: pivot, match_key: key }).where('id', '=', r.id).execute();
      const other = (pivot && firstByKey.get(`p:${pivot}`)) || firstByKey.get(`k:${key}`);
      if (r.deleted) continue;
      if (other && other.source !== source) links.push({ id: r.id, to: other.id });
      else {
        if (pivot && !firstByKey.has(`p:${pivot}`)) firstByKey.set(`p:${pivot}`, { id: r.id, source });
        if (!firstByKey.has(`k:${key}`)) firstByKey.set(`k:${key}`, { id: r.id, source });
      }
    }
    if (rows.length < PAGE) break;
    lastSeq = Number(rows[rows.length - 1]!.seq);
    after = rows[rows.length - 1]!.id;
  }
  if (links.length) {
    const counter = await db.selectFrom('venue_counter').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
    let seq = Number(counter.value);
    for (const l of links) {
      seq += 1;
      await db.updateTable('venues').set({ linked_to: l.to, seq }).where('id', '=', l.id).execute();
    }
    await db.updateTable('venue_counter').set({ value: seq }).where('id', '=', 1).execute();
  }

  await db.schema.createIndex('venues_source_idx').on('venues').columns(['source', 'source_id']).unique().execute();
  await db.schema.createIndex('venues_source_id_idx').on('venues').column('source_id').execute();
  await db.schema.createIndex('venues_match_pivot_idx').on('venues').column('match_pivot').execute();
  await db.schema.createIndex('venues_match_key_idx').on('venues').column('match_key').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const i of ['venues_source_idx', 'venues_source_id_idx', 'venues_match_pivot_idx', 'venues_match_key_idx']) await db.schema.dropIndex(i).execute();
  for (const c of ['source', 'source_id', 'match_pivot', 'match_key', 'linked_to']) await db.schema.alterTable('venues').dropColumn(c).execute();
}
