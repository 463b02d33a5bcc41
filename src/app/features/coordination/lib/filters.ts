import { DEFAULT_TIME_ZONE, zonedDay, zonedMonthStart } from '../../../../shared/time/zoned-date.ts';

// Dashboard filters kept in the URL (?from=&to=&structureId=&mediatorId=&type=&theme=), so a
// view can be bookmarked, shared with a colleague, and survives a reload.

export interface Filters {
  from?: string;
  to?: string;
  structureId?: string;
  mediatorId?: string;
  type?: string;
  theme?: string;
}

export const FILTER_KEYS = ['from', 'to', 'structureId', 'mediatorId', 'type', 'theme'] as const;

export function filtersFromQuery(query: Record<string, string | undefined>): Filters {
  const out: Filters = {};
  for (const k of FILTER_KEYS) if (query[k]) out[k] = query[k];
  return out;
}

export function toQuery(f: Filters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) p.set(k, f[k]!);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
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

/** The zone the dashboard's dates are in: the chosen structure's, else the user's structures'. */
export function zoneOf(f: Filters, options: { timeZone?: string; structures: { id: string; timeZone?: string }[] } | undefined): string {
  const chosen = f.structureId ? options?.structures.find((s) => s.id === f.structureId)?.timeZone : undefined;
  return chosen ?? options?.timeZone ?? DEFAULT_TIME_ZONE;
}
