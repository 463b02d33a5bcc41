import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import type { Database, DB, Dialect } from '../db/schema.ts';

export interface HubDatabase {
  db: DB;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT (COUNT, SUM) as strings by default; the figures are far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Opens the embedded SQLite file (default) or PostgreSQL when a URL is given. */
export function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string; sqliteFile?: string }): HubDatabase {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server closes (restart, failover, admin command) must not crash the
    // hub: the pool drops it and opens a new one on the next query.
    pool.on('error', (err) => {
      if (!closing) process.emitWarning(`PostgreSQL connection lost: ${err.message}`);
    });
    let closing = false;
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      close: () => {
        closing = true;
        return db.destroy();
      },
    };
  }
  const file = opts.sqliteFile ?? path.join(opts.dataDir, 'kariole.sqlite');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets the CLI write while the server runs; busy_timeout waits instead of failing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/** Migrations are the numbered files of src/hub/migrations (NNN_name.ts), applied in name order. */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = fs.readdirSync(migrationsDir).filter((f) => /^\d{3}_[\w-]+\.ts$/.test(f)).sort();
    const out: Record<string, Migration> = {};
    for (const f of files) {
      out[f.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(migrationsDir, f)).href)) as Migration;
    }
    return out;
  }
}

/** Brings the database to the current schema; returns the name of the last applied migration. */
export async function migrateToLatest(db: DB): Promise<string> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  const all = await migrator.getMigrations();
  const applied = all.filter((m) => m.executedAt);
  return applied.at(-1)?.name ?? 'none';
}
