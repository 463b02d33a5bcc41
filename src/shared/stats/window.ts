import { addDays } from './periods.ts';
import { RECORD_DATE_MIN } from '../activity/record.ts';

// The time window of the hub (docs/security.md, "Dates"): records and filters fall between
// 2000-01-01 and the day after the hub's today (a device a few hours ahead of UTC may be on
// tomorrow already). A filter's period spans at most MAX_PERIOD_DAYS days.

/** The first day a record or a filter may name. */
export const DATE_MIN = RECORD_DATE_MIN;
/** The longest period (from and to both given, inclusive) a filter or share link may ask for: ten years. */
export const MAX_PERIOD_DAYS = 3660;

/** The hub's today (UTC), YYYY-MM-DD. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The last day a record or a filter may name: the day after `today`. */
export function dateMax(today: string = utcToday()): string {
  return addDays(today, 1);
}

/** Whole days from `from` to `to` (inclusive): 1 for a single day. */
export function periodLength(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const frDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Why a day is outside the window (a French sentence), or undefined when it is inside. */
export function outsideWindow(day: string, label: string, today: string = utcToday()): string | undefined {
  if (day < DATE_MIN) return `${label} : pas avant le ${frDay(DATE_MIN)}.`;
  const max = dateMax(today);
  if (day > max) return `${label} : pas après le ${frDay(max)} (lendemain de la date du hub).`;
  return undefined;
}

/** A period clamped into the window (bounds left out stay out). */
export function clampToWindow<T extends { from?: string | undefined; to?: string | undefined }>(f: T, today: string = utcToday()): T {
  const max = dateMax(today);
  const out = { ...f };
  if (out.from !== undefined) out.from = out.from < DATE_MIN ? DATE_MIN : out.from > max ? max : out.from;
  if (out.to !== undefined) out.to = out.to > max ? max : out.to < DATE_MIN ? DATE_MIN : out.to;
  return out;
}
