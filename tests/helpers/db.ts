import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type HubDatabase } from '../../src/hub/plugins/db.ts';
import type { Dialect } from '../../src/hub/db/schema.ts';

/** The PostgreSQL server the hub tests use (protocol: DATABASE_URL); database names are created per test. */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Both dialects: every repository and route test runs on each. */
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase extends HubDatabase {
  /** the DATABASE_URL for postgres, undefined for sqlite */
  url: string | undefined;
  /** closes and drops the database */
  destroy(): Promise<void>;
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A brand-new migrated database: in-memory SQLite, or a fresh PostgreSQL database of its own. */
export async function createTestDatabase(dialect: Dialect, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let url: string | undefined;
  let name: string | undefined;
  if (dialect === 'postgres') {
    name = `kariole_t_${process.pid}_${randomBytes(5).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const hubDb = openDatabase({ databaseUrl: url, dataDir: '/tmp', sqliteFile: ':memory:' });
  if (opts.migrate !== false) await migrateToLatest(hubDb.db);
  return {
    ...hubDb,
    url,
    async destroy() {
      await hubDb.close();
      if (name) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
