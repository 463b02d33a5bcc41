import type { DB } from '../../db/schema.ts';
import { getStructureCatalogue } from '../../repositories/portal.ts';
import { getStructure } from '../../repositories/structures.ts';
import type { ActiviteNames } from '../../../shared/coop-api/activite.ts';
import { communeInfo } from '../coordination/communes.ts';

// The names an activity points to (its structure's tags and portal sites, communes), read once
// per structure and kept a short while: a consumer paging through a million activities makes
// no extra query per row.

const TTL_MS = 30_000;
interface Entry {
  at: number;
  value: Promise<{ tags: Map<string, string>; portal: Map<string, string> }>;
}
const cache = new Map<string, Entry>();

function structureNames(db: DB, structureId: string) {
  const hit = cache.get(structureId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = (async () => {
    const s = await getStructure(db, structureId);
    if (!s) return { tags: new Map<string, string>(), portal: new Map<string, string>() };
    const catalogue = await getStructureCatalogue(db, s, { includeHidden: true });
    return { tags: new Map(s.settings.tags.map((t) => [t.id, t.label])), portal: new Map(catalogue.links.map((l) => [l.id, l.name])) };
  })();
  cache.set(structureId, { at: Date.now(), value });
  if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
  return value;
}

/** Names for the activities of one structure. */
export async function namesFor(db: DB, structureId: string): Promise<ActiviteNames> {
  const n = await structureNames(db, structureId);
  return {
    commune: (insee) => communeInfo(insee),
    tagLabels: (ids) => ids.map((id) => n.tags.get(id) ?? id),
    portalNames: (ids) => ids.map((id) => n.portal.get(id) ?? id),
  };
}
