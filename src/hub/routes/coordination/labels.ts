import type { DB } from '../../db/schema.ts';
import { getCurrentCatalogue, getStructureCatalogue } from '../../repositories/portal.ts';
import { listStructures } from '../../repositories/structures.ts';
import { getVenuesByIds } from '../../repositories/venues.ts';
import type { Stats } from '../../../shared/stats/types.ts';
import { communeInfo } from './communes.ts';

/**
 * Names the open breakdowns: venues from the directory, communes from the national list, tags
 * from the structures' settings, portal sites from the structures' portals (the default
 * catalogue first). An id no longer known keeps its id as label.
 */
export async function labelOpenBreakdowns<S extends Stats>(db: DB, stats: S): Promise<S> {
  const ids = stats.breakdowns.venue.map((e) => e.key);
  const venues = new Map((await getVenuesByIds(db, ids)).map((v) => [v.id, v]));
  stats.breakdowns.venue = stats.breakdowns.venue.map((e) => {
    const v = venues.get(e.key);
    return { ...e, label: v ? `${v.nom} (${v.commune})` : e.key };
  });
  stats.breakdowns.commune = stats.breakdowns.commune.map((e) => ({ ...e, label: communeInfo(e.key)?.name ?? e.label }));
  stats.breakdowns.activityCommune = (stats.breakdowns.activityCommune ?? []).map((e) => ({ ...e, label: communeInfo(e.key)?.name ?? e.label }));

  const tags = stats.breakdowns.tags ?? [];
  const sites = stats.breakdowns.portalSites ?? [];
  if (tags.length || sites.length) {
    const structures = await listStructures(db);
    const tagLabels = new Map(structures.flatMap((s) => s.settings.tags.map((t) => [t.id, t.label] as const)));
    stats.breakdowns.tags = tags.map((e) => ({ ...e, label: tagLabels.get(e.key) ?? e.key }));
    if (sites.length) {
      const names = new Map((await getCurrentCatalogue(db)).links.map((l) => [l.id, l.name] as const));
      for (const s of structures) {
        if (sites.every((e) => names.has(e.key))) break;
        for (const l of (await getStructureCatalogue(db, s, { includeHidden: true })).links) if (!names.has(l.id)) names.set(l.id, l.name);
      }
      stats.breakdowns.portalSites = sites.map((e) => ({ ...e, label: names.get(e.key) ?? e.key }));
    }
  }
  return stats;
}
