import type { DB } from '../../db/schema.ts';
import { getVenuesByIds } from '../../repositories/venues.ts';

/** The structure's places of activity, named from the directory (an id the directory lacks keeps its id as name). */
export async function placesOfActivity(db: DB, ids: string[]): Promise<{ venueId: string; name: string; communeInsee?: string }[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await getVenuesByIds(db, ids)).map((v) => [v.id, v]));
  return ids.map((id) => {
    const v = byId.get(id);
    if (!v) return { venueId: id, name: id };
    return { venueId: id, name: v.commune ? `${v.nom} (${v.commune})` : v.nom, ...(v.code_insee ? { communeInsee: v.code_insee } : {}) };
  });
}
