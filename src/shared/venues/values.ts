import { foldText, stripControlChars } from '../text.ts';
import { ENUMERATIONS, type ListColumn } from './fields.ts';

// Small normalisers for single values of the standard; each returns undefined when the
// value cannot be kept, so the caller decides between a warning and a rejection.

/** Trims and collapses inner whitespace; curly apostrophes become straight; control characters (a NUL byte left by a spreadsheet export) are dropped. */
export function cleanText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = stripControlChars(String(v)).replace(/[’‘]/g, "'").replace(/[ \t\u00a0]+/g, ' ').replace(/\r\n?/g, '\n').trim();
  return s === '' ? undefined : s;
}

/** Key used to match a label against an enumeration: folded, no spaces, quotes ignored. */
export function enumKey(s: string): string {
  return foldText(s).replace(/[«»"“”]/g, '').replace(/\s+/g, '');
}

const ENUM_INDEX = new Map<string, Map<string, string>>();
for (const [col, values] of Object.entries(ENUMERATIONS)) {
  ENUM_INDEX.set(col, new Map(values.map((v) => [enumKey(v), v])));
}

/** The canonical spelling of an enumerated label, or undefined when it is not in the list. */
export function matchEnum(column: ListColumn, label: string): string | undefined {
  return ENUM_INDEX.get(column)?.get(enumKey(label));
}

/** Splits a list cell: `|` is the standard's separator, `;` the v0.1 one. */
export function splitList(v: unknown, opts: { semicolon?: boolean } = {}): string[] {
  if (v === null || v === undefined) return [];
  const items = Array.isArray(v) ? v.map(String) : String(v).split(opts.semicolon === false ? /\|/ : /[|;]/);
  const out: string[] = [];
  for (const item of items) {
    const c = cleanText(item);
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}

const OVERSEAS_PREFIX: [RegExp, string][] = [
  [/^0(590|690|691)/, '+590'],
  [/^0(594|694)/, '+594'],
  [/^0(262|263|692|693)/, '+262'],
  [/^0(596|696|697)/, '+596'],
  [/^0(269|639)/, '+269'],
  [/^0508/, '+508'],
];
const PHONE_PATTERN = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/;

/** A phone number in the standard's international form (+33…, overseas codes), or undefined. */
export function normalisePhone(v: unknown): string | undefined {
  const raw = cleanText(v);
  if (!raw) return undefined;
  let s = raw.replace(/[\s.\-/()]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (s.startsWith('+330')) s = `+33${s.slice(4)}`;
  if (/^33\d{9}$/.test(s)) s = `+${s}`;
  if (/^0\d{9}$/.test(s)) {
    const overseas = OVERSEAS_PREFIX.find(([re]) => re.test(s));
    s = `${overseas ? overseas[1] : '+33'}${s.slice(1)}`;
  } else if (/^[1-9]\d{8}$/.test(s)) {
    s = `+33${s}`; // a spreadsheet dropped the leading zero
  }
  return PHONE_PATTERN.test(s) ? s : undefined;
}

/** An http(s) URL ("www.…" gets https://), or undefined. */
export function normaliseUrl(v: unknown): string | undefined {
  const raw = cleanText(v);
  if (!raw) return undefined;
  const s = /^www\./i.test(raw) ? `https://${raw}` : raw;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? s : undefined;
  } catch {
    return undefined;
  }
}

export function normaliseEmail(v: string): string | undefined {
  const s = v.trim().replace(/^mailto:/i, '');
  return /^[^\s@|;,]+@[^\s@|;,]+\.[^\s@|;,]+$/.test(s) ? s : undefined;
}

/** A date as YYYY-MM-DD from ISO dates / datetimes or DD/MM/YYYY; undefined when unreadable. */
export function normaliseDate(v: unknown): string | undefined {
  const raw = cleanText(v);
  if (!raw) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(raw);
  let y: string, mo: string, d: string;
  if (m) [, y, mo, d] = m as unknown as [string, string, string, string];
  else {
    m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw);
    if (!m) return undefined;
    [, d, mo, y] = m as unknown as [string, string, string, string];
  }
  const iso = `${y}-${mo}-${d}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** Dates that are really "unknown" written by a tool (Unix epoch, either side of midnight UTC). */
export function isEpochDate(iso: string): boolean {
  return iso === '1970-01-01' || iso === '1969-12-31';
}

/** A coordinate as a number within bounds ("43,5" accepted), or undefined. */
export function normaliseCoordinate(v: unknown, bound: number): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));
  return Number.isFinite(n) && Math.abs(n) <= bound ? n : undefined;
}
