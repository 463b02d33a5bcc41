import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { DB } from '../db/schema.ts';
import { describeColumns, normaliseColumnName, normaliseVenueRow, type FieldIssue } from '../../shared/venues/normalise.ts';
import { hoursParse } from '../../shared/venues/hours.ts';
import type { Venue } from '../../shared/venues/schema.ts';
import { writeVenues } from './venues.ts';
import { inseeOf } from './venue-communes.ts';
import { jsonArrayElements } from './json-stream.ts';
import { departementsOfVenues } from './venue-territory.ts';

/** What an import did, row by row (protocol.md: POST /api/v1/admin/venues/import). */
export interface ImportReport {
  format: 'csv' | 'json';
  /** data rows read (header excluded) */
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** `row`: the row as a spreadsheet numbers it (header = 1) for CSV, the element's position (from 1) for JSON */
  rejected: { row: number; id: string | null; errors: FieldIssue[] }[];
  warnings: { row: number; id: string | null; path: string; message: string }[];
  columns: { legacy: { from: string; to: string }[]; unknown: string[]; missing: string[] };
}

/** The file cannot be read at all (not CSV/JSON, empty): the whole import is refused. */
export class ImportFileError extends Error {}

export interface ImportOptions {
  /** only places of these départements are accepted (a structure's territory); others are rejected */
  departements?: string[];
  batchSize?: number;
}

type Chunks = AsyncIterable<string | Buffer>;

async function* asText(input: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of input) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** The delimiter of a CSV header line: `;` or `,`, whichever appears more often outside quotes. */
function detectDelimiter(head: string): string {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of head) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch === ',') commas++;
    else if (!inQuotes && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

async function* csvRecords(first: string, rest: AsyncIterator<string>): AsyncGenerator<Record<string, unknown>> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    header: true,
    delimiter: detectDelimiter(first),
    skipEmptyLines: 'greedy',
    transformHeader: (h: string) => normaliseColumnName(h),
  } as Papa.ParseConfig);
  const source = Readable.from(
    (async function* () {
      yield first;
      for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
    })(),
  );
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser as unknown as NodeJS.WritableStream);
  for await (const row of parser as unknown as AsyncIterable<Record<string, unknown>>) yield row;
}

/**
 * Imports a file of the national standard (CSV with `,` or `;`, BOM, CRLF, quoted
 * multi-line cells; or a JSON array) chunk by chunk: rows are normalised, written in
 * batches, and every row is accounted for in the report. Re-importing changes nothing.
 */
export async function importVenues(db: DB, input: Chunks, opts: ImportOptions = {}): Promise<ImportReport> {
  const text = asText(input);
  let first = '';
  let r = await text.next();
  while (!r.done && first.trim().length < 2) {
    first += r.value;
    if (first.trim().length >= 2) break;
    r = await text.next();
  }
  first = first.replace(/^\ufeff/, '');
  if (!first.trim()) throw new ImportFileError('Le fichier est vide.');
  const format: 'csv' | 'json' = /^\s*[[{]/.test(first) ? 'json' : 'csv';
  const records = format === 'json' ? jsonArrayElements(first, text) : csvRecords(first, text);

  const report: ImportReport = {
    format,
    total: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
    warnings: [],
    columns: { legacy: [], unknown: [], missing: [] },
  };
  const seen = new Set<string>();
  const columnsSeen = new Set<string>();
  const batchSize = opts.batchSize ?? 500;
  let batch: { venue: Venue; row: number }[] = [];

  const flush = async () => {
    if (!batch.length) return;
    let current = batch;
    batch = [];
    if (opts.departements) current = await keepOwnPlaces(db, current, opts.departements, report);
    try {
      count(await writeVenues(db, current.map((b) => b.venue)));
    } catch {
      // One row the database refuses must not sink its batch: retry one by one.
      for (const b of current) {
        try {
          count(await writeVenues(db, [b.venue]));
        } catch (e) {
          report.rejected.push({ row: b.row, id: b.venue.id, errors: [{ path: 'id', message: `écriture impossible : ${(e as Error).message}` }] });
        }
      }
    }
  };
  const count = (statuses: Map<string, string>) => {
    for (const s of statuses.values()) {
      if (s === 'created') report.imported++;
      else if (s === 'updated') report.updated++;
      else report.unchanged++;
    }
  };

  let index = 0;
  const iterator = records[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = await iterator.next();
    } catch (e) {
      await flush();
      throw new ImportFileError(`${(e as Error).message} (après ${report.total} lignes lues)`);
    }
    if (next.done) break;
    const item = next.value;
    index++;
    report.total++;
    const row = format === 'csv' ? index + 1 : index;
    if (item instanceof Error || typeof item !== 'object' || item === null || Array.isArray(item)) {
      report.rejected.push({ row, id: null, errors: [{ path: '(ligne)', message: item instanceof Error ? item.message : "ce n'est pas un objet lieu" }] });
      continue;
    }
    const rec = item as Record<string, unknown>;
    for (const k of Object.keys(rec)) columnsSeen.add(normaliseColumnName(k));
    const extra = rec.__parsed_extra;
    delete rec.__parsed_extra;
    const result = normaliseVenueRow(rec, { hoursParse, inseeOf });
    const id = result.ok ? result.venue.id : (result.id ?? null);
    for (const w of result.warnings) report.warnings.push({ row, id, ...w });
    if (extra) report.warnings.push({ row, id, path: '(ligne)', message: 'cellules en trop au-delà des colonnes de l’en-tête, ignorées' });
    if (!result.ok) {
      report.rejected.push({ row, id, errors: result.errors });
      continue;
    }
    if (seen.has(result.venue.id)) {
      report.rejected.push({ row, id, errors: [{ path: 'id', message: `id : « ${result.venue.id} » apparaît déjà plus haut dans le fichier` }] });
      continue;
    }
    seen.add(result.venue.id);
    if (opts.departements && !opts.departements.includes(result.venue.departement)) {
      report.rejected.push({
        row,
        id,
        errors: [{ path: 'code_postal', message: `le lieu est dans le département ${result.venue.departement}, hors du territoire de la structure` }],
      });
      continue;
    }
    batch.push({ venue: result.venue, row });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  report.columns = describeColumns([...columnsSeen]);
  return report;
}

/** Rows whose place already exists in another territory are rejected: an import cannot take a place over. */
async function keepOwnPlaces<T extends { venue: Venue; row: number }>(db: DB, rows: T[], departements: string[], report: ImportReport): Promise<T[]> {
  const stored = await departementsOfVenues(db, rows.map((b) => b.venue.id));
  return rows.filter((b) => {
    const at = stored.get(b.venue.id);
    if (at === undefined || departements.includes(at)) return true;
    report.rejected.push({
      row: b.row,
      id: b.venue.id,
      errors: [{ path: 'id', message: `id : ce lieu existe déjà dans le département ${at}, hors du territoire de la structure` }],
    });
    return false;
  });
}
