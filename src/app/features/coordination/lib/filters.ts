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

/** The last twelve whole months up to today (the dashboard's default period). */
export function defaultPeriod(today = new Date()): { from: string; to: string } {
  const from = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth() + 1, 1));
  return { from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
}
