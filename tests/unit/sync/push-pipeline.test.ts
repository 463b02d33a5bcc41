import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/app/db/index.ts';
import { getActivity, saveActivity } from '../../../src/app/db/activities.ts';
import { countPending } from '../../../src/app/db/outbox.ts';
import type { DeviceIdentity } from '../../../src/app/db/settings.ts';
import type { LocalActivity } from '../../../src/shared/activity/anonymise.ts';
import type { ActivityWire } from '../../../src/shared/activity/record.ts';
import { SyncFailure, type HubResponse } from '../../../src/app/features/sync/lib/http.ts';
import { defaultPushDeps, pushActivities, type PushDeps } from '../../../src/app/features/sync/lib/push.ts';
import { aLocalActivity } from './local-activity.ts';

// The push overlaps its steps (bench/README.md, push profile): while a batch is on the wire,
// the previous batch's answer is applied and the next batch is read. These tests hold the
// rules of issue #14 under that overlap: batches never share a record while one of them is
// unacknowledged, each answer acknowledges only its own sequences, and an answer received is
// applied even when the next request fails. The outbox and the records are the app's own db
// module; only the hub is a stub.

const identity: DeviceIdentity = { token: 't', hubUrl: 'http://hub.test' } as DeviceIdentity;


async function queue(n: number): Promise<LocalActivity[]> {
  const records = Array.from({ length: n }, aLocalActivity);
  for (const r of records) await saveActivity(r);
  return records;
}

const created = (records: ActivityWire[]): HubResponse => ({
  status: 200,
  headers: new Headers(),
  body: { results: records.map((r) => ({ id: r.id, status: 'created', revision: r.revision })) },
});

describe('the push pipeline', () => {
  beforeEach(async () => {
    await db.activities.clear();
    await db.outbox.clear();
  });

  it('sends the next batch while the previous answer is being applied, each record once', async () => {
    const records = await queue(7);
    const events: string[] = [];
    const posted: string[][] = [];
    let applies = 0;
    const deps: PushDeps = {
      ...defaultPushDeps,
      post: async (_identity, batch) => {
        posted.push(batch.map((r) => r.id));
        events.push(`post ${posted.length}`);
        // the hub takes a while: the previous answer's apply has time to start
        await new Promise((r) => setTimeout(r, 30));
        return created(batch);
      },
      apply: async (results, seqs, sent) => {
        const n = ++applies;
        events.push(`apply ${n} start`);
        await defaultPushDeps.apply(results, seqs, sent);
        events.push(`apply ${n} end`);
      },
    };
    expect(await pushActivities(identity, { batchSize: 2, deps })).toBe(7);
    expect(posted.map((b) => b.length)).toEqual([2, 2, 2, 1]);
    expect(posted.flat().sort()).toEqual(records.map((r) => r.id).sort());
    // Batch 2 is on the wire before batch 1's answer is applied (the overlap the profile asked for).
    expect(events.indexOf('post 2')).toBeLessThan(events.indexOf('apply 1 end'));
    expect(await countPending()).toBe(0);
    for (const r of records) expect((await getActivity(r.id))?.syncState).toBe('synced');
  });

  it('applies the answer already received when the next request fails, and keeps the rest queued', async () => {
    const records = await queue(6);
    const posted: string[][] = [];
    const deps: PushDeps = {
      ...defaultPushDeps,
      post: async (_identity, batch) => {
        posted.push(batch.map((r) => r.id));
        if (posted.length === 2) throw new SyncFailure('network');
        return created(batch);
      },
    };
    await expect(pushActivities(identity, { batchSize: 2, deps })).rejects.toMatchObject({ kind: 'network' });
    const [first] = posted;
    for (const r of records) {
      const row = await getActivity(r.id);
      expect(row?.syncState).toBe(first!.includes(r.id) ? 'synced' : 'pending');
    }
    expect(await countPending()).toBe(4);
  });

  it('an edit made while its batch is answered stays queued and is sent in a later batch, never twice at once', async () => {
    const records = await queue(5);
    const target = records[0]!;
    const posted: ActivityWire[][] = [];
    const inFlight = new Set<string>();
    const deps: PushDeps = {
      ...defaultPushDeps,
      post: async (_identity, batch) => {
        for (const r of batch) {
          expect(inFlight.has(r.id)).toBe(false);
          inFlight.add(r.id);
        }
        posted.push(batch);
        // while the first batch is on the wire, the mediator edits its first record
        if (posted.length === 1) await saveActivity({ ...(await getActivity(target.id))!, durationMin: 90 });
        return created(batch);
      },
      apply: async (results, seqs, sent) => {
        await defaultPushDeps.apply(results, seqs, sent);
        for (const r of results) inFlight.delete(r.id);
      },
    };
    await pushActivities(identity, { batchSize: 2, deps });
    const sends = posted.flat().filter((r) => r.id === target.id);
    expect(sends.map((r) => [r.revision, (r as { durationMin?: number }).durationMin])).toEqual([
      [1, 30],
      [2, 90],
    ]);
    const row = await getActivity(target.id);
    expect(row).toMatchObject({ syncState: 'synced', revision: 2, durationMin: 90 });
    expect(await countPending()).toBe(0);
  });
});
