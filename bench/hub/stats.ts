// The dashboard's statistics query (coordination feature, computeStats) over 1,000,000
// records spread over 40 structures, 240 mediators and two years, on SQLite and PostgreSQL.
// The figure is the slowest of the usual dashboard queries (median of the runs of each), on
// a database whose roll-ups are built; the first query after the million pushes (which
// builds them) is timed once, when the cached history is made, and reported beside it.
import type { Dialect } from '../../src/hub/db/schema.ts';
import { computeStats, type StructureSelection } from '../../src/hub/repositories/stats.ts';
import type { StatsFilters } from '../../src/shared/stats/types.ts';
import { iterateActivities, type ActivityGenOptions } from '../generators/activities.ts';
import { checkPostgres, createBenchDatabase } from '../lib/databases.ts';
import type { BenchContext, Measurement } from '../lib/context.ts';
import type { Figures } from '../lib/figures.ts';
import { median, round } from '../lib/stats.ts';
import { activitiesDigest, bulkFill, rowChunks } from './bulk-fill.ts';
import { HISTORY_PERIOD, historyDatabase, historyInfo } from './history.ts';
import { deviceBatches, givenStructures, ingestBatches } from './fill.ts';

const PERIOD = HISTORY_PERIOD;

/** Both fill paths leave the same rows (a sample of 1,500 records). */
async function checkBulkFill(dialect: Dialect): Promise<void> {
  const viaIngest = await createBenchDatabase(dialect, 'check-a');
  const viaBulk = await createBenchDatabase(dialect, 'check-b');
  try {
    // The same structures (same ids) in both databases.
    const specs = await givenStructures(viaIngest.db, 2);
    const rows = await viaIngest.db.selectFrom('structures').selectAll().execute();
    await viaBulk.db.insertInto('structures').values(rows).execute();
    const opts: ActivityGenOptions = { structures: specs, mediators: 2, ...PERIOD };
    await ingestBatches(viaIngest.db, dialect, deviceBatches(iterateActivities(1500, 5, opts), 500));
    await bulkFill(viaBulk, dialect, rowChunks(iterateActivities(1500, 5, opts), 500));
    const [a, b] = [await activitiesDigest(viaIngest), await activitiesDigest(viaBulk)];
    if (a !== b) throw new Error(`the bulk fill no longer writes what the ingest writes on ${dialect} (the ingest changed?): update bench/hub/bulk-fill.ts`);
  } finally {
    await viaIngest.destroy();
    await viaBulk.destroy();
  }
}

interface Query {
  name: string;
  filters: StatsFilters;
  sel: (structures: string[]) => StructureSelection;
}

const LAST_12_MONTHS = { from: '2025-11-01', to: '2026-10-31' };
const QUERIES: Query[] = [
  { name: 'all structures, last 12 months', filters: LAST_12_MONTHS, sel: () => ({ all: true }) },
  { name: 'all structures, two years', filters: { from: PERIOD.from, to: PERIOD.to }, sel: () => ({ all: true }) },
  { name: 'one structure, last 12 months', filters: LAST_12_MONTHS, sel: (s) => ({ ids: [s[0]!] }) },
  { name: 'a coordinator’s 5 structures, individual sessions', filters: { ...LAST_12_MONTHS, type: ['individuel'] }, sel: (s) => ({ ids: s.slice(0, 5) }) },
  { name: 'all structures, one theme', filters: { ...LAST_12_MONTHS, theme: ['aide_aux_demarches_administratives'] }, sel: () => ({ all: true }) },
  { name: 'one mediator, two years', filters: { from: PERIOD.from, to: PERIOD.to, mediatorId: ['MEDIATOR'] }, sel: (s) => ({ ids: [s[0]!] }) },
];

async function measureDialect(ctx: BenchContext, dialect: Dialect, count: number): Promise<{ worstMs: number; details: Record<string, unknown> }> {
  const t0 = performance.now();
  const database = await historyDatabase(dialect, count, ctx.log);
  try {
    const fillSeconds = round((performance.now() - t0) / 1000);
    const ids = (await database.db.selectFrom('structures').select('id').orderBy('name').execute()).map((s) => s.id);
    const mediator = `${ids[0]}-m1`;
    const filtersOf = (q: Query) => (q.filters.mediatorId ? { ...q.filters, mediatorId: [mediator] } : q.filters);

    const check = await computeStats(database.db, QUERIES[0]!.filters, QUERIES[0]!.sel(ids));
    if (check.totals.activities <= 0) throw new Error('the stats query found no activity');

    const perQuery: Record<string, number[]> = {};
    for (let run = 0; run < Math.max(ctx.runs, 5); run++) {
      for (const q of QUERIES) {
        const t = performance.now();
        await computeStats(database.db, filtersOf(q), q.sel(ids));
        (perQuery[q.name] ??= []).push(performance.now() - t);
      }
    }
    const medians = Object.fromEntries(Object.entries(perQuery).map(([k, v]) => [k, round(median(v), 1)]));
    const worst = Math.max(...Object.values(medians));
    ctx.log(`${dialect}: ready in ${fillSeconds} s; medians ${JSON.stringify(medians)}`);
    return { worstMs: worst, details: { records: count, readySeconds: fillSeconds, medianMsPerQuery: medians } };
  } finally {
    await database.destroy();
  }
}

export const stats: Measurement = {
  name: 'stats',
  keys: ['stats1mMs', 'stats1mMsPostgres'],
  heavy: true,
  async run(ctx: BenchContext) {
    await checkPostgres();
    const count = ctx.quick ? 50_000 : 1_000_000;
    const figures: Figures = {};
    const details: Record<string, unknown> = {};
    for (const dialect of ['sqlite', 'postgres'] as const) {
      await checkBulkFill(dialect);
      const r = await measureDialect(ctx, dialect, count);
      figures[dialect === 'sqlite' ? 'stats1mMs' : 'stats1mMsPostgres'] = round(r.worstMs);
      details[dialect] = r.details;
    }
    const made = await historyInfo(count);
    details.history = made;
    const notes = [
      'the figure is the slowest of six dashboard queries (median of ≥ 5 runs each), roll-ups built',
      `the first stats query after the million pushes rebuilds every day's roll-ups: ${made.rollupRebuildMs ?? '?'} ms on SQLite (measured when the cached history was made)`,
    ];
    if (ctx.quick) notes.push(`quick mode: ${count.toLocaleString('en-US')} records, not 1,000,000`);
    return { figures, details, notes };
  },
};
