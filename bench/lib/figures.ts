// The figures of quality.md: the keys of bench/results/latest.json (exactly these), their
// targets and the baseline printed beside each.

export const FIGURE_KEYS = [
  'firstScreenJsLoadedKB',
  'lighthousePerformance',
  'offlineColdStartMs',
  'sessionTaps',
  'workshopTaps',
  'venueImport18kMs',
  'venueImportRawBulkPutMs',
  'venueSearchP95Ms',
  'venueSearchP95Ms4xCpu',
  'hubVenueImportNationalMs',
  'hubVenueImportNationalPeakMB',
  'push10kMs',
  'hubIngestPerSecSqlite',
  'plainInsertPerSecSqlite',
  'rawInsertPerSecSqlite',
  'hubIngestPerSecPostgres',
  'plainInsertPerSecPostgres',
  'rawInsertPerSecPostgres',
  'stats1mMs',
  'stats1mMsPostgres',
  'statsFirstAfterBulkMs',
  'statsFirstAfterBulkMsPostgres',
  'coopApiActivitesPerSec',
  'coopApiLastFirstPageRatio',
  'coopApiActivitesPerSecPostgres',
  'coopApiLastFirstPageRatioPostgres',
  'load500P99Ms',
  'load500Errors',
  'load500HerdP99Ms',
  'load500HerdErrors',
] as const;

export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Partial<Record<FigureKey, number>>;

/** What a measurement returns: figures, plus context kept in the details file. */
export interface MeasureResult {
  figures: Figures;
  /** baselines and context not in latest.json (e.g. the whole app's JS, every run's value) */
  details?: Record<string, unknown>;
  /** plain-words notes printed under the table (e.g. fewer runs than usual) */
  notes?: string[];
}

interface Target {
  label: string;
  unit: string;
  /** met when the check passes; undefined for baselines */
  check?: (value: number, all: Figures) => boolean;
  target?: string;
  /** the baseline shown beside the figure */
  baseline?: (all: Figures, details: Record<string, unknown>) => string | undefined;
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? `${Math.round((a / b) * 100)} %` : undefined);

