import OpeningHours from 'opening_hours';

// Opening hours in the OpenStreetMap syntax, read with the `opening_hours` package (LGPL-3.0:
// the app loads this module lazily, in its own chunk). Hours that do not parse are never
// turned into "closed": callers get undefined and show the text as written.

// Public holidays (PH) need a country: every place of the standard is in France.
const FRANCE = { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: '' } };

const cache = new Map<string, OpeningHours | null>();

function parse(raw: string): OpeningHours | undefined {
  if (!cache.has(raw)) {
    let oh: OpeningHours | null = null;
    try {
      oh = new OpeningHours(raw, FRANCE as never, { mode: 0 } as never);
    } catch {
      oh = null;
    }
    if (cache.size > 5000) cache.clear();
    cache.set(raw, oh);
  }
  return cache.get(raw) ?? undefined;
}

/** Whether the text parses as opening hours. */
export function hoursParse(raw: string): boolean {
  return parse(raw) !== undefined;
}

export type OpenState =
  | { kind: 'unknown' }
  | { kind: 'open'; until: Date | undefined }
  | { kind: 'closed'; next: Date | undefined };

/** Open now (and until when), closed (and when it opens next), or unknown when the text does not parse. */
export function openState(raw: string | undefined, now: Date): OpenState {
  const oh = raw ? parse(raw) : undefined;
  if (!oh) return { kind: 'unknown' };
  const weekLater = new Date(now.getTime() + 8 * 86400_000);
  const open = oh.getState(now);
  const change = oh.getNextChange(now, weekLater) ?? undefined;
  return open ? { kind: 'open', until: change } : { kind: 'closed', next: change };
}

/** True / false when known, undefined when the hours do not parse (or are missing). */
export function isOpenAt(raw: string | undefined, at: Date): boolean | undefined {
  const oh = raw ? parse(raw) : undefined;
  return oh ? oh.getState(at) : undefined;
}

function mondayOf(now: Date): Date {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

/** Open on Saturday or Sunday of the week of `now` (undefined when unknown). */
export function opensOnWeekend(raw: string | undefined, now: Date): boolean | undefined {
  const oh = raw ? parse(raw) : undefined;
  if (!oh) return undefined;
  const sat = mondayOf(now);
  sat.setDate(sat.getDate() + 5);
  const end = new Date(sat);
  end.setDate(end.getDate() + 2);
  return oh.getOpenIntervals(sat, end).length > 0;
}

export interface DayHours {
  /** 0 = Monday … 6 = Sunday */
  day: number;
  intervals: { from: string; to: string }[];
}

const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** The week of `now` as a table (Monday first), or undefined when the hours do not parse. */
export function weeklyHours(raw: string | undefined, now: Date): DayHours[] | undefined {
  const oh = raw ? parse(raw) : undefined;
  if (!oh) return undefined;
  const monday = mondayOf(now);
  const days: DayHours[] = [];
  for (let i = 0; i < 7; i++) {
    const from = new Date(monday);
    from.setDate(monday.getDate() + i);
    const to = new Date(from);
    to.setDate(from.getDate() + 1);
    const intervals = oh.getOpenIntervals(from, to).map(([a, b]) => ({ from: hhmm(a), to: b.getTime() >= to.getTime() ? '24:00' : hhmm(b) }));
    days.push({ day: i, intervals });
  }
  return days;
}
