// Hub ingest rate (the sync ingest repository, push-sized batches of 500 records per device)
// beside two baselines: a plain prepared INSERT of the same records into one table (issue #17,
// see plainInsert), and a raw batched INSERT of the very same rows into the same tables — the ingest writes
// each record's row and its statistics rows (facts, themes, refresh markers…) in the push's
// transaction, so the baseline writes exactly those rows, read back from every table the
// ingest filled, with plain multi-row INSERTs in one transaction per batch of 500.
// SQLite and PostgreSQL; a fresh database per run; the median of the runs is kept.
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DB, Dialect } from '../../src/hub/db/schema.ts';
import { generateActivities, twoYearsTo } from '../generators/activities.ts';
import { checkPostgres, createBenchDatabase } from '../lib/databases.ts';
import { scaled, type BenchContext, type Measurement } from '../lib/context.ts';
import type { Figures } from '../lib/figures.ts';
import { median, round } from '../lib/stats.ts';
import { deviceBatches, givenStructures, ingestBatches } from './fill.ts';

const BATCH = 500;
type Row = Record<string, unknown>;

/** One table's rows as the ingest left them, grouped by record where they belong to one. */
interface TableRows {
  name: string;
  /** rows keyed by their record's id (activities.id or <table>.activity_id) */
  byRecord?: Map<string, Row[]>;
  /** rows not tied to one record (e.g. "days to refresh" markers), spread over the batches */
  loose?: Row[];
}

/**
 * Every table the ingest wrote to (the records' table and whatever the statistics code keeps
 * beside it), read back: the tables that were empty in the fresh database and are not now.
 */
async function readRows(db: DB, before: Set<string>): Promise<TableRows[]> {
  const out: TableRows[] = [];
  for (const t of await db.introspection.getTables()) {
    if (before.has(t.name) || t.name === 'structures') continue;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = (await (db as any).selectFrom(t.name).selectAll().execute()) as Row[];
    if (!rows.length) continue;
    const key = t.name === 'activities' ? 'id' : t.columns.some((c) => c.name === 'activity_id') ? 'activity_id' : undefined;
    if (!key) {
      out.push({ name: t.name, loose: rows });
      continue;
    }
    const byRecord = new Map<string, Row[]>();
    for (const r of rows) {
      const id = String(r[key]);
      const list = byRecord.get(id) ?? [];
      list.push(r);
      byRecord.set(id, list);
    }
    out.push({ name: t.name, byRecord });
  }
  // The records' rows first (other tables may refer to them).
  return out.sort((a, b) => Number(b.name === 'activities') - Number(a.name === 'activities'));
}

/** Tables holding rows in a freshly migrated database (left out of the comparison). */
async function nonEmptyTables(db: DB): Promise<Set<string>> {
  const names = new Set<string>();
  for (const t of await db.introspection.getTables()) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    if (await (db as any).selectFrom(t.name).select(db.fn.countAll().as('n')).executeTakeFirst().then((r: { n: unknown }) => Number(r.n) > 0)) names.add(t.name);
  }
  return names;
}

/** Plain batched INSERTs of the snapshot, batch by batch (ids per batch as pushed). */
async function rawInsert(db: DB, tables: TableRows[], batchIds: string[][]): Promise<void> {
  const loose = new Map(tables.filter((t) => t.loose).map((t) => [t.name, [...t.loose!]]));
  for (const [b, ids] of batchIds.entries()) {
    await db.transaction().execute(async (trx) => {
      for (const t of tables) {
        let rows: Row[];
        if (t.byRecord) rows = ids.flatMap((id) => t.byRecord!.get(id) ?? []);
        else {
          const all = loose.get(t.name)!;
          rows = all.splice(0, Math.ceil(all.length / (batchIds.length - b)));
        }
        // Multi-row statements within both databases' parameter limits.
        const size = Math.max(1, Math.floor(30_000 / Math.max(1, Object.keys(rows[0] ?? { a: 1 }).length)));
        for (let i = 0; i < rows.length; i += Math.min(size, 500)) {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          await (trx as any).insertInto(t.name).values(rows.slice(i, i + Math.min(size, 500))).execute();
        }
      }
    });
  }
}

/**
 * Issue #17's baseline: the same records (the `activities` rows the ingest stored) written by
 * a plain prepared INSERT into ONE table with the same columns and only its primary key, one
 * transaction per 500 rows, into a fresh database of the dialect. SQLite: one prepared
 * single-row statement run 500 times per transaction (better-sqlite3's fastest way);
 * PostgreSQL: one prepared statement inserting the 500 rows of a transaction from arrays
 * (unnest), the fastest plain way over a connection.
 */
