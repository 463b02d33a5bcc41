import type { DB } from '../db/schema.ts';

// Territory checks on places (issue: every venue write, and every record naming a place,
// stays inside the caller's départements).

const CHUNK = 500;

/**
 * Of these place ids, those a device of `departements` may name in a record: places of the
 * territory, including ones since deleted or moved out (a tablet may have logged a session
 * there before it heard of the change).
 */
export async function venueIdsOfTerritory(db: DB, ids: string[], departements: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(ids)];
  if (unique.length === 0 || departements.length === 0) return out;
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('venues')
      .select('id')
      .where('id', 'in', unique.slice(i, i + CHUNK))
      .where((eb) => eb.or([eb('departement', 'in', departements), eb('previous_departement', 'in', departements)]))
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** The département each existing place (live or deleted) of these ids is stored in. */
export async function departementsOfVenues(db: DB, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db.selectFrom('venues').select(['id', 'departement']).where('id', 'in', unique.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.set(r.id, r.departement);
  }
  return out;
}

/** The département each existing place (live or deleted) of these (source, id in the source) is stored in, keyed `source\0sourceId`. */
export async function departementsOfSourcedVenues(db: DB, items: { source: string; sourceId: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wanted = new Set(items.map((i) => `${i.source}\0${i.sourceId}`));
  const ids = [...new Set(items.map((i) => i.sourceId))];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('venues').select(['source', 'source_id', 'departement']).where('source_id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const r of rows) {
      const key = `${r.source}\0${r.source_id}`;
      if (wanted.has(key)) out.set(key, r.departement);
    }
  }
  return out;
}
