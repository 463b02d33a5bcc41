import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { givenHub, givenStructure, type TestHub } from '../../helpers/hub.ts';
import { createEnrolmentCode } from '../../../src/hub/repositories/devices.ts';
import { getStoredActivity } from '../../../src/hub/repositories/activities.ts';
import type { Structure } from '../../../src/hub/repositories/structures.ts';
import { db } from '../../../src/app/db/index.ts';
import { getActivity, saveActivity } from '../../../src/app/db/activities.ts';
import { countPending, enqueueOrphanActivities } from '../../../src/app/db/outbox.ts';
import { loadDeviceSettings } from '../../../src/app/db/settings.ts';
import { enrolDevice } from '../../../src/app/features/sync/lib/enrol.ts';
import { pushActivities, TOO_LARGE, wireBytes } from '../../../src/app/features/sync/lib/push.ts';
import { getDeviceIdentity } from '../../../src/app/db/settings.ts';
import { syncOnce } from '../../../src/app/features/sync/lib/run.ts';
import { routeFetchToHub, type FakeNetwork } from './fake-network.ts';
import { aLocalActivity } from './local-activity.ts';

// Issue #14, item 2: one bad record never blocks a tablet. A body over the hub's limit (413)
// halves the batch down to one record; a record refused alone is shown rejected with its
// reason and leaves the queue, the others are all stored, and the pulls still run. Edited,
// it is sent again. A push failing for another reason than the network still lets the pulls run.

const ORIGIN = 'http://hub.test';
(globalThis as { location?: unknown }).location = { origin: ORIGIN };


const pushBodies = (net: FakeNetwork) => net.sent.filter((s) => s.url === '/api/v1/sync/activities').map((s) => (s.body as { records: { id: string }[] }).records);

describe('one bad record on a tablet', { timeout: 120_000 }, () => {
  let hub: TestHub;
  let structure: Structure;
  let net: FakeNetwork;

  beforeAll(async () => {
    hub = await givenHub('sqlite');
    structure = await givenStructure(hub, 'Centre social des Tilleuls', ['13']);
  });
  afterAll(async () => hub?.close());
  beforeEach(async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    net = routeFetchToHub(hub.app, ORIGIN);
    const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id });
    expect((await enrolDevice(code)).ok).toBe(true);
    net.sent.length = 0;
  });
  afterEach(() => net.restore());

  it('413: halves down to the record, marks it rejected with its reason, sends all the others and still pulls', async () => {
    const records = Array.from({ length: 40 }, () => aLocalActivity());
    for (const r of records) await saveActivity(r);
    const big = records[17]!;
    // The reverse proxy refuses a body over ~6 records, and any body holding the oversize one.
    const oneRecord = JSON.stringify({ records: [big] }).length;
    net.tooLarge = (body) => body.length > oneRecord * 6 || body.includes(big.id);

    expect(await syncOnce()).toEqual({ ok: true });
    const sizes = pushBodies(net).map((b) => b.length);
    expect(sizes[0]).toBe(40);
    expect(Math.min(...sizes)).toBe(1);
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThanOrEqual(1);
    const rejected = (await getActivity(big.id))!;
    expect(rejected).toMatchObject({ syncState: 'rejected', syncErrors: [TOO_LARGE] });
    for (const r of records) if (r !== big) expect(await getStoredActivity(hub.database.db, r.id), r.id).toMatchObject({ revision: 1 });
    expect(await getStoredActivity(hub.database.db, big.id)).toBeUndefined();
    expect(await countPending()).toBe(0);
    // The pulls ran: settings stored, places asked for.
    expect(await loadDeviceSettings()).toMatchObject({ structure: { id: structure.id } });
    expect(net.sent.some((s) => s.url.startsWith('/api/v1/sync/venues'))).toBe(true);

    // Out of the queue until edited: the next sync sends nothing; once edited (and now small enough), it goes.
    net.sent.length = 0;
    expect(await syncOnce()).toEqual({ ok: true });
    expect(pushBodies(net)).toEqual([]);
    net.tooLarge = undefined;
    await saveActivity({ ...rejected, durationMin: 45 });
    expect(await getActivity(big.id)).toMatchObject({ syncState: 'pending' });
    expect(await syncOnce()).toEqual({ ok: true });
    expect(await getActivity(big.id)).toMatchObject({ syncState: 'synced' });
    expect(await getStoredActivity(hub.database.db, big.id)).toMatchObject({ record: expect.objectContaining({ durationMin: 45 }) });
  });

  it('caps each batch by bytes as well as by count', async () => {
    for (let i = 0; i < 10; i++) await saveActivity(aLocalActivity());
    const size = wireBytes((await db.activities.toCollection().first())!);
    await pushActivities((await getDeviceIdentity())!, { maxBytes: size * 3 + 2 });
    expect(pushBodies(net).map((b) => b.length)).toEqual([3, 3, 3, 1]);
    for (const body of net.sent.filter((s) => s.url === '/api/v1/sync/activities')) expect(JSON.stringify(body.body).length).toBeLessThanOrEqual(size * 3 + 64);
    expect(await countPending()).toBe(0);
  });

  it('a record the hub refuses (kept from an older version of the app) is rejected with the hub’s reason; the others are stored', async () => {
    const good = Array.from({ length: 5 }, () => aLocalActivity());
    for (const r of good) await saveActivity(r);
    const old = aLocalActivity({ themes: ['theme_retire'] as never });
    await db.activities.put({ ...old, syncState: 'pending' });
    expect(await enqueueOrphanActivities()).toBe(1);
    expect(await syncOnce()).toEqual({ ok: true });
    const row = (await getActivity(old.id))!;
    expect(row.syncState).toBe('rejected');
    expect(row.syncErrors?.[0]?.path).toContain('themes');
    for (const r of good) expect((await getActivity(r.id))?.syncState).toBe('synced');
    expect(await countPending()).toBe(0);
  });

  it('a push answered 500 or a captive portal page still lets the pulls run; a network failure stops them', async () => {
    await saveActivity(aLocalActivity());
    net.faults = ['500'];
    expect(await syncOnce()).toMatchObject({ ok: false, failure: { kind: 'server' } });
    expect(net.sent.map((s) => s.url.split('?')[0])).toEqual(['/api/v1/sync/activities', '/api/v1/sync/settings', '/api/v1/sync/portal', '/api/v1/sync/venues']);
    expect(await loadDeviceSettings()).toMatchObject({ structure: { id: structure.id } });
    expect(await countPending('activity')).toBe(1);

    net.sent.length = 0;
    net.faults = ['captive-portal'];
    expect(await syncOnce()).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
    expect(net.sent.map((s) => s.url.split('?')[0])).toContain('/api/v1/sync/venues');

    net.sent.length = 0;
    net.faults = ['network'];
    expect(await syncOnce()).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(net.sent.map((s) => s.url)).toEqual(['/api/v1/sync/activities']);

    expect(await syncOnce()).toEqual({ ok: true });
    expect(await countPending()).toBe(0);
  });
});