async function plainInsert(dialect: Dialect, rows: Row[]): Promise<number> {
  const database = await createBenchDatabase(dialect, 'plain');
  try {
    const columns = Object.keys(rows[0]!);
    const values = rows.map((r) => columns.map((c) => r[c] ?? null));
    const ddl = `CREATE TABLE plain_activities (${columns.map((c) => `${c} ${c === 'revision' || c === 'deleted' ? 'integer' : 'text'}${c === 'id' ? ' PRIMARY KEY' : ''}`).join(', ')})`;
    if (dialect === 'sqlite') {
      await database.close();
      const sqlite = new SQLite(path.join(database.dataDir, 'kariole.sqlite'));
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.exec(ddl);
      const insert = sqlite.prepare(`INSERT INTO plain_activities (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      const batch = sqlite.transaction((part: unknown[][]) => {
        for (const v of part) insert.run(v);
      });
      const t0 = performance.now();
      for (let i = 0; i < values.length; i += BATCH) batch(values.slice(i, i + BATCH));
      const ms = performance.now() - t0;
      sqlite.close();
      return (values.length / ms) * 1000;
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(ddl);
      const types = columns.map((c) => (c === 'revision' || c === 'deleted' ? 'int' : 'text'));
      const text = `INSERT INTO plain_activities (${columns.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
      const t0 = performance.now();
      for (let i = 0; i < values.length; i += BATCH) {
        const part = values.slice(i, i + BATCH);
        await client.query('BEGIN');
        await client.query({ name: 'plain-insert', text, values: columns.map((_, c) => part.map((v) => v[c])) });
        await client.query('COMMIT');
      }
      const ms = performance.now() - t0;
      return (values.length / ms) * 1000;
    } finally {
      await client.end();
    }
  } finally {
    await database.destroy();
  }
}

async function oneRun(dialect: Dialect, count: number, seed: number): Promise<{ ingestPerSec: number; plainPerSec: number; rawPerSec: number; tables: string[] }> {
  // Both writes start from a fresh, empty, migrated database of the dialect.
  const first = await createBenchDatabase(dialect, 'ingest');
  const second = await createBenchDatabase(dialect, 'raw');
  try {
    const structures = await givenStructures(first.db, 4);
    await second.db.insertInto('structures').values(await first.db.selectFrom('structures').selectAll().execute()).execute();
    const activities = generateActivities(count, seed, { structures, mediators: 3, ...twoYearsTo() });
    const batches = [...deviceBatches(activities, BATCH)];

    const empty = await nonEmptyTables(first.db);
    const t0 = performance.now();
    const { stored, notCreated } = await ingestBatches(first.db, dialect, batches);
    const ingestMs = performance.now() - t0;
    if (notCreated) throw new Error(`${notCreated} records were not created by the ingest`);

    // The same rows, as the ingest stored them (the record and its statistics rows), written
    // with plain multi-row INSERTs, one transaction per push-sized batch.
    const tables = await readRows(first.db, empty);
    const t1 = performance.now();
    await rawInsert(second.db, tables, batches.map((b) => b.items.map((i) => i.id)));
    const rawMs = performance.now() - t1;
    const records = [...tables.find((t) => t.name === 'activities')!.byRecord!.values()].map((list) => list[0]!);
    const plainPerSec = await plainInsert(dialect, records);
    return { ingestPerSec: (stored / ingestMs) * 1000, plainPerSec, rawPerSec: (stored / rawMs) * 1000, tables: tables.map((t) => t.name) };
  } finally {
    await first.destroy();
    await second.destroy();
  }
}

export const ingest: Measurement = {
  name: 'ingest',
  needsNoAppBuild: true,
  keys: ['hubIngestPerSecSqlite', 'plainInsertPerSecSqlite', 'rawInsertPerSecSqlite', 'hubIngestPerSecPostgres', 'plainInsertPerSecPostgres', 'rawInsertPerSecPostgres'],
  async run(ctx: BenchContext) {
    await checkPostgres();
    const count = ctx.quick ? 2_000 : scaled(10_000);
    const figures: Figures = {};
    const details: Record<string, unknown> = { records: count, batch: BATCH };
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const runs: { ingestPerSec: number; plainPerSec: number; rawPerSec: number; tables: string[] }[] = [];
      for (let i = 0; i < ctx.runs; i++) {
        const r = await oneRun(dialect, count, 100 + i);
        ctx.log(`${dialect} run ${i + 1}: ingest ${Math.round(r.ingestPerSec)}/s, plain INSERT ${Math.round(r.plainPerSec)}/s (${Math.round((100 * r.ingestPerSec) / r.plainPerSec)} %), rows replayed ${Math.round(r.rawPerSec)}/s`);
        runs.push(r);
      }
      const ingestPerSec = round(median(runs.map((r) => r.ingestPerSec)));
      const plainPerSec = round(median(runs.map((r) => r.plainPerSec)));
      const rawPerSec = round(median(runs.map((r) => r.rawPerSec)));
      if (dialect === 'sqlite') Object.assign(figures, { hubIngestPerSecSqlite: ingestPerSec, plainInsertPerSecSqlite: plainPerSec, rawInsertPerSecSqlite: rawPerSec });
      else Object.assign(figures, { hubIngestPerSecPostgres: ingestPerSec, plainInsertPerSecPostgres: plainPerSec, rawInsertPerSecPostgres: rawPerSec });
      details[dialect] = runs.map((r) => ({ ingestPerSec: round(r.ingestPerSec), plainPerSec: round(r.plainPerSec), rawPerSec: round(r.rawPerSec) }));
      details.tablesWritten = runs[0]?.tables;
    }
    return { figures, details };
  },
};
