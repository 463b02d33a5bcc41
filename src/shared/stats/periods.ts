// Calendar helpers for series (UTC dates as YYYY-MM-DD strings).

/** The last day the helpers walk to: beyond it a date no longer has four digits. */
export const LAST_DAY = '9999-12-31';
/** The most points a series helper emits (about 30 years of days): a caller asking more gets a RangeError. */
export const MAX_SERIES_POINTS = 11_000;

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function tooLong(from: string, to: string): RangeError {
  return new RangeError(`period ${from}..${to} is longer than ${MAX_SERIES_POINTS} points`);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const monthLength = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** Every day from `from` to `to` inclusive (empty when to < from); never past 9999-12-31. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = to > LAST_DAY ? LAST_DAY : to;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) return out;
  let [y, m, d] = from.split('-').map(Number) as [number, number, number];
  for (let day = from; day <= end; ) {
    if (out.length >= MAX_SERIES_POINTS) throw tooLong(from, to);
    out.push(day);
    if (day === LAST_DAY) break;
    d += 1;
    if (d > monthLength(y, m)) {
      d = 1;
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
    day = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  }
  return out;
}

/** Every month (YYYY-MM) touched by the days from `from` to `to`; never past 9999-12. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  while (y <= 9999) {
    const p = `${pad(y, 4)}-${pad(m)}`;
    if (p > end) break;
    if (out.length >= MAX_SERIES_POINTS) throw tooLong(from, to);
    out.push(p);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
