// 500 devices syncing at once against a hub running in its own process on 127.0.0.1
// (SQLite, the default deployment), holding a national-size directory (18,000 places) and
// 25 structures. Each device does what the app's sync client does after a day's work: push
// its 20 new records, then pull settings, the portal (with its ETag) and the venues changed
// since its cursor. All 500 start together; every request's latency is kept; an error is any
// answer other than 2xx/304, a network error, or a request unfinished at the deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import { randomToken, sha256 } from '../../src/hub/lib/crypto.ts';
import { createEnrolmentCode, enrolDevice } from '../../src/hub/repositories/devices.ts';
import { importVenues } from '../../src/hub/repositories/venue-import.ts';
import { iterateActivities, twoYearsTo, type GeneratedActivity } from '../generators/activities.ts';
import { writeVenueFiles } from '../generators/venues.ts';
import { createBenchDatabase } from '../lib/databases.ts';
import { ROOT, type BenchContext, type Measurement } from '../lib/context.ts';
import { median, percentile, round } from '../lib/stats.ts';
import { createRng } from '../generators/random.ts';
import { givenStructureVenues, givenStructures } from './fill.ts';

const DEVICES = 500;
const STRUCTURES = 25;
const RECORDS_PER_PUSH = 20;
const DEADLINE_MS = 60_000;
/**
 * "At once": the 500 syncs start within the same 30 seconds (an end-of-day rush; the app's
 * sync loop itself runs every 5 minutes, so steady state is 10× gentler). The literal herd
 * (all at the same instant) is measured too and reported beside it.
 */
const WINDOW_MS = 30_000;

interface Device {
  token: string;
  structureId: string;
  cursor?: string;
  etag?: string;
  settingsEtag?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The hub as deployed: its own Node process (`npm start` without the build step). */
async function startHubProcess(dataDir: string, dist: string, port: number): Promise<ChildProcess> {
  // BENCH_HUB_PROFILE=<dir>: a CPU profile of the hub process, to find where the time goes.
  const profile = process.env.BENCH_HUB_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_HUB_PROFILE)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'src', 'hub', 'cli.ts'), 'start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, KARIOLE_SEED_DEMO: '0', KARIOLE_DIST: dist, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the hub process exited: ${stderr.slice(-500)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the hub process did not answer /api/health within 60 s');
}

async function stopHubProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

interface Sample {
  ms: number;
  ok: boolean;
  what: string;
}

interface Answer {
  status: number;
  etag: string | undefined;
  body: string;
}

