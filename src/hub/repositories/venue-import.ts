import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { DB } from '../db/schema.ts';
import { describeColumns, normaliseColumnName, normaliseVenueRow } from '../../shared/venues/normalise.ts';
import { hoursParse } from '../../shared/venues/hours.ts';
import { normaliseSource, SOURCE_ID_MAX, SOURCE_MAX } from '../../shared/venues/identity.ts';
import { writeSourcedVenues, type LinkTarget, type SourcedVenue } from './venue-write.ts';
import { inseeOf, postcodeBelongs } from './venue-communes.ts';
import { ReportBuilder, type ImportReport } from './venue-import-report.ts';
import { departementsOfSourcedVenues } from './venue-territory.ts';
import type { VenueActor } from './venue-changes.ts';

export type { ImportReport } from './venue-import-report.ts';
import { jsonArrayElements } from './json-stream.ts';

/** The options of the one row validator (normaliseVenueRow) on the hub: imports, edits and applied reports use them. */
export const ROW_OPTIONS = { hoursParse, inseeOf, postcodeBelongs } as const;

/** The file cannot be read at all (not CSV/JSON, empty): the whole import is refused. */
export class ImportFileError extends Error {}

export interface ImportOptions {
  /** only places of these départements are accepted (a structure's territory); others are rejected */
  departements?: string[];
  /** the source of rows whose `source` cell is empty (`--source`, the dashboard's field) */
  source?: string;
  /** keep every warning row by row in `warningList` */
  full?: boolean;
  batchSize?: number;
  /** who imports: each created or updated place gets a row in its history */
  actor?: VenueActor;
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

  const builder = new ReportBuilder(format, opts.full ?? false);
  const report = builder.report;
  const defaultSource = normaliseSource(opts.source);
  if (defaultSource && defaultSource.length > SOURCE_MAX) throw new ImportFileError(`La source « ${defaultSource.slice(0, 40)}… » dépasse ${SOURCE_MAX} caractères.`);
  const seen = new Set<string>();
  const columnsSeen = new Set<string>();
  const batchSize = opts.batchSize ?? 500;
  let batch: { item: SourcedVenue; row: number }[] = [];

  const record = (b: { item: SourcedVenue; row: number }, o: { id: string; status: 'created' | 'updated' | 'unchanged'; linkedTo?: LinkTarget }) =>
    builder.stored(b.item.source, o.status, o.linkedTo ? { row: b.row, id: o.id, source: b.item.source, sourceId: b.item.sourceId, linkedTo: o.linkedTo } : undefined);
  const flush = async () => {
    if (!batch.length) return;
    let current = batch;
    batch = [];
    if (opts.departements) current = await keepOwnPlaces(db, current, opts.departements, builder);
    try {
      const outcomes = await writeSourcedVenues(db, current.map((b) => b.item), opts.actor);
      outcomes.forEach((o, n) => record(current[n]!, o));
    } catch {
      // One row the database refuses must not sink its batch: retry one by one.
      for (const b of current) {
        try {
          record(b, (await writeSourcedVenues(db, [b.item], opts.actor))[0]!);
        } catch (e) {
          builder.reject({ row: b.row, id: b.item.sourceId, source: b.item.source, errors: [{ path: 'id', message: `écriture impossible : ${(e as Error).message}` }] });
        }
      }
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
    const row = format === 'csv' ? index + 1 : index;
    if (item instanceof Error || typeof item !== 'object' || item === null || Array.isArray(item)) {
      builder.read(undefined);
      builder.reject({ row, id: null, errors: [{ path: '(ligne)', message: item instanceof Error ? item.message : "ce n'est pas un objet lieu" }] });
      continue;
    }
    const rec = item as Record<string, unknown>;
    for (const k of Object.keys(rec)) columnsSeen.add(normaliseColumnName(k));
    const extra = rec.__parsed_extra;
    delete rec.__parsed_extra;
    const source = normaliseSource(rec.source) ?? defaultSource;
    builder.read(source);
    const result = normaliseVenueRow(rec, ROW_OPTIONS);
    const id = result.ok ? result.venue.id : (result.id ?? null);
    for (const w of result.warnings) builder.warn({ row, id, ...w });
    if (extra) builder.warn({ row, id, path: '(ligne)', message: 'cellules en trop au-delà des colonnes de l’en-tête, ignorées' });
    const errors = result.ok ? [] : [...result.errors];
    if (!source) errors.push({ path: 'source', message: 'source : la ligne ne dit pas de quelle source elle vient (colonne source vide) et aucune source n’a été indiquée pour le fichier' });
    else if (source.length > SOURCE_MAX) errors.push({ path: 'source', message: `source : ${source.length} caractères (${SOURCE_MAX} au plus)` });
    if (id && id.length > SOURCE_ID_MAX) errors.push({ path: 'id', message: `id : ${id.length} caractères (${SOURCE_ID_MAX} au plus)` });
    if (!result.ok || errors.length) {
      builder.reject({ row, id, ...(source ? { source } : {}), errors });
      continue;
    }
    const key = `${source}\0${result.venue.id}`;
    if (seen.has(key)) {
      builder.reject({ row, id, source, errors: [{ path: 'id', message: `id : « ${result.venue.id} » apparaît déjà plus haut dans le fichier pour la source « ${source} »` }] });
      continue;
    }
    seen.add(key);
    if (opts.departements && !opts.departements.includes(result.venue.departement)) {
      builder.reject({
        row,
        id,
        source,
        errors: [{ path: 'code_postal', message: `le lieu est dans le département ${result.venue.departement}, hors du territoire de la structure` }],
      });
      continue;
    }
    batch.push({ item: { venue: result.venue, source: source!, sourceId: result.venue.id }, row });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  report.columns = describeColumns([...columnsSeen]);
  return builder.finish();
}

/** Rows whose place already exists in another territory are rejected: an import cannot take a place over. */
async function keepOwnPlaces<T extends { item: SourcedVenue; row: number }>(db: DB, rows: T[], departements: string[], builder: ReportBuilder): Promise<T[]> {
  const stored = await departementsOfSourcedVenues(db, rows.map((b) => b.item));
  return rows.filter((b) => {
    const at = stored.get(`${b.item.source}\0${b.item.sourceId}`);
    if (at === undefined || departements.includes(at)) return true;
    builder.reject({
      row: b.row,
      id: b.item.sourceId,
      source: b.item.source,
      errors: [{ path: 'id', message: `id : ce lieu existe déjà dans le département ${at}, hors du territoire de la structure` }],
    });
    return false;
  });
}
