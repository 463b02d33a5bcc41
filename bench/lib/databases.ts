// Fresh hub databases for the bench: a SQLite file in a temporary folder (as in production:
// WAL, on disk) or a PostgreSQL database of its own on 127.0.0.1:5432, migrated, dropped after.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase, type HubDatabase } from '../../src/hub/plugins/db.ts';
import type { Dialect } from '../../src/hub/db/schema.ts';

export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase extends HubDatabase {
  /** DATABASE_URL for postgres; undefined for sqlite */
  url: string | undefined;
  /** the SQLite file's folder (DATA_DIR), for a hub process on the same database */
  dataDir: string;
  destroy(): Promise<void>;
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let counter = 0;

/** A brand-new migrated hub database of the dialect. */
export async function createBenchDatabase(dialect: Dialect, label: string): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kariole-bench-${label}-`));
  let url: string | undefined;
  let name: string | undefined;
  if (dialect === 'postgres') {
    name = `kariole_bench_${process.pid}_${++counter}`;
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const hubDb = openDatabase({ databaseUrl: url, dataDir });
  await migrateToLatest(hubDb.db);
  let destroyed = false;
  return {
    ...hubDb,
    url,
    dataDir,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await hubDb.close().catch(() => undefined);
      if (name) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fails early, in plain words, when PostgreSQL is not there. */
export async function checkPostgres(): Promise<void> {
  try {
    await admin('SELECT 1');
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL} (set BENCH_PG_URL): ${(e as Error).message}`);
  }
}