export const TARGETS: Record<FigureKey, Target> = {
  firstScreenJsLoadedKB: {
    label: 'First-screen JS as loaded (gzip)', unit: 'kB', target: '≤ 30 kB', check: (v) => v <= 30,
    baseline: (_f, d) => (typeof d.wholeAppJsGzipKB === 'number' ? `whole app JS ${d.wholeAppJsGzipKB} kB` : undefined),
  },
  lighthousePerformance: { label: 'Lighthouse performance (mobile)', unit: '', target: '≥ 98', check: (v) => v >= 98 },
  offlineColdStartMs: { label: 'Offline cold start → portal (4× CPU)', unit: 'ms', target: '≤ 800 ms', check: (v) => v <= 800 },
  sessionTaps: {
    label: 'Taps, typical individual session (démarche included)', unit: 'taps', target: '≤ 4, no typing', check: (v, _f) => v <= 4,
    baseline: (_f, d) => (typeof d.nationalRequiredFields === 'number' ? `national form: ${d.nationalRequiredFields} required fields` : undefined),
  },
  workshopTaps: {
    label: 'Taps, 8-person workshop (counts typed)', unit: 'taps', target: '≤ 15', check: (v) => v <= 15,
    baseline: (_f, d) => (typeof d.workshopCopiedTaps === 'number' ? `copied from the last one of the same title: ${d.workshopCopiedTaps} taps` : undefined),
  },
  venueImport18kMs: {
    label: 'Venue import 18,000 places (IndexedDB)', unit: 'ms', target: '≤ 3000 ms', check: (v) => v <= 3000,
    baseline: (f) => (f.venueImportRawBulkPutMs !== undefined ? `raw bulkPut ${f.venueImportRawBulkPutMs} ms (×${(f.venueImport18kMs! / f.venueImportRawBulkPutMs).toFixed(1)})` : undefined),
  },
  venueImportRawBulkPutMs: { label: '  baseline: raw bulkPut 18,000', unit: 'ms' },
  venueSearchP95Ms: { label: 'Venue search per keystroke p95', unit: 'ms', target: '≤ 16 ms', check: (v) => v <= 16 },
  venueSearchP95Ms4xCpu: {
    label: 'Venue search per keystroke p95, 4× CPU', unit: 'ms', target: '≤ 16 ms', check: (v) => v <= 16,
    baseline: (f) => (f.venueSearchP95Ms !== undefined && f.venueSearchP95Ms4xCpu !== undefined ? `no slowdown ${f.venueSearchP95Ms} ms (×${(f.venueSearchP95Ms4xCpu / f.venueSearchP95Ms).toFixed(1)})` : undefined),
  },
  hubVenueImportNationalMs: { label: 'Hub import of the national file (18,000 places, 17 sources)', unit: 'ms' },
  hubVenueImportNationalPeakMB: { label: '  peak memory of that import (RSS above start)', unit: 'MB' },
  push10kMs: { label: 'Device push of 10,000 records', unit: 'ms', target: '≤ 2000 ms', check: (v) => v <= 2_000 },
  // Issue #17: ingest against a plain prepared INSERT of the same records into one table
  // (500 per transaction); the first round's "raw" baseline (the ingest's own rows replayed into
  // every table it writes) is kept beside it.
  hubIngestPerSecSqlite: {
    label: 'Hub ingest, SQLite', unit: 'rec/s', target: '≥ 25 % of plain', check: (v, f) => f.plainInsertPerSecSqlite !== undefined && v >= 0.25 * f.plainInsertPerSecSqlite,
    baseline: (f) => plainAndRaw(f.hubIngestPerSecSqlite, f.plainInsertPerSecSqlite, f.rawInsertPerSecSqlite),
  },
  plainInsertPerSecSqlite: { label: '  baseline: plain prepared INSERT, one table, SQLite', unit: 'rec/s' },
  rawInsertPerSecSqlite: { label: '  baseline: the ingest\'s rows replayed, SQLite', unit: 'rec/s' },
  hubIngestPerSecPostgres: {
    label: 'Hub ingest, PostgreSQL', unit: 'rec/s', target: '≥ 25 % of plain', check: (v, f) => f.plainInsertPerSecPostgres !== undefined && v >= 0.25 * f.plainInsertPerSecPostgres,
    baseline: (f) => plainAndRaw(f.hubIngestPerSecPostgres, f.plainInsertPerSecPostgres, f.rawInsertPerSecPostgres),
  },
  plainInsertPerSecPostgres: { label: '  baseline: plain prepared INSERT, one table, PostgreSQL', unit: 'rec/s' },
  rawInsertPerSecPostgres: { label: '  baseline: the ingest\'s rows replayed, PostgreSQL', unit: 'rec/s' },
  stats1mMs: { label: 'Stats over 1,000,000 records, SQLite', unit: 'ms', target: '≤ 300 ms', check: (v) => v <= 300 },
  stats1mMsPostgres: { label: 'Stats over 1,000,000 records, PostgreSQL', unit: 'ms', target: '≤ 300 ms', check: (v) => v <= 300 },
  statsFirstAfterBulkMs: { label: 'First dashboard read after 1,000,000 pushed, SQLite', unit: 'ms', target: '≤ 2000 ms', check: (v) => v <= 2_000 },
  statsFirstAfterBulkMsPostgres: { label: 'First dashboard read after 1,000,000 pushed, PostgreSQL', unit: 'ms', target: '≤ 2000 ms', check: (v) => v <= 2_000 },
  coopApiActivitesPerSec: {
    label: 'Coop API paging 1,000,000 activities, SQLite', unit: 'act/s', target: '≥ 20000/s', check: (v) => v >= 20_000,
    baseline: (f) => (f.coopApiLastFirstPageRatio !== undefined ? `last page / first page ${f.coopApiLastFirstPageRatio}×` : undefined),
  },
  coopApiLastFirstPageRatio: { label: '  last page time / first page time, SQLite', unit: '×', target: '≤ 2', check: (v) => v <= 2 },
  coopApiActivitesPerSecPostgres: {
    label: 'Coop API paging 1,000,000 activities, PostgreSQL', unit: 'act/s', target: '≥ 20000/s', check: (v) => v >= 20_000,
    baseline: (f) => (f.coopApiLastFirstPageRatioPostgres !== undefined ? `last page / first page ${f.coopApiLastFirstPageRatioPostgres}×` : undefined),
  },
  coopApiLastFirstPageRatioPostgres: { label: '  last page time / first page time, PostgreSQL', unit: '×', target: '≤ 2', check: (v) => v <= 2 },
  load500P99Ms: {
    label: '500 devices syncing within 30 s, p99', unit: 'ms', target: '≤ 250 ms', check: (v) => v <= 250,
  },
  load500Errors: { label: '500 devices syncing within 30 s, errors', unit: '', target: '0', check: (v) => v === 0 },
  load500HerdP99Ms: { label: '500 devices syncing at the same instant, p99', unit: 'ms', target: '≤ 250 ms', check: (v) => v <= 250 },
  load500HerdErrors: { label: '500 devices syncing at the same instant, errors', unit: '', target: '0', check: (v) => v === 0 },
};

function plainAndRaw(ingest: number | undefined, plain: number | undefined, raw: number | undefined): string | undefined {
  const parts: string[] = [];
  if (plain !== undefined) parts.push(`plain INSERT ${plain}/s → ${ratio(ingest, plain)}`);
  if (raw !== undefined) parts.push(`rows replayed ${raw}/s → ${ratio(ingest, raw)}`);
  return parts.length ? parts.join('; ') : undefined;
}
