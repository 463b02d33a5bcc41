import type { DB } from '../../db/schema.ts';
import { getVenuesByIds } from '../../repositories/venues.ts';
import type { Stats } from '../../../shared/stats/types.ts';
import { communeInfo } from './communes.ts';

/** Names the open breakdowns: venues from the directory, communes from the national list. */
export async function labelOpenBreakdowns(db: DB, stats: Stats): Promise<Stats> {
  const ids = stats.breakdowns.venue.map((e) => e.key);
  const venues = new Map((await getVenuesByIds(db, ids)).map((v) => [v.id, v]));
  stats.breakdowns.venue = stats.breakdowns.venue.map((e) => {
    const v = venues.get(e.key);
    return { ...e, label: v ? `${v.nom} (${v.commune})` : e.key };
  });
  stats.breakdowns.commune = stats.breakdowns.commune.map((e) => ({ ...e, label: communeInfo(e.key)?.name ?? e.label }));
  return stats;
}
