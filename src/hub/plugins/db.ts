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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

type SqliteDatabase = ConstructorParameters<typeof SqliteDialect>[0]['database'];
type SqliteStatement = ReturnType<Exclude<SqliteDatabase, () => unknown>['prepare']>;

const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query anew; preparing costs as much as running for the wide inserts of
 * the ingest (a push's profile: bench/README.md). The statements are kept by their SQL text
 * (least recently used dropped beyond 500). A cached statement is only run with all()/run(),
 * which finish before returning; a streamed query gets a statement of its own (a statement
 * that is iterating cannot run anything else).
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SqliteStatement {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, stmt);
      const cached = stmt;
      return {
        reader: cached.reader,
        all: (params) => cached.all(params),
        run: (params) => cached.run(params),
        iterate: (params) => sqlite.prepare(text).iterate(params),
      };
    },
  };
}

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

// Source (.ts, run through tsx) or compiled (.js, .mjs, .cjs): a built hub finds its migrations too.
const MIGRATION_FILE = /^(\d{3}_[\w-]+)\.(js|mjs|cjs|ts|mts)$/;
const EXTENSION_RANK = ['js', 'mjs', 'cjs', 'ts', 'mts'];

/** The migrations of a folder (NNN_name.ext, one per name, compiled JavaScript first), in name order. */
export function migrationFiles(dir: string): { name: string; file: string }[] {
  const byName = new Map<string, { file: string; rank: number }>();
  for (const f of fs.readdirSync(dir)) {
    const m = MIGRATION_FILE.exec(f);
    if (!m) continue;
    const rank = EXTENSION_RANK.indexOf(m[2]!);
    const seen = byName.get(m[1]!);
    if (!seen || rank < seen.rank) byName.set(m[1]!, { file: path.join(dir, f), rank });
  }
  return [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, { file }]) => ({ name, file }));
}

/** Migrations are the numbered files of src/hub/migrations, applied in name order. */
export class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly dir = migrationsDir) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const { name, file } of migrationFiles(this.dir)) out[name] = (await import(pathToFileURL(file).href)) as Migration;
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
