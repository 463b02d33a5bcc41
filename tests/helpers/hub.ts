import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/hub/app.ts';
import { readConfig } from '../../src/hub/config.ts';
import type { Dialect } from '../../src/hub/db/schema.ts';
import { createStructure, type Structure } from '../../src/hub/repositories/structures.ts';
import { createUser, type Role } from '../../src/hub/repositories/users.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestHub {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** An in-process hub on a fresh database of the given dialect; requests go through app.inject(). */
export async function givenHub(dialect: Dialect, opts: { distDir?: string; env?: Record<string, string> } = {}): Promise<TestHub> {
  const database = await createTestDatabase(dialect);
  const config = { ...readConfig(opts.env ?? {}), distDir: opts.distDir ?? '/nonexistent-dist', seedDemo: false };
  const app = await buildApp({ config, db: database.db, dialect: database.dialect, logger: false });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}

export async function givenStructure(hub: TestHub, name = 'Centre social test', departements = ['13']): Promise<Structure> {
  return createStructure(hub.database.db, { name, departements });
}

export interface StaffSession {
  cookie: string;
  csrf: string;
  /** headers for a cookie-authenticated change */
  headers: Record<string, string>;
}

/** Creates a staff account and logs it in through the API. */
export async function givenStaff(hub: TestHub, role: Role, structureIds: string[] = []): Promise<StaffSession> {
  const email = `${role}-${Math.random().toString(36).slice(2)}@test.fr`;
  const password = 'correct horse battery';
  await createUser(hub.database.db, { email, password, role, structureIds });
  const login = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (login.statusCode !== 204) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const setCookie = login.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
  const cookie = raw.split(';')[0]!;
  const me = await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  const csrf = (me.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** Asserts-friendly view of a problem+json answer. */
export function problemOf(res: LightMyRequestResponse): { status: number; title: string; detail: string; errors?: { path: string; message: string }[] } {
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.headers['content-type']}: ${res.body.slice(0, 200)}`);
  }
  return res.json();
}
