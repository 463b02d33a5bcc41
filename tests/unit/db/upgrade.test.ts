import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { KarioleDB } from '../../../src/app/db/index.ts';

// quality.md: a device database of the previous version, with records still waiting to be
// sent, opens under the current version without losing anything.
const FIRST_RELEASE_STORES = {
  activities: 'id, date, syncState, type, updatedAt',
  drafts: 'id, updatedAt',
  outbox: 'key, kind, enqueuedAt',
  venues: 'id, code_postal, departement',
  venueReports: 'id, createdAt',
  kv: 'key',
};

const NAME = 'kariole-upgrade-test';

describe('opening an older device database', () => {
  afterEach(async () => {
    await Dexie.delete(NAME);
  });

  it('keeps pending records, their outbox entries, drafts and the device identity', async () => {
    const old = new Dexie(NAME);
    old.version(1).stores(FIRST_RELEASE_STORES);
    await old.open();
    await old.table('activities').bulkPut([
      { id: 'a1', date: '2026-11-20', type: 'individuel', syncState: 'pending', updatedAt: '2026-11-20T10:00:00Z', revision: 1, notes: 'reste ici' },
      { id: 'a2', date: '2026-11-21', type: 'collectif', syncState: 'synced', updatedAt: '2026-11-21T10:00:00Z', revision: 2 },
    ]);
    await old.table('outbox').put({ key: 'activity:a1', kind: 'activity', id: 'a1', enqueuedAt: '2026-11-20T10:00:00Z' });
    await old.table('drafts').put({ id: 'current', updatedAt: '2026-11-22T09:00:00Z', durationMin: 45 });
    await old.table('kv').put({ key: 'device', value: { deviceId: 'd1', token: 't' } });
    old.close();

    const current = new KarioleDB(NAME);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(1);
    expect(await current.activities.count()).toBe(2);
    expect((await current.activities.get('a1'))?.notes).toBe('reste ici');
    expect(await current.activities.where('syncState').equals('pending').count()).toBe(1);
    expect(await current.outbox.get('activity:a1')).toMatchObject({ kind: 'activity', id: 'a1' });
    expect(await current.drafts.get('current')).toMatchObject({ durationMin: 45 });
    expect((await current.kv.get('device'))?.value).toMatchObject({ deviceId: 'd1' });
    current.close();
  });

  it('v33: queued entries get outbox sequences in the order they were queued, and the counter continues after them', async () => {
    const old = new Dexie(NAME);
    old.version(30).stores({ ...FIRST_RELEASE_STORES, venues: 'id' });
    await old.open();
    await old.table('activities').bulkPut(['b', 'a', 'c'].map((id) => ({ id, date: '2026-11-20', type: 'individuel', syncState: 'pending', updatedAt: 'x', revision: 1 })));
    await old.table('outbox').bulkPut([
      { key: 'activity:a', kind: 'activity', id: 'a', enqueuedAt: '2026-11-20T10:00:02Z' },
      { key: 'activity:b', kind: 'activity', id: 'b', enqueuedAt: '2026-11-20T10:00:01Z' },
      { key: 'venueReport:r', kind: 'venueReport', id: 'r', enqueuedAt: '2026-11-20T10:00:03Z' },
      { key: 'activity:c', kind: 'activity', id: 'c', enqueuedAt: '2026-11-20T10:00:04Z' },
    ]);
    old.close();

    const current = new KarioleDB(NAME);
    await current.open();
    expect((await current.outbox.orderBy('seq').toArray()).map((e) => [e.key, e.seq])).toEqual([
      ['activity:b', 1],
      ['activity:a', 2],
      ['venueReport:r', 3],
      ['activity:c', 4],
    ]);
    expect((await current.kv.get('outbox.seq'))?.value).toBe(4);
    current.close();
  });
});
