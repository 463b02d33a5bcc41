// Where the time of a 20-record push goes: an in-process hub on a fresh SQLite (or
// PostgreSQL, PROFILE_DIALECT=postgres) database, PROFILE_PUSHES pushes of 20 records through
// the real route (app.inject), timed; run under `node --cpu-prof` to see the split:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/hub/push-profile.ts
import { buildApp } from '../../src/hub/app.ts';
import { readConfig } from '../../src/hub/config.ts';
import type { Dialect } from '../../src/hub/db/schema.ts';
import { createEnrolmentCode } from '../../src/hub/repositories/devices.ts';
import { iterateActivities, twoYearsTo, type GeneratedActivity } from '../generators/activities.ts';
import { createBenchDatabase } from '../lib/databases.ts';
import { givenStructureVenues, givenStructures } from './fill.ts';

// PROFILE_SQL=1: time every SQLite statement (prepare + run), summed by the statement's first words.
const sqlTimes = new Map<string, { n: number; ms: number }>();
if (process.env.PROFILE_SQL) {
  const SQLite = (await import('better-sqlite3')).default;
  const proto = SQLite.prototype as unknown as { prepare(sql: string): Record<string, (...a: unknown[]) => unknown> };
  const prepare = proto.prepare;
  const add = (k: string, ms: number) => {
    const e = sqlTimes.get(k) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += ms;
    sqlTimes.set(k, e);
  };
  proto.prepare = function (this: unknown, text: string) {
    const key = text.replace(/\s+/g, ' ').slice(0, 60);
    const t = performance.now();
    const stmt = prepare.call(this, text);
    add(`prepare ${key}`, performance.now() - t);
    for (const m of ['all', 'run', 'get', 'iterate'] as const) {
      const f = stmt[m]!.bind(stmt);
      stmt[m] = (...a: unknown[]) => {
        const t1 = performance.now();
        try {
          return f(...a);
        } finally {
          add(`${m} ${key}`, performance.now() - t1);
        }
      };
    }
    return stmt;
  };
}

const dialect = (process.env.PROFILE_DIALECT ?? 'sqlite') as Dialect;
const PUSHES = Number(process.env.PROFILE_PUSHES ?? 300);
const PER_PUSH = Number(process.env.PROFILE_RECORDS ?? 20);
const CONCURRENT = Number(process.env.PROFILE_CONCURRENT ?? 1);

const database = await createBenchDatabase(dialect, 'profile');
const app = await buildApp({ config: { ...readConfig({}), seedDemo: false, distDir: '/nonexistent' }, db: database.db, dialect, logger: false });
try {
  await app.ready();
  const structures = await givenStructures(database.db, 4);
  await givenStructureVenues(database.db, structures);
  const tokens: string[] = [];
  for (let i = 0; i < Math.max(CONCURRENT, Math.ceil((PUSHES + 20) / 100) + 4); i++) {
    const { code } = await createEnrolmentCode(database.db, { structureId: structures[i % 4]!.id, mediatorLabel: `M${i}` });
    const res = await app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: { code, deviceLabel: `T${i}` }, remoteAddress: `10.0.${i >> 8}.${i & 255}` });
    tokens.push((res.json() as { token: string }).token);
  }
  const gens = structures.map((s, i) => iterateActivities(Number.MAX_SAFE_INTEGER, 7 + i, { structures: [s], mediators: 1, ...twoYearsTo() }));
  const next = (k: number) => Array.from({ length: PER_PUSH }, () => (gens[k % 4]!.next().value as GeneratedActivity).record);
  const pushOnce = async (token: string) => {
    const k = tokens.indexOf(token);
    const res = await app.inject({ method: 'POST', url: '/api/v1/sync/activities', headers: { authorization: `Bearer ${token}` }, payload: { records: next(k) } });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
    const bad = (res.json() as { results: { status: string }[] }).results.filter((r) => r.status !== 'created');
    if (bad.length) throw new Error(JSON.stringify(bad[0]));
  };
  // Devices in turn (the hub limits each device to 120 pushes a minute).
  let turn = 0;
  const nextToken = () => tokens[turn++ % tokens.length]!;
  for (let i = 0; i < 20; i++) await pushOnce(nextToken()); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < PUSHES; i += CONCURRENT) await Promise.all(Array.from({ length: CONCURRENT }, () => pushOnce(nextToken())));
  const ms = performance.now() - t0;
  console.log(`${dialect}: ${PUSHES} pushes of ${PER_PUSH} records (${CONCURRENT} at a time) in ${Math.round(ms)} ms → ${(ms / PUSHES).toFixed(2)} ms per push, ${Math.round((PUSHES * PER_PUSH * 1000) / ms)} records/s`);
  if (sqlTimes.size) {
    const list = [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
    for (const [k, v] of list) console.log(`${v.ms.toFixed(0).padStart(6)} ms ${String(v.n).padStart(6)}×  ${k}`);
  }
} finally {
  await app.close();
  await database.destroy();
}
