// CSV for French spreadsheets: UTF-8 with BOM, ";" separator, CRLF, RFC 4180 quoting.

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/** One cell: quoted when it holds a separator, a quote or a line break; formulas neutralised. */
export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // A day (a Date at 00:00 UTC): dd/mm/yyyy, as a French spreadsheet reads it.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10).split('-').reverse().join('/');
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  // A text starting like a formula would run in the spreadsheet (CSV injection): the one guard
  // every CSV of the hub goes through.
  let s = guardFormula(value);
  if (/[;"\r\n]/.test(s) || s !== s.trim()) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * A text a spreadsheet would run as a formula (=, @, tab, CR, or + / - not followed by a plain
 * number such as a phone number) gets a leading apostrophe (CSV injection).
 */
export function guardFormula(value: string): string {
  return /^(?:[=@\t\r]|[+-](?![\d\s().]*$))/.test(value) ? `'${value}` : value;
}

export function csvLine(cells: readonly (string | number | boolean | Date | null | undefined)[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + '\r\n';
}
