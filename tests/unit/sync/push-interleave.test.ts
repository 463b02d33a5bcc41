import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { givenHub, givenStructure, type TestHub } from '../../helpers/hub.ts';
import { createEnrolmentCode, enrolDevice as enrolAtHub } from '../../../src/hub/repositories/devices.ts';
import { sha256 } from '../../../src/hub/lib/crypto.ts';
import { getStoredActivity } from '../../../src/hub/repositories/activities.ts';
import { db } from '../../../src/app/db/index.ts';
import { deleteActivity, getActivity, saveActivity } from '../../../src/app/db/activities.ts';
import { countPending } from '../../../src/app/db/outbox.ts';
import { getDeviceIdentity, type DeviceIdentity } from '../../../src/app/db/settings.ts';
import type { LocalActivity } from '../../../src/shared/activity/anonymise.ts';
import { enrolDevice } from '../../../src/app/features/sync/lib/enrol.ts';
import { defaultPushDeps, pushActivities, type PushDeps } from '../../../src/app/features/sync/lib/push.ts';
import { routeFetchToHub, type FakeNetwork } from './fake-network.ts';
import { aLocalActivity } from './local-activity.ts';

// Issue #14, item 1: an edit or a deletion made while a push is under way must never be lost.
// The push runs against the real in-process hub, through the app's own db functions; it is
// driven step by step: at every await point of the push (before and after each call it makes
// to the outbox or the hub), the mediator edits or deletes a record that is in the batch —
// either waiting for the change to finish ('between') or letting it race the rest of the push
// ('racing'). Afterwards the queue drains; the hub must hold the last content, and the device
// show it synced with nothing queued.

const ORIGIN = 'http://hub.test';
(globalThis as { location?: unknown }).location = { origin: ORIGIN };


/** The push's dependencies with a stop before and after each call; `change` runs at stop number `at`. */
function stepped(at: number, change: () => Promise<void>, mode: 'between' | 'racing') {
  let step = 0;
  let started: Promise<void> | undefined;
  const point = async () => {
    if (step++ !== at) return;
    started = change();
    if (mode === 'between') await started;
  };
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      await point();
      const r = await f(...a);
      await point();
      return r;
    };
  const d = defaultPushDeps;
  const deps: PushDeps = { pending: wrap(d.pending), take: wrap(d.take), apply: wrap(d.apply), post: wrap(d.post) };
  return { deps, steps: () => step, done: () => started };
}

type Change = 'edit' | 'delete';

describe('a change made during a push, at every await point of the push', { timeout: 300_000 }, () => {
  let hub: TestHub;
  let net: FakeNetwork;
  let identity: DeviceIdentity;
  let structureId: string;

  /** A device token of its own for each scenario (the hub allows 120 pushes a minute per device). */
  async function freshToken(): Promise<DeviceIdentity> {
    const { code } = await createEnrolmentCode(hub.database.db, { structureId });
    const token = randomUUID();
    const r = await enrolAtHub(hub.database.db, { candidates: [code], tokenHash: sha256(token), deviceLabel: null, now: new Date().toISOString() });
    expect(r.ok).toBe(true);
    return { ...identity, token };
  }

  beforeAll(async () => {
    hub = await givenHub('sqlite');
    const structure = await givenStructure(hub, 'Centre social des Tilleuls', ['13']);
    structureId = structure.id;
    await Promise.all(db.tables.map((t) => t.clear()));
    net = routeFetchToHub(hub.app, ORIGIN);
    const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id });
    expect((await enrolDevice(code)).ok).toBe(true);
    identity = (await getDeviceIdentity())!;
  });
  afterAll(async () => {
    net?.restore();
    await hub?.close();
  });
  beforeEach(async () => {
    await db.activities.clear();
    await db.outbox.clear();
  });
  afterEach(async () => expect(await countPending()).toBe(0));

  /** Three queued records (batches of two: the target is in the first batch, a second batch follows). */
  async function queue(): Promise<LocalActivity[]> {
    const records = [aLocalActivity(), aLocalActivity(), aLocalActivity()];
    for (const r of records) await saveActivity(r);
    return records;
  }

  async function scenario(kind: Change, mode: 'between' | 'racing', at: number, alreadyOnHub: boolean): Promise<void> {
    const identity = await freshToken();
    const records = await queue();
    const target = records[0]!;
    if (alreadyOnHub) {
      // The hub holds revision 1 of each; then each is edited again (revision 2 queued).
      await pushActivities(identity);
      for (const r of records) await saveActivity({ ...(await getActivity(r.id))!, durationMin: 45 });
    }
    const change = async () => {
      const row = (await getActivity(target.id))!;
      if (kind === 'edit') await saveActivity({ ...row, durationMin: 90 });
      else await deleteActivity(target.id);
    };
    const run = stepped(at, change, mode);
    await pushActivities(identity, { batchSize: 2, deps: run.deps });
    await run.done();
    // Whatever the push left queued goes on the next syncs.
    for (let i = 0; i < 3 && (await countPending('activity')) > 0; i++) await pushActivities(identity);

    const device = (await getActivity(target.id))!;
    const held = await getStoredActivity(hub.database.db, target.id);
    const where = `${kind} ${mode} at step ${at}${alreadyOnHub ? ' (already on the hub)' : ''}`;
    expect(run.done(), `${where}: the change ran`).toBeDefined();
    expect(device.syncState, where).toBe('synced');
    expect(held?.revision, where).toBe(device.revision);
    if (kind === 'edit') expect(held?.record?.durationMin, where).toBe(90);
    else expect(held?.deleted, where).toBe(true);
  }

  for (const kind of ['edit', 'delete'] as const) {
    for (const mode of ['between', 'racing'] as const) {
      for (const alreadyOnHub of [false, true]) {
        it(`${kind}, ${mode} the push's steps${alreadyOnHub ? ', record already on the hub' : ''}: the hub ends with the last content`, async () => {
          // An undisturbed push counts the await points; then one run per point.
          const total = await countSteps();
          expect(total).toBeGreaterThan(8);
          for (let at = 0; at < total; at++) {
            await db.activities.clear();
            await db.outbox.clear();
            await scenario(kind, mode, at, alreadyOnHub);
          }
        });
      }
    }
  }

  /** The number of await points of an undisturbed push of the three queued records. */
  async function countSteps(): Promise<number> {
    await db.activities.clear();
    await db.outbox.clear();
    await queue();
    const run = stepped(-1, async () => undefined, 'between');
    await pushActivities(await freshToken(), { batchSize: 2, deps: run.deps });
    return run.steps();
  }
});
