import { guardFormula } from '../stats/csv.ts';
import { LIST_COLUMNS, VENUE_COLUMNS, type VenueColumn } from './fields.ts';
import type { Venue } from './schema.ts';

const LISTS = new Set<string>(LIST_COLUMNS);

/** A normalised venue back to a row of the national standard (lists joined with `|`). */
export function toNationalRow(v: Venue): Record<VenueColumn, string> {
  const row = {} as Record<VenueColumn, string>;
  const src = v as unknown as Record<string, unknown>;
  for (const c of VENUE_COLUMNS) {
    const value = src[c];
    if (value === undefined || value === null) row[c] = '';
    else if (LISTS.has(c)) row[c] = (value as string[]).join('|');
    else row[c] = String(value);
  }
  return row;
}

function csvCell(raw: string): string {
  const s = guardFormula(raw);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header line of the national CSV (comma-separated, UTF-8). */
export function nationalCsvHeader(): string {
  return `${VENUE_COLUMNS.join(',')}\r\n`;
}

/** One line of the national CSV. */
export function nationalCsvLine(v: Venue): string {
  const row = toNationalRow(v);
  return `${VENUE_COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`;
}
