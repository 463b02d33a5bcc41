// One time-zone rule: every date a person sees, filters on or exports is the calendar date in the
// structure's time zone (Europe/Paris unless the structure is overseas), never UTC and never the
// machine's own zone. Built on Intl.DateTimeFormat only (works in Node and in browsers).

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Overseas départements and collectivités whose clock is not Paris's (INSEE codes). */
export const OVERSEAS_TIME_ZONES: Readonly<Record<string, string>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
  '977': 'America/St_Barthelemy',
  '978': 'America/Marigot',
  '986': 'Pacific/Wallis',
  '987': 'Pacific/Tahiti',
  '988': 'Pacific/Noumea',
};

/** Longest IANA zone name accepted (the longest real one is 32 characters). */
export const TIME_ZONE_MAX_LENGTH = 64;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA time zone. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || !value || value.length > TIME_ZONE_MAX_LENGTH) return false;
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** The zone of a structure from its départements: the first overseas one wins, else Paris. */
export function timeZoneForDepartements(departements: readonly string[]): string {
  for (const d of departements) {
    const tz = OVERSEAS_TIME_ZONES[d];
    if (tz) return tz;
  }
  return DEFAULT_TIME_ZONE;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Wall-clock parts of an instant in a zone. */
export function zonedParts(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute! };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day (YYYY-MM-DD) of an instant in a zone: what "today" means to the structure. */
export function zonedDay(instant: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The calendar day of an ISO timestamp (e.g. a received_at) in a zone; a bare day is kept as is. */
export function zonedDayOf(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : zonedDay(new Date(t), timeZone);
}

/** The first day (YYYY-MM-01) of the month `monthsBack` months before the instant's month, in a zone. */
export function zonedMonthStart(instant: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE, monthsBack = 0): string {
  const p = zonedParts(instant, timeZone);
  const index = p.year * 12 + (p.month - 1) - monthsBack;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

/** DD/MM/YYYY of an ISO timestamp or day in a zone (French exports and pages). */
export function frenchDay(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const d = zonedDayOf(iso, timeZone);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** `dd/MM/yyyy à HH:mm` of an ISO timestamp in a zone, as the Coop writes "Enregistré le". */
export function frenchDateTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(new Date(iso), timeZone);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} à ${pad(p.hour)}:${pad(p.minute)}`;
}
