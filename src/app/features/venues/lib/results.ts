import { communeKey } from '../../../../shared/communes/search.ts';
import type { Venue } from '../../../../shared/venues/schema.ts';
import { venueFilter, type FilterContext } from '../../../../shared/venues/filters.ts';
import { distanceKm, venuePoint, type LatLon } from '../../../../shared/venues/geo.ts';
import type { VenueSearchIndex } from './search-index.ts';
import { maskFilter } from './filter-masks.ts';

export interface Result {
  venue: Venue;
  km: number | undefined;
}

/** Distances from one origin, computed once when the origin changes (not at every keystroke). */
export interface Near {
  km: Map<string, number>;
  /** every place, nearest first (places without coordinates last) */
  byDistance: Result[];
}

export function prepareNear(byName: Venue[], origin: LatLon): Near {
  const km = new Map<string, number>();
  const byDistance: Result[] = byName.map((venue) => {
    const p = venuePoint(venue);
    const d = p ? distanceKm(origin, p) : undefined;
    if (d !== undefined) km.set(venue.id, d);
    return { venue, km: d };
  });
  byDistance.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity));
  return { km, byDistance };
}

/**
 * The list to show: text matches (best first) or every place (by name), kept by the filters,
 * then sorted by distance when an origin is known (places without coordinates last).
 */
export function computeResults(
  venues: Map<string, Venue>,
  byName: Venue[],
  index: VenueSearchIndex,
  opts: {
    query: string;
    selected: ReadonlySet<string>;
    ctx: FilterContext;
    /** distances prepared once per origin (prepareNear) */
    near?: Near | undefined;
    /** an origin without prepared distances: computed here, at every call */
    origin?: LatLon | undefined;
    /** filter bits prepared once per directory (buildFilterMasks); without them the filters are evaluated place by place */
    masks?: Map<string, number> | undefined;
  },
): Result[] {
  if (!opts.near && opts.origin) opts = { ...opts, near: prepareNear(byName, opts.origin) };
  const hits = index.isReady ? index.search(opts.query) : undefined;
  const keep = opts.masks ? maskFilter(opts.selected, opts.masks) : venueFilter(opts.selected, opts.ctx);
  const filtering = opts.selected.size > 0;
  if (!hits) {
    if (opts.near) return filtering ? opts.near.byDistance.filter((r) => keep(r.venue)) : opts.near.byDistance;
    return (filtering ? byName.filter(keep) : byName).map((venue) => ({ venue, km: undefined }));
  }
  const results: Result[] = [];
  for (const h of hits) {
    const v = venues.get(h.id);
    if (v && (!filtering || keep(v))) results.push({ venue: v, km: opts.near?.km.get(v.id) });
  }
  if (opts.near) results.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity));
  return results;
}

const collator = new Intl.Collator('fr');

/** The places in name order (computed once per change of the directory). */
export function sortByName(venues: Iterable<Venue>): Venue[] {
  return [...venues].sort((a, b) => collator.compare(a.nom, b.nom));
}

/** Communes of the places with the mean point of their places (for "distance from a commune", offline). */
export function communePoints(venues: Iterable<Venue>, official?: ReadonlyMap<string, string>): { key: string; label: string; point: LatLon }[] {
  // One entry per commune: by INSEE code (named as in the official list when it is loaded),
  // else by folded name and postcode — never one per spelling of the raw text.
  const acc = new Map<string, { label: string; lat: number; lon: number; n: number }>();
  for (const v of venues) {
    const p = venuePoint(v);
    if (!p) continue;
    const key = v.code_insee ?? `${v.code_postal} ${communeKey(v.commune)}`;
    const name = (v.code_insee && official?.get(v.code_insee)) || v.commune;
    const a = acc.get(key) ?? { label: /^\d{5}$/.test(name) ? name : `${name} (${v.code_postal})`, lat: 0, lon: 0, n: 0 };
    a.lat += p.lat;
    a.lon += p.lon;
    a.n += 1;
    acc.set(key, a);
  }
  return [...acc.entries()]
    .map(([key, a]) => ({ key, label: a.label, point: { lat: a.lat / a.n, lon: a.lon / a.n } }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}
