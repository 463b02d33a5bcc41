// The Coop-compatible read API (docs/coop-api.md) paging through 1,000,000 activities with
// page[size]=500, as a national consumer would: GET /api/v1/activites then links.next until
// the end, in process (app.inject: the hub's routing, auth, query, mapping and serialisation,
// no network). The history is the statistics bench's (bench/hub/history.ts, filled by
// bulk-fill.ts). Figures: activities served per second over the whole crawl, and the time of
// the first and of the last page (median of repeats), which keyset paging keeps equal.
// COOP_API_BENCH_DIALECTS=sqlite limits the run to SQLite.
import type { Dialect } from '../../src/hub/db/schema.ts';
import { buildApp } from '../../src/hub/app.ts';
import { readConfig } from '../../src/hub/config.ts';
import { createApiClient } from '../../src/hub/repositories/api-clients.ts';
import { checkPostgres } from '../lib/databases.ts';
import { scaled, type BenchContext, type Measurement } from '../lib/context.ts';
import type { Figures } from '../lib/figures.ts';
import { median, round } from '../lib/stats.ts';
import { historyDatabase } from './history.ts';

const PAGE = 500;

async function measureDialect(ctx: BenchContext, dialect: Dialect, count: number) {
  const database = await historyDatabase(dialect, count, ctx.log);
  const app = await buildApp({ config: { ...readConfig({}), seedDemo: false, distDir: '/nonexistent' }, db: database.db, dialect, logger: false });
  try {
    await app.ready();
    const { client, secret } = await createApiClient(database.db, { name: 'bench', scopes: ['activites'], createdBy: null });
    const headers = { authorization: `Bearer ${client.id}:${secret}` };
    const get = async (url: string) => {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const body = JSON.parse(res.body) as { data: { id: string }[]; links: { next?: { href: string } } };
      return { ms, body };
    };
    const first = `/api/v1/activites?page[size]=${PAGE}`;
    await get(first); // warm-up (count, caches)
    let url: string | undefined = first;
    let served = 0;
    let pages = 0;
    let lastUrl = first;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    while (url) {
      const { body } = await get(url);
      served += body.data.length;
      pages++;
      lastUrl = url;
      url = body.links.next ? new URL(body.links.next.href).pathname + new URL(body.links.next.href).search : undefined;
      if (pages % 400 === 0) ctx.log(`${dialect}: ${served.toLocaleString('en-US')} activities served (${Math.round((performance.now() - t0) / 1000)} s)`);
    }
    const seconds = (performance.now() - t0) / 1000;
    // CPU time of this process over the crawl (hub and consumer; PostgreSQL's own work is not in
    // it): on a machine shared with other work, activities per CPU second vary less than per second.
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (served !== count) throw new Error(`paged through ${served} activities, expected ${count}`);
    // First and last page in turn (a noisy machine then weighs on both alike), median of each.
    const firstTimes: number[] = [];
    const lastTimes: number[] = [];
    for (let i = 0; i < Math.max(15, ctx.runs); i++) {
      firstTimes.push((await get(first)).ms);
      lastTimes.push((await get(lastUrl)).ms);
    }
    const firstPageMs = median(firstTimes);
    const lastPageMs = median(lastTimes);
    const perSec = round(served / seconds);
    ctx.log(`${dialect}: ${served} activities in ${pages} pages, ${round(seconds, 1)} s (${round(cpuSeconds, 1)} s of CPU here: ${round(served / cpuSeconds)}/CPU s) → ${perSec}/s; first page ${round(firstPageMs, 1)} ms, last page ${round(lastPageMs, 1)} ms`);
    return { perSec, details: { activities: served, pages, seconds: round(seconds, 1), processCpuSeconds: round(cpuSeconds, 1), perProcessCpuSecond: round(served / cpuSeconds), firstPageMs: round(firstPageMs, 1), lastPageMs: round(lastPageMs, 1), lastOverFirst: round(lastPageMs / firstPageMs, 2) } };
  } finally {
    await app.close();
    await database.destroy();
  }
}

export const coopApi: Measurement = {
  name: 'coop-api',
  needsNoAppBuild: true,
  keys: ['coopApiActivitesPerSec', 'coopApiLastFirstPageRatio', 'coopApiActivitesPerSecPostgres', 'coopApiLastFirstPageRatioPostgres'],
  heavy: true,
  async run(ctx: BenchContext) {
    const dialects = (process.env.COOP_API_BENCH_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as Dialect[];
    if (dialects.includes('postgres')) await checkPostgres();
    const count = ctx.quick ? 50_000 : scaled(1_000_000, 10_000);
    const figures: Figures = {};
    const details: Record<string, unknown> = {};
    for (const dialect of dialects) {
      const r = await measureDialect(ctx, dialect, count);
      figures[dialect === 'sqlite' ? 'coopApiActivitesPerSec' : 'coopApiActivitesPerSecPostgres'] = r.perSec;
      figures[dialect === 'sqlite' ? 'coopApiLastFirstPageRatio' : 'coopApiLastFirstPageRatioPostgres'] = r.details.lastOverFirst;
      details[dialect] = r.details;
    }
    const notes = ['page[size]=500, in process (app.inject); first / last page: median of repeated requests (details)'];
    if (count !== 1_000_000) notes.push(`${count.toLocaleString('en-US')} activities, not 1,000,000 (--quick or BENCH_SCALE)`);
    return { figures, details, notes };
  },
};
