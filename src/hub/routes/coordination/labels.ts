import type { DB } from '../../db/schema.ts';
import { generatedLinksFor, getCurrentCatalogue, getCustomisations } from '../../repositories/portal.ts';
import { listStructures } from '../../repositories/structures.ts';
import { getVenuesByIds } from '../../repositories/venues.ts';
import type { Stats } from '../../../shared/stats/types.ts';
import { communeInfo } from './communes.ts';
import type { PortalLink } from '../../../shared/portal/schema.ts';

/** A site's name as the dashboard shows it: "ameli" alone reads as a code, "ameli (ameli.fr)" does not. */
export function siteName(link: Pick<PortalLink, 'id' | 'name' | 'url'>): string {
  if (link.name.trim() !== link.id) return link.name;
  try {
    return `${link.name} (${new URL(link.url).hostname.replace(/^www\./, '')})`;
  } catch {
    return link.name;
  }
}

/**
 * Names the open breakdowns: venues from the directory, communes from the national list, tags
 * from the structures' settings, portal sites from the portals (the
 * structures of the figures first, then the current catalogue). An id no longer known keeps its
 * id as label.
 */
export async function labelOpenBreakdowns<S extends Stats>(db: DB, stats: S, structureIds?: string[] | null): Promise<S> {
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
      // The structures of the figures first (their added sites replace the catalogue's, their
      // préfectures), then the current catalogue, then the other structures' added sites; a
      // site whose name is its id ("ameli") gets its address beside it. One query for all.
      const names = new Map<string, string>();
      const add = (links: Pick<PortalLink, 'id' | 'name' | 'url'>[]) => {
        for (const l of links) if (!names.has(l.id)) names.set(l.id, siteName(l));
      };
      const own = structureIds ? structures.filter((s) => structureIds.includes(s.id)) : structures;
      const customs = await getCustomisations(db, null);
      for (const s of own) add([...(customs.get(s.id)?.added ?? []), ...generatedLinksFor(s.departements)]);
      add((await getCurrentCatalogue(db)).links);
      for (const s of structures) if (!own.includes(s)) add(customs.get(s.id)?.added ?? []);
      stats.breakdowns.portalSites = sites.map((e) => ({ ...e, label: names.get(e.key) ?? e.key }));
    }
  }
  return stats;
}
