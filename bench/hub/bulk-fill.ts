// Fast fill of a million records for the statistics figure. Pushing them through the ingest
// would take most of the bench's time budget, so this writes each record's `activities` row
// exactly as the ingest does (same hash code; prepared inserts on SQLite, unnest() arrays on
// PostgreSQL) and lets the coordination feature's own writeActivityFactsBatch write the
// statistics rows, in large batches. `checkBulkFill` (stats.ts) proves on a sample that the
// records' rows are the ingest's.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Dialect } from '../../src/hub/db/schema.ts';
import { contentHash } from '../../src/hub/repositories/activities.ts';
import { writeActivityFactsBatch, type StoredActivity } from '../../src/hub/repositories/activity-facts.ts';
import { rebuildAllRollups } from '../../src/hub/repositories/stats-rollup.ts';
import type { ActivityGenOptions, GeneratedActivity } from '../generators/activities.ts';
import type { BenchDatabase } from '../lib/databases.ts';

export type Value = string | number | null;

export interface TableSpec {
  name: string;
  columns: string[];
  /** PostgreSQL array type per column, for unnest */
  pgTypes: string[];
}

export const ACTIVITIES: TableSpec = {
  name: 'activities',
  columns: ['id', 'structure_id', 'device_id', 'mediator_id', 'revision', 'deleted', 'content_hash', 'record', 'date', 'type', 'received_at', 'updated_at'],
  pgTypes: ['text', 'text', 'text', 'text', 'int', 'int', 'text', 'text', 'text', 'text', 'text', 'text'],
};

/** The `activities` row a pushed record becomes (as ingestActivities writes it). */
export function activityRow(a: GeneratedActivity, now: string): Value[] {
  const r = a.record;
  const record = r as unknown as Record<string, unknown>;
  return [r.id, a.structureId, a.deviceId, a.mediatorId, r.revision, 0, contentHash({ deleted: false, record }), JSON.stringify(record), r.date, r.type, now, now];
}

/** The stored form writeActivityFacts receives for a row (the record read back from its JSON). */
function storedOf(row: Value[]): StoredActivity {
  return {
    id: row[0] as string,
    structureId: row[1] as string,
    deviceId: row[2] as string,
    mediatorId: row[3] as string,
    revision: row[4] as number,
    deleted: false,
    record: JSON.parse(row[7] as string) as Record<string, unknown>,
    receivedAt: row[10] as string,
    updatedAt: row[11] as string,
  };
}

export async function writePostgres(client: pg.Client, spec: TableSpec, rows: Value[][]): Promise<void> {
  if (!rows.length) return;
  const columns = spec.columns.map((_, i) => rows.map((row) => row[i] ?? null));
  const unnest = spec.pgTypes.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  await client.query(`INSERT INTO ${spec.name} (${spec.columns.join(', ')}) SELECT * FROM unnest(${unnest})`, columns);
}

/** The rows of the activities, chunk by chunk (in this thread). */
export async function* rowChunks(activities: Iterable<GeneratedActivity>, size: number): AsyncGenerator<Value[][]> {
  const now = new Date().toISOString();
  let rows: Value[][] = [];
  for (const a of activities) {
    rows.push(activityRow(a, now));
    if (rows.length >= size) {
      yield rows;
      rows = [];
    }
  }
  if (rows.length) yield rows;
}

/** The same chunks computed by a worker thread while this one writes. */
export async function* workerRowChunks(count: number, seed: number | string, opts: ActivityGenOptions, size: number): AsyncGenerator<Value[][]> {
  const worker = new Worker(new URL('./fill-worker-entry.mjs', import.meta.url), { workerData: { count, seed, opts, size } });
  const queue: Value[][][] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  worker.on('message', (m: { rows?: Value[][]; done?: true }) => {
    if (m.rows) queue.push(m.rows);
    if (m.done) done = true;
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', () => {
    done = true;
    wake?.();
  });
  try {
    for (;;) {
      if (failure) throw failure;
      const next = queue.shift();
      if (next) {
        worker.postMessage('taken');
        yield next;
        continue;
      }
      if (done) return;
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * Writes the chunks as if each record had been pushed once: its `activities` row, then the
 * statistics rows through writeActivityFactsBatch (one transaction per chunk), the roll-ups
 * built once at the end from the facts (rebuildAllRollups): the rows the pushes' own roll-up
 * updates leave (tests/hub/stats-property.test.ts checks that both give the same figures;
 * checkBulkFill in stats.ts compares the roll-up rows on a sample). Returns how many.
 */
export async function bulkFill(database: BenchDatabase, dialect: Dialect, chunks: AsyncIterable<Value[][]>, onProgress?: (n: number) => void): Promise<number> {
  let n = 0;
  const facts = (rows: Value[][]) => database.db.transaction().execute((trx) => writeActivityFactsBatch(trx, rows.map(storedOf), { rollups: false }));
  if (dialect === 'sqlite') {
    const sqlite = new SQLite(path.join(database.dataDir, 'kariole.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 10000');
    const insert = sqlite.prepare(`INSERT INTO activities (${ACTIVITIES.columns.join(', ')}) VALUES (${ACTIVITIES.columns.map(() => '?').join(', ')})`);
    const write = sqlite.transaction((rows: Value[][]) => {
      for (const row of rows) insert.run(row);
    });
    try {
      for await (const rows of chunks) {
        write(rows);
        await facts(rows);
        n += rows.length;
        onProgress?.(n);
      }
    } finally {
      sqlite.close();
    }
    await rebuildAllRollups(database.db);
  } else {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      for await (const rows of chunks) {
        await writePostgres(client, ACTIVITIES, rows);
        await facts(rows);
        n += rows.length;
        onProgress?.(n);
      }
      await rebuildAllRollups(database.db);
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
  }
  return n;
}

/** The daily roll-up rows, comparable between two databases. */
export async function rollupDigest(database: BenchDatabase): Promise<string> {
  const rows = await database.db.selectFrom('stats_rollup').selectAll().orderBy(['structure_id', 'theme', 'date', 'type']).execute();
  return JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)]))));
}

/** The records' rows, comparable between two databases (times left out: they differ by design). */
export async function activitiesDigest(database: BenchDatabase): Promise<string> {
  const rows = await database.db
    .selectFrom('activities')
    .select(['id', 'structure_id', 'device_id', 'mediator_id', 'revision', 'deleted', 'content_hash', 'record', 'date', 'type'])
    .orderBy('id')
    .execute();
  return JSON.stringify(rows.map((r) => ({ ...r, revision: Number(r.revision), deleted: Number(r.deleted) })));
}
