// Where one page of GET /api/v1/activites (page[size]=500) spends its time: the SQL query, the
// row mapping (record parse, names, toActivite), the response serialisation, and the whole
// request through app.inject. Not a figure of the bench: a tool for working on the route.
//   npx tsx bench/hub/coop-api-profile.ts [sqlite|postgres] [count=20000]
// Measured 2026-11-29 (200,000 records, best of 30 on a shared 2-core machine), CPU per page of
// 500: query 1.5–2 ms, JSON.parse of the stored records 1.5–2 ms, toActivite + JSON.stringify
// 2.4 ms (a hand-written JSON writer was no faster), response to bytes ~2.5 ms, consumer's
// JSON.parse 2 ms; whole request 10–14 ms. Responses are not checked by zod outside the tests
// (useZod without validateResponses). COUNT(*) (kept 10 s by the route) is ~100 ms on PostgreSQL.
import { sql } from 'kysely';
import type { Dialect } from '../../src/hub/db/schema.ts';
import { buildApp } from '../../src/hub/app.ts';
import { readConfig } from '../../src/hub/config.ts';
import { createApiClient } from '../../src/hub/repositories/api-clients.ts';
import { activityPage, countActivities } from '../../src/hub/repositories/coop-activities.ts';
import { authenticateApiClient } from '../../src/hub/repositories/api-clients.ts';
import { namesFor } from '../../src/hub/routes/coop/names.ts';
import { ActiviteListSchema } from '../../src/shared/coop-api/resources.ts';
import { median, round } from '../lib/stats.ts';
import { historyDatabase } from './history.ts';

const dialect = (process.argv[2] ?? 'sqlite') as Dialect;
const count = Number(process.argv[3] ?? 20_000);
const REPEATS = 30;

async function time<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  const times: number[] = [];
  let out!: T;
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    out = await f();
    times.push(performance.now() - t);
  }
  console.log(`${label.padEnd(44)} median ${round(median(times), 2)} ms, min ${round(Math.min(...times), 2)} ms`);
  return out;
}

const database = await historyDatabase(dialect, count, console.log);
const app = await buildApp({ config: { ...readConfig({}), seedDemo: false, distDir: '/nonexistent' }, db: database.db, dialect, logger: false });
try {
  await app.ready();
  const { client, secret } = await createApiClient(database.db, { name: 'profile', scopes: ['activites'], createdBy: null });
  const headers = { authorization: `Bearer ${client.id}:${secret}` };
  const url = '/api/v1/activites?page[size]=500';
  await app.inject({ method: 'GET', url, headers });
  const { rows: midRows } = await sql<{ updated_at: string; public_id: string }>`SELECT updated_at, public_id FROM activities
      ORDER BY updated_at DESC, public_id DESC LIMIT 1 OFFSET ${Math.floor(count / 2)}`.execute(database.db);
  const cursor = { at: midRows[0]!.updated_at, id: midRows[0]!.public_id, direction: 'after' as const };
  await time('SQL only (raw rows, no parse)', () =>
    sql`SELECT public_id, structure_id, mediator_id, deleted, record, received_at, updated_at FROM activities
        WHERE (updated_at, public_id) < (${cursor.at}, ${cursor.id}) ORDER BY updated_at DESC, public_id DESC LIMIT 501`.execute(database.db));
  const raw = await sql<{ record: string | null }>`SELECT record FROM activities
      WHERE (updated_at, public_id) < (${cursor.at}, ${cursor.id}) ORDER BY updated_at DESC, public_id DESC LIMIT 501`.execute(database.db);
  await time('JSON.parse of the 501 stored records', () => raw.rows.map((r) => (r.record ? (JSON.parse(r.record) as unknown) : null)));
  await time('activityPage (SQL + JSON.parse records)', () => activityPage(database.db, { size: 500, cursor }));
  await time('authenticateApiClient', () => authenticateApiClient(database.db, client.id, secret));
  await time('countActivities (cached 10 s by the route)', () => countActivities(database.db, {}));
  const page = await activityPage(database.db, { size: 500, cursor });
  const structures = [...new Set(page.rows.map((r) => r.structureId))];
  console.log(`${structures.length} structures on the page`);
  await time('namesFor each structure of the page', async () => { for (const id of structures) await namesFor(database.db, id); });
  const res = await app.inject({ method: 'GET', url, headers });
  const body = JSON.parse(res.body) as unknown;
  console.log(`response ${round(res.body.length / 1024, 1)} kB`);
  await time('zod parse of the response (serializer)', () => ActiviteListSchema.parse(body));
  await time('JSON.stringify of the response', () => JSON.stringify(body));
  await time('JSON.parse of the response (client)', () => JSON.parse(res.body));
  const next = (JSON.parse(res.body) as { links: { next: { href: string } } }).links.next.href;
  const nextUrl = new URL(next).pathname + new URL(next).search;
  await time('whole request, first page (inject)', () => app.inject({ method: 'GET', url, headers }));
  await time('whole request, second page (inject)', () => app.inject({ method: 'GET', url: nextUrl, headers }));
  // The whole crawl, as the bench makes it (under --cpu-prof, the profile of the route).
  let next2: string | undefined = url;
  let served = 0;
  const t0 = performance.now();
  while (next2) {
    const r = await app.inject({ method: 'GET', url: next2, headers });
    const b = JSON.parse(r.body) as { data: unknown[]; links: { next?: { href: string } } };
    served += b.data.length;
    next2 = b.links.next ? new URL(b.links.next.href).pathname + new URL(b.links.next.href).search : undefined;
  }
  console.log(`crawl: ${served} activities, ${round(served / ((performance.now() - t0) / 1000))}/s`);
} finally {
  await app.close();
  await database.destroy();
}
