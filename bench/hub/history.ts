// The million-record history for the statistics figure, made once and kept: generating and
// hashing a million records costs minutes, so the filled SQLite database is cached under
// bench/.cache, named by a fingerprint of everything that shapes its rows (generators, fill
// code, record and statistics code, migrations). PostgreSQL is filled from that file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Dialect } from '../../src/hub/db/schema.ts';
import { openDatabase } from '../../src/hub/plugins/db.ts';
import { twoYearsTo } from '../generators/activities.ts';
import { CACHE, ROOT } from '../lib/context.ts';
import { createBenchDatabase, type BenchDatabase } from '../lib/databases.ts';
import { computeStats } from '../../src/hub/repositories/stats.ts';
import { bulkFill, workerRowChunks, writePostgres, type TableSpec, type Value } from './bulk-fill.ts';
import { givenStructures } from './fill.ts';

export const HISTORY_PERIOD = twoYearsTo('2026-10-31');
const SOURCES = [
  'bench/generators', 'bench/hub/bulk-fill.ts', 'bench/hub/fill-worker.ts', 'bench/hub/fill.ts', 'bench/hub/history.ts',
  'src/shared/activity', 'src/shared/stats', 'src/hub/migrations', 'src/hub/repositories/activities.ts', 'src/hub/repositories/activity-facts.ts',
];

function fingerprint(count: number): string {
  const h = createHash('sha256').update(String(count));
  const walk = (p: string) => {
    const full = path.join(ROOT, p);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) for (const f of fs.readdirSync(full).sort()) walk(path.join(p, f));
    else h.update(p).update(fs.readFileSync(full));
  };
  for (const s of SOURCES) walk(s);
  return h.digest('hex').slice(0, 16);
}

/** The cached SQLite file of `count` records over 40 structures (made when missing). */
async function cachedHistory(count: number, log: (m: string) => void): Promise<string> {
  const file = path.join(CACHE, `history-${count}-${fingerprint(count)}.sqlite`);
  if (fs.existsSync(file) && fs.existsSync(`${file}.json`)) return file;
  fs.mkdirSync(CACHE, { recursive: true });
  for (const old of fs.readdirSync(CACHE).filter((f) => f.startsWith(`history-${count}-`))) fs.rmSync(path.join(CACHE, old), { force: true });
  log(`generating ${count.toLocaleString('en-US')} records once (cached in ${path.relative(ROOT, file)})…`);
  const database = await createBenchDatabase('sqlite', 'history');
  try {
    const structures = await givenStructures(database.db, 40);
    let last = 0;
    const t0 = performance.now();
    await bulkFill(database, 'sqlite', workerRowChunks(count, 2026, { structures, mediators: 6, ...HISTORY_PERIOD }, 10_000), (n) => {
      if (n - last >= 200_000) {
        last = n;
        log(`${n.toLocaleString('en-US')} records written (${Math.round((performance.now() - t0) / 1000)} s)`);
      }
    });
    await database.close();
    log(`${count.toLocaleString('en-US')} records written in ${Math.round((performance.now() - t0) / 1000)} s; first stats query…`);
    const reopened = openDatabase({ dataDir: database.dataDir });
    const t1 = performance.now();
    await computeStats(reopened.db, {}, { all: true });
    const rollupRebuildMs = Math.round(performance.now() - t1);
    await reopened.close();
    fs.writeFileSync(`${file}.json`, JSON.stringify({ count, fillSeconds: Math.round((t1 - t0) / 1000), rollupRebuildMs, madeAt: new Date().toISOString() }));
    const sqlite = new SQLite(path.join(database.dataDir, 'kariole.sqlite'));
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('journal_mode = DELETE');
    sqlite.close();
    fs.copyFileSync(path.join(database.dataDir, 'kariole.sqlite'), `${file}.part`);
    fs.renameSync(`${file}.part`, file);
    return file;
  } finally {
    await database.destroy();
  }
}

/**
 * Every table holding rows of the history (the records and whatever the statistics code
 * wrote: facts, roll-ups…), read from the file itself so new statistics tables follow.
 * Structures come first (foreign keys); rows the migrations make are already there.
 */
