import { MULTI_FILTER_KEYS, type StatsFilters } from './types.ts';

/**
 * The single way dashboard URLs and API query strings carry the filters (stats-contract.md):
 * every multi-value filter as repeated parameters (`theme=email&theme=sante`), in a stable order.
 */
export function statsFiltersToSearchParams(f: StatsFilters): URLSearchParams {
  const sp = new URLSearchParams();
  if (f.from) sp.set('from', f.from);
  if (f.to) sp.set('to', f.to);
  for (const key of MULTI_FILTER_KEYS) for (const v of f[key] ?? []) if (v !== '') sp.append(key, v);
  if (f.conseillerNumerique) sp.set('conseillerNumerique', f.conseillerNumerique);
  return sp;
}

/** The filters of a URL, unvalidated (the hub validates with StatsFiltersSchema); unknown keys left aside. */
export function statsFiltersFromSearchParams(sp: URLSearchParams): StatsFilters {
  const f: StatsFilters = {};
  const from = sp.get('from');
  const to = sp.get('to');
  if (from) f.from = from;
  if (to) f.to = to;
  for (const key of MULTI_FILTER_KEYS) {
    const values = [...new Set(sp.getAll(key).filter((v) => v !== ''))];
    if (values.length) f[key] = values;
  }
  const cn = sp.get('conseillerNumerique');
  if (cn === 'oui' || cn === 'non') f.conseillerNumerique = cn;
  return f;
}

/** Query-string object for the hub's API (`?a=1&a=2`) — same order as the URL. */
export function statsFiltersToQuery(f: StatsFilters): string {
  return statsFiltersToSearchParams(f).toString();
}