/** One HTTP request on a keep-alive connection (each device holds its own, as tablets do). */
function request(agent: http.Agent, url: string, method: string, headers: Record<string, string>, body: string | undefined, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers, agent, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One device's sync: push, then the three pulls (as syncOnce does). */
async function syncDevice(base: string, d: Device, records: unknown[], agent: http.Agent, samples: Sample[], signal: AbortSignal): Promise<void> {
  const auth = { authorization: `Bearer ${d.token}`, accept: 'application/json' };
  const call = async (what: string, url: string, method = 'GET', extra: Record<string, string> = {}, body?: string): Promise<Answer | undefined> => {
    const t0 = performance.now();
    try {
      const res = await request(agent, `${base}${url}`, method, { ...auth, ...extra }, body, signal);
      const ok = (res.status >= 200 && res.status < 300) || res.status === 304;
      samples.push({ ms: performance.now() - t0, ok, what: ok ? what : `${what} ${res.status} ${res.body.slice(0, 120)}` });
      return ok ? res : undefined;
    } catch (e) {
      samples.push({ ms: performance.now() - t0, ok: false, what: `${what} ${(e as Error).name}: ${(e as Error).message}` });
      return undefined;
    }
  };
  if (records.length) {
    const pushed = await call('push', '/api/v1/sync/activities', 'POST', { 'content-type': 'application/json' }, JSON.stringify({ records }));
    if (pushed) {
      const { results } = JSON.parse(pushed.body) as { results: { status: string }[] };
      const bad = results.filter((r) => r.status !== 'created' && r.status !== 'unchanged');
      if (bad.length) samples.push({ ms: 0, ok: false, what: `push result ${JSON.stringify(bad[0])}` });
    }
  }
  // As the client's pulls: the settings and the portal with their ETags, the venues by cursor.
  const settings = await call('settings', '/api/v1/sync/settings', 'GET', { 'x-kariole-pending': '0', ...(d.settingsEtag ? { 'if-none-match': d.settingsEtag } : {}) });
  d.settingsEtag = settings?.etag ?? d.settingsEtag;
  const portal = await call('portal', '/api/v1/sync/portal', 'GET', d.etag ? { 'if-none-match': d.etag } : {});
  d.etag = portal?.etag ?? d.etag;
  const venues = await call('venues', `/api/v1/sync/venues?limit=1000${d.cursor ? `&since=${encodeURIComponent(d.cursor)}` : ''}`);
  if (venues) d.cursor = (JSON.parse(venues.body) as { cursor: string }).cursor;
}

interface BurstResult {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  wallMs: number;
  byKind: Record<string, { p50: number; p99: number }>;
  firstErrors: string[];
}

/** Every device runs one sync, each starting at a (seeded) random moment within the window. */
async function runBurst(base: string, devices: Device[], batches: unknown[][], agent: http.Agent, windowMs: number, seed: number): Promise<BurstResult> {
  const rng = createRng(seed);
  const starts = devices.map(() => rng.next() * windowMs);
  const samples: Sample[] = [];
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const timer = setTimeout(() => controller.abort(), windowMs + DEADLINE_MS);
  const t0 = performance.now();
  await Promise.all(devices.map(async (d, i) => {
    if (starts[i]! > 0) await new Promise((r) => setTimeout(r, starts[i]));
    await syncDevice(base, d, batches[i]!, agent, samples, controller.signal);
  }));
  clearTimeout(timer);
  const wallMs = round(performance.now() - t0);
  const answered = samples.filter((s) => !s.what.startsWith('push result')).length;
  const errors = samples.filter((s) => !s.ok).length + Math.max(0, devices.length * 4 - answered);
  const ms = samples.filter((s) => s.ok).map((s) => s.ms);
  const byKind = Object.fromEntries(['push', 'settings', 'portal', 'venues'].map((k) => {
    const v = samples.filter((x) => x.ok && x.what === k).map((x) => x.ms);
    return [k, { p50: round(percentile(v, 50)), p99: round(percentile(v, 99)) }];
  }));
  return {
    requests: samples.length,
    errors,
    p50: round(percentile(ms, 50)),
    p99: round(percentile(ms, 99)),
    max: round(Math.max(...ms)),
    wallMs,
    byKind,
    firstErrors: samples.filter((s) => !s.ok).slice(0, 3).map((s) => s.what),
  };
}

export const load: Measurement = {
  name: 'load',
  needsNoAppBuild: true,
  keys: ['load500P99Ms', 'load500Errors', 'load500HerdP99Ms', 'load500HerdErrors'],
  heavy: true,
  async run(ctx: BenchContext) {
    const database = await createBenchDatabase('sqlite', 'load');
    let child: ChildProcess | undefined;
    const agent = new http.Agent({ keepAlive: true, maxSockets: DEVICES * 2 });
    try {
      // A hub with 25 structures (each a territory of one or two départements) and the national directory.
      const structures = await givenStructures(database.db, STRUCTURES);
      // The structures' own places of activity, which the generated records name (the hub
      // rejects a record naming a place outside the device's territory).
      await givenStructureVenues(database.db, structures);
      const venues = writeVenueFiles(ctx.quick ? 3000 : 18_000, 1);
      const report = await importVenues(database.db, fs.createReadStream(venues.json), { source: 'bench' });
      ctx.log(`hub holds ${report.imported} places (${report.rejected.length} rejected)`);
      const devices: Device[] = [];
      for (let i = 0; i < DEVICES; i++) {
        const structureId = structures[i % STRUCTURES]!.id;
        const code = await createEnrolmentCode(database.db, { structureId, mediatorLabel: `Médiateur ${i + 1}` });
        const token = randomToken();
        const r = await enrolDevice(database.db, { candidates: [code.code], tokenHash: sha256(token), deviceLabel: `Tablette ${i + 1}`, now: new Date().toISOString() });
        if (!r.ok) throw new Error(`enrolment failed: ${r.reason}`);
        devices.push({ token, structureId });
      }
      await database.close();

      const port = await freePort();
      child = await startHubProcess(database.dataDir, ctx.dist, port);
      const base = `http://127.0.0.1:${port}`;
      // Every device has synced before (its venues cursor and portal ETag are current): a
      // warm-up sync per device, 10 at a time, not timed (pages until the cursor is current).
      const warm: Sample[] = [];
      const never = new AbortController().signal;
      for (let i = 0; i < devices.length; i += 10) {
        await Promise.all(devices.slice(i, i + 10).map(async (d) => {
          for (let page = 0; page < 40; page++) {
            const before = d.cursor;
            await syncDevice(base, d, [], agent, warm, never);
            if (d.cursor === before) break;
          }
        }));
      }
      const warmErrors = warm.filter((s) => !s.ok);
      if (warmErrors.length) throw new Error(`warm-up sync failed: ${warmErrors[0]!.what}`);

      // Each device pushes records of its own structure (its places, its territory).
      const generators = new Map(structures.map((s, i) => [s.id, iterateActivities(Number.MAX_SAFE_INTEGER, 77 + i, { structures: [s], mediators: 1, ...twoYearsTo() })]));
      const nextRecords = (d: Device) => Array.from({ length: RECORDS_PER_PUSH }, () => (generators.get(d.structureId)!.next().value as GeneratedActivity).record);
      let errors = 0;
      const firstErrors: string[] = [];
      const burst = async (label: string, windowMs: number): Promise<BurstResult> => {
        const r = await runBurst(base, devices, devices.map((d) => nextRecords(d)), agent, windowMs, 1000 + errors);
        errors += label === 'figure' ? r.errors : 0;
        firstErrors.push(...r.firstErrors);
        ctx.log(`${label} (${DEVICES} syncs over ${windowMs / 1000} s): ${r.requests} requests, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, ${r.errors} errors; per request ${JSON.stringify(r.byKind)}`);
        return r;
      };
      const runs: BurstResult[] = [];
      for (let run = 0; run < ctx.runs; run++) runs.push(await burst('figure', ctx.quick ? 5_000 : WINDOW_MS));
      // Issue #17: the literal herd, every device starting at the same instant (a training
      // day, a network coming back); pushes arriving together share group-commit transactions.
      const herds: BurstResult[] = [];
      for (let run = 0; run < ctx.runs; run++) herds.push(await burst('herd', 0));
      const herd = herds[0]!;
      return {
        figures: {
          load500P99Ms: round(median(runs.map((r) => r.p99))),
          load500Errors: errors,
          load500HerdP99Ms: round(median(herds.map((r) => r.p99))),
          load500HerdErrors: herds.reduce((n, r) => n + r.errors, 0),
        },
        details: { devices: DEVICES, structures: STRUCTURES, recordsPerPush: RECORDS_PER_PUSH, windowMs: WINDOW_MS, runs, herds, firstErrors: firstErrors.slice(0, 10) },
        notes: [
          `${DEVICES} devices each run one full sync (push ${RECORDS_PER_PUSH} records + 3 pulls), starting within the same ${WINDOW_MS / 1000} s; p99 of all requests, median of the runs; errors summed`,
          `all ${DEVICES} starting at the very same instant (herd): p99 ${herd.p99} ms (push p99 ${herd.byKind.push?.p99} ms), ${herd.errors} errors, median of ${herds.length} — ${DEVICES * RECORDS_PER_PUSH} records at once, pushes coalesced by group commit`,
        ],
      };
    } finally {
      if (child) await stopHubProcess(child);
      agent.destroy();
      await database.destroy();
    }
  },
};
