import { DEFAULT_TIME_ZONE, zonedDay, zonedMonthStart } from '../../../../shared/time/zoned-date.ts';
import { MULTI_FILTER_KEYS, type MultiFilterKey, type StatsFilters } from '../../../../shared/stats/types.ts';
import { statsFiltersFromSearchParams, statsFiltersToSearchParams } from '../../../../shared/stats/filters-url.ts';

// Dashboard filters kept in the URL (?from=&to=&structureId=…&theme=a&theme=b), so a view can be
// bookmarked, shared with a colleague, and survives a reload. Several values of one filter are
// repeated parameters; the shared filters-url.ts builds both the dashboard URLs and the API
// query strings (stats, exports, figures XLSX), so they never disagree.

export type Filters = StatsFilters;

/** The filters that hold several values (OR-ed within, AND-ed between filters). */
export const MULTI_KEYS = MULTI_FILTER_KEYS;
export type MultiKey = MultiFilterKey;

/** The filters of a URL (preact-iso's `url`: path and query string). */
export function filtersFromUrl(url: string): Filters {
  const q = url.indexOf('?');
  return statsFiltersFromSearchParams(new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
}

/** `?…` for the filters (empty string when none), with extra parameters (e.g. layout) after them. */
export function toQuery(f: Filters, extra: Record<string, string> = {}): string {
  const p = statsFiltersToSearchParams(f);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The filters with one multi-valued filter replaced (an empty list removes it). */
export function withValues(f: Filters, key: MultiKey, values: string[]): Filters {
  const next: Filters = { ...f };
  if (values.length) (next as Record<MultiKey, string[]>)[key] = values;
  else delete next[key];
  return next;
}

/** How many values the filters choose beyond the period (for "n filtres actifs"). */
export function activeCount(f: Filters): number {
  return MULTI_KEYS.reduce((n, k) => n + (f[k]?.length ?? 0), 0) + (f.conseillerNumerique ? 1 : 0);
}

/** The last twelve whole months up to today in the structure's time zone (the dashboard's default period). */
export function defaultPeriod(timeZone: string = DEFAULT_TIME_ZONE, now = new Date()): { from: string; to: string } {
  return { from: zonedMonthStart(now, timeZone, 11), to: zonedDay(now, timeZone) };
}

/** "Ce mois-ci": from the first of the month to today, in the structure's time zone. */
export function thisMonth(timeZone: string = DEFAULT_TIME_ZONE, now = new Date()): { from: string; to: string } {
  return { from: zonedMonthStart(now, timeZone), to: zonedDay(now, timeZone) };
}

/** "Cette année": from January 1st to today, in the structure's time zone. */
export function thisYear(timeZone: string = DEFAULT_TIME_ZONE, now = new Date()): { from: string; to: string } {
  const to = zonedDay(now, timeZone);
  return { from: `${to.slice(0, 4)}-01-01`, to };
}

/** The zone the dashboard's dates are in: the chosen structures' (when they share one), else the user's structures'. */
export function zoneOf(f: Filters, options: { timeZone?: string; structures: { id: string; timeZone?: string }[] } | undefined): string {
  const zones = new Set((f.structureId ?? []).map((id) => options?.structures.find((s) => s.id === id)?.timeZone));
  const chosen = zones.size === 1 ? [...zones][0] : undefined;
  return chosen ?? options?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The département of an INSEE commune code: '13055' → '13', '2A004' → '2A', '97411' → '974'. */
export function departementOf(insee: string): string {
  return insee.startsWith('97') || insee.startsWith('98') ? insee.slice(0, 3) : insee.slice(0, 2);
}