function copiedTables(sqlite: SQLite.Database): TableSpec[] {
  const skip = new Set(['structures', 'stats_lock', 'sqlite_sequence']);
  const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((n) => !skip.has(n) && (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${n}`).get() as { n: number }).n > 0)
    .sort((a, b) => Number(b === 'activities') - Number(a === 'activities'));
  return names.map((name) => {
    const cols = sqlite.prepare(`PRAGMA table_info(${name})`).all() as { name: string; type: string }[];
    return { name, columns: cols.map((c) => c.name), pgTypes: cols.map((c) => (/int/i.test(c.type) ? 'int' : 'text')) };
  });
}

const csvValue = (v: Value) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);

/** Server-side COPY from a CSV file (the server must be local and let us read files); false when it cannot. */
async function copyFromServerFile(client: pg.Client, spec: TableSpec, rows: Iterable<Value[]>, dir: string): Promise<boolean> {
  const file = path.join(dir, `${spec.name}.csv`);
  const fd = fs.openSync(file, 'w', 0o644);
  let buffer: string[] = [];
  for (const row of rows) {
    buffer.push(row.map(csvValue).join(','));
    if (buffer.length >= 20_000) {
      fs.writeSync(fd, buffer.join('\n') + '\n');
      buffer = [];
    }
  }
  if (buffer.length) fs.writeSync(fd, buffer.join('\n') + '\n');
  fs.closeSync(fd);
  try {
    await client.query(`COPY ${spec.name} (${spec.columns.join(', ')}) FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv)`);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function copyWithUnnest(client: pg.Client, spec: TableSpec, rows: Iterable<Value[]>): Promise<string> {
  let chunk: Value[][] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= 10_000) {
      await writePostgres(client, spec, chunk);
      chunk = [];
    }
  }
  if (chunk.length) await writePostgres(client, spec, chunk);
  return 'INSERT … unnest()';
}

/** How the cached history was made (fill time, roll-up rebuild time). */
export async function historyInfo(count: number): Promise<Record<string, unknown>> {
  const file = path.join(CACHE, `history-${count}-${fingerprint(count)}.sqlite.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

/** A fresh database of the dialect holding the history, roll-ups built (as after the first stats query). */
export async function historyDatabase(dialect: Dialect, count: number, log: (m: string) => void): Promise<BenchDatabase> {
  const source = await cachedHistory(count, log);
  const database = await createBenchDatabase(dialect, 'stats');
  if (dialect === 'sqlite') {
    // Replace the fresh file by a copy of the cached one, then reopen.
    await database.close();
    const target = path.join(database.dataDir, 'kariole.sqlite');
    for (const f of fs.readdirSync(database.dataDir)) fs.rmSync(path.join(database.dataDir, f));
    fs.copyFileSync(source, target);
    const reopened = openDatabase({ dataDir: database.dataDir });
    return { ...database, ...reopened, destroy: async () => {
      await reopened.close().catch(() => undefined);
      fs.rmSync(database.dataDir, { recursive: true, force: true });
    } };
  }
  // PostgreSQL: the same rows, read from the cached file. A server on this machine loads them
  // with a server-side COPY (fast); any other server gets them with unnest() in chunks.
  const sqlite = new SQLite(source, { readonly: true });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-bench-copy-'));
  fs.chmodSync(csvDir, 0o755);
  try {
    const structures = sqlite.prepare('SELECT * FROM structures').all() as Record<string, unknown>[];
    await database.db.insertInto('structures').values(structures as never).execute();
    const t0 = performance.now();
    for (const spec of copiedTables(sqlite)) {
      // Rows the migrations made (counters, locks) are already there.
      const present = await client.query(`SELECT 1 FROM ${spec.name} LIMIT 1`);
      if (present.rowCount) continue;
      const rows = () => sqlite.prepare(`SELECT ${spec.columns.join(', ')} FROM ${spec.name}`).raw(true).iterate() as Iterable<Value[]>;
      const how = (await copyFromServerFile(client, spec, rows(), csvDir)) ? 'COPY' : await copyWithUnnest(client, spec, rows());
      log(`postgres: ${spec.name} loaded by ${how} (${Math.round((performance.now() - t0) / 1000)} s)`);
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
    sqlite.close();
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
  return database;
}
