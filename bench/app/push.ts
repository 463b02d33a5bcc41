// Device push of 10,000 queued records to the hub on loopback, through the app's own sync
// client in Chromium (enrolment, outbox, batches of 500, results applied to IndexedDB).
// Each run: a fresh hub (SQLite, as deployed by default) and a fresh browser profile.
import { createEnrolmentCode } from '../../src/hub/repositories/devices.ts';
import { countStoredActivities } from '../../src/hub/repositories/activities.ts';
import { createStructure } from '../../src/hub/repositories/structures.ts';
import { generateActivities, twoYearsTo } from '../generators/activities.ts';
import { launchDevice, serveHub } from '../lib/browser.ts';
import { scaled, type BenchContext, type Measurement } from '../lib/context.ts';
import { buildBenchPages } from '../lib/pages.ts';
import { givenStructureVenues } from '../hub/fill.ts';
import { median, round } from '../lib/stats.ts';

async function oneRun(ctx: BenchContext, count: number, seed: number, profile: boolean): Promise<{ ms: number; phases?: Record<string, number>; split?: Record<string, number> }> {
  const pages = await buildBenchPages();
  const hub = await serveHub({ dist: pages, seed: true });
  const device = await launchDevice();
  try {
    const db = hub.hub.database.db;
    const structure = await createStructure(db, { name: 'Centre social bench', departements: ['13'] });
    // Its places of activity in the directory (the hub rejects records naming places outside the territory).
    await givenStructureVenues(db, [{ id: structure.id, venueIds: [1, 2, 3].map((k) => `${structure.id}-lieu-${k}`) }]);
    const code = await createEnrolmentCode(db, { structureId: structure.id, mediatorLabel: 'Médiatrice bench' });
    // Records name places of the structure's own territory (the hub refuses any other place):
    // three places of the Bouches-du-Rhône from the demo directory the hub was seeded with.
    const venueIds = (await db.selectFrom('venues').select('id').where('departement', '=', '13').orderBy('id').limit(3).execute()).map((v) => v.id);
    if (venueIds.length === 0) throw new Error('no place of the Bouches-du-Rhône in the seeded directory');
    const records = generateActivities(count, seed, { structures: [{ id: structure.id, venueIds }], mediators: 1, ...twoYearsTo() }).map((a) => a.record);
    const page = await device.context.newPage();
    await page.goto(`${hub.url}/push.html`);
    await page.waitForFunction(() => 'benchPush' in window);
    await page.evaluate((c) => window.benchPush.enrol(c), code.code);
    const t0 = Date.now();
    let pending = 0;
    for (let i = 0; i < records.length; i += 1000) pending = await page.evaluate((rs) => window.benchPush.queue(rs), records.slice(i, i + 1000));
    ctx.log(`queued ${pending} records in ${round((Date.now() - t0) / 1000, 1)} s`);
    if (pending !== count) throw new Error(`${pending} records queued instead of ${count}`);
    const r = await page.evaluate(() => window.benchPush.sync());
    const onHub = await countStoredActivities(db, structure.id);
    if (r.pending !== 0 || onHub !== count || r.states.synced !== count) {
      throw new Error(`push incomplete: ${r.pending} still pending, ${onHub} on the hub, states ${JSON.stringify(r.states)}, outcome ${r.outcome}`);
    }
    ctx.log(`wall ${Math.round(r.ms)} ms: ${JSON.stringify(r.split)}`);
    if (!profile) return { ms: r.ms, split: r.split };
    // Where one batch's time goes (not part of the figure): the client's steps, timed apart.
    const more = generateActivities(1500, seed + 1000, { structures: [{ id: structure.id }], mediators: 1, ...twoYearsTo() }).map((a) => a.record);
    await page.evaluate((rs) => window.benchPush.queue(rs), more);
    const phases = await page.evaluate(() => window.benchPush.profileBatch(500));
    Object.assign(phases, await page.evaluate(() => window.benchPush.profileBulkVariant(500)));
    ctx.log(`one batch of 500, step by step (ms): ${JSON.stringify(phases)}`);
    return { ms: r.ms, phases, split: r.split };
  } finally {
    await device.close();
    await hub.destroy();
  }
}

export const push: Measurement = {
  name: 'push',
  needsNoAppBuild: true,
  keys: ['push10kMs'],
  async run(ctx: BenchContext) {
    const count = ctx.quick ? 1_000 : scaled(10_000);
    const runs: number[] = [];
    const splits: Record<string, number>[] = [];
    let phases: Record<string, number> | undefined;
    for (let i = 0; i < ctx.runs; i++) {
      const r = await oneRun(ctx, count, 300 + i, i === 0);
      ctx.log(`run ${i + 1}: ${Math.round(r.ms)} ms for ${count} records`);
      runs.push(r.ms);
      if (r.split) splits.push(r.split);
      phases ??= r.phases;
    }
    const notes = ['timed: one run of the sync client (syncOnce: push in batches of 500 + the pulls of settings, portal, venues) until every record is marked synced'];
    if (count !== 10_000) notes.push(`${count} records, not 10,000 (--quick or BENCH_SCALE)`);
    return { figures: { push10kMs: round(median(runs)) }, details: { records: count, runsMs: runs.map((v) => round(v)), wallSplit: splits, oneBatchOf500Ms: phases }, notes };
  },
};
