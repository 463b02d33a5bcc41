import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { givenHub, givenStaff, givenStructure, type TestHub } from '../../helpers/hub.ts';
import { createEnrolmentCode } from '../../../src/hub/repositories/devices.ts';
import { countStoredActivities, getStoredActivity } from '../../../src/hub/repositories/activities.ts';
import type { Structure } from '../../../src/hub/repositories/structures.ts';
import { db } from '../../../src/app/db/index.ts';
import { deleteActivity, getActivity, saveActivity } from '../../../src/app/db/activities.ts';
import { countPending, enqueueOrphanActivities } from '../../../src/app/db/outbox.ts';
import { getDeviceIdentity, loadDeviceSettings, loadSyncStatus } from '../../../src/app/db/settings.ts';
import type { LocalActivity } from '../../../src/shared/activity/anonymise.ts';
import { enrolDevice } from '../../../src/app/features/sync/lib/enrol.ts';
import { syncOnce } from '../../../src/app/features/sync/lib/run.ts';
import { pushActivities } from '../../../src/app/features/sync/lib/push.ts';
import { routeFetchToHub, type FakeNetwork } from './fake-network.ts';
import { aLocalActivity as aBareActivity } from './local-activity.ts';

// Every record carries a free-text note: the wire must never carry it.
const aLocalActivity = (overrides: Partial<LocalActivity> = {}): LocalActivity =>
  aBareActivity({ notes: 'Mme Martin, née le 3 mai, a oublié son mot de passe', ...overrides });

const ORIGIN = 'http://hub.test';
(globalThis as { location?: unknown }).location = { origin: ORIGIN };

async function logSessions(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await saveActivity(aLocalActivity())).id);
  return ids;
}

describe('device sync client against the real hub', { timeout: 120_000 }, () => {
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
    const r = await enrolDevice(code.toLowerCase().replace(/(.{4})/, '$1 '), 'Tablette test');
    expect(r).toMatchObject({ ok: true, structureName: structure.name });
  });
  afterEach(() => net.restore());

  it('stores the enrolment and sends the queue in batches of at most 500, notes never on the wire', async () => {
    expect(await getDeviceIdentity()).toMatchObject({ structure: { id: structure.id }, hubUrl: ORIGIN });
    const ids = await logSessions(1100);
    expect(await countPending('activity')).toBe(1100);
    expect(await syncOnce()).toEqual({ ok: true });
    const pushes = net.sent.filter((s) => s.url === '/api/v1/sync/activities');
    expect(pushes.map((p) => (p.body as { records: unknown[] }).records.length)).toEqual([500, 500, 100]);
    for (const p of pushes) {
      for (const r of (p.body as { records: Record<string, unknown>[] }).records) {
        expect(Object.keys(r)).not.toEqual(expect.arrayContaining(['notes']));
        for (const k of ['notes', 'createdAt', 'updatedAt', 'syncState', 'sentRevision']) expect(r).not.toHaveProperty(k);
      }
    }
    expect(JSON.stringify(net.sent)).not.toContain('Mme Martin');
    expect(await countPending()).toBe(0);
    expect((await getActivity(ids[0]!))?.syncState).toBe('synced');
    expect(await countStoredActivities(hub.database.db, structure.id)).toBeGreaterThanOrEqual(1100);
    expect(await loadDeviceSettings()).toMatchObject({ structure: { id: structure.id } });
    expect((await loadSyncStatus()).lastSuccessAt).toBeTruthy();
  });

  it('marks nothing synced on a captive portal page or an answer for other ids', async () => {
    const [id] = await logSessions(1);
    net.faults = ['captive-portal'];
    expect(await syncOnce()).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
    expect((await getActivity(id!))?.syncState).toBe('pending');
    net.faults = ['wrong-ids'];
    expect(await syncOnce()).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
    expect((await getActivity(id!))?.syncState).toBe('pending');
    expect((await loadSyncStatus()).lastError?.kind).toBe('malformed');
    expect(await syncOnce()).toEqual({ ok: true });
    expect((await getActivity(id!))?.syncState).toBe('synced');
  });

  it('survives 500s, network errors and an answer lost after the hub committed: each record once, latest revision', async () => {
    const ids = await logSessions(30);
    for (const fault of ['500', 'network', 'drop-after-commit'] as const) {
      net.faults = [fault];
      expect((await syncOnce()).ok).toBe(false);
      expect(await countPending('activity')).toBe(30);
    }
    // Edited after a push whose answer was lost: the new revision supersedes.
    const row = (await getActivity(ids[0]!))!;
    const edited = await saveActivity({ ...row, durationMin: 90 });
    expect(edited.revision).toBe(2);
    expect(await syncOnce()).toEqual({ ok: true });
    for (const id of ids) expect((await getActivity(id))?.syncState).toBe('synced');
    expect(await getStoredActivity(hub.database.db, ids[0]!)).toMatchObject({ revision: 2, record: expect.objectContaining({ durationMin: 90 }) });
    const rows = await hub.database.db.selectFrom('activities').select('id').where('id', 'in', ids).execute();
    expect(rows).toHaveLength(30);
  });

  it('sends deletions as tombstones', async () => {
    const [id] = await logSessions(1);
    await syncOnce();
    await deleteActivity(id!);
    expect(await syncOnce()).toEqual({ ok: true });
    expect(await getStoredActivity(hub.database.db, id!)).toMatchObject({ deleted: true, revision: 2 });
    const last = net.sent.filter((s) => s.url === '/api/v1/sync/activities').at(-1)!;
    expect(last.body).toEqual({ records: [{ id, revision: 2, deleted: true }] });
  });

  it('flags a conflict and stops sending it until edited', async () => {
    const [id] = await logSessions(1);
    await syncOnce();
    // Another copy of the record (same revision, other content) reaches the hub first.
    const row = (await getActivity(id!))!;
    await db.activities.put({ ...row, durationMin: 120, syncState: 'pending', sentRevision: undefined });
    expect(await enqueueOrphanActivities()).toBe(1);
    await hub.database.db.updateTable('activities').set({ revision: 5 }).where('id', '=', id!).execute();
    expect(await syncOnce()).toEqual({ ok: true });
    const flagged = await getActivity(id!);
    expect(flagged?.syncState).toBe('conflict');
    expect(flagged?.syncErrors?.length).toBeGreaterThan(0);
    expect(await countPending('activity')).toBe(0);
    const before = net.sent.length;
    await pushActivities((await getDeviceIdentity())!);
    expect(net.sent.length).toBe(before);
  });

  it('after an enrolment into another structure, pulls its territory from the start', async () => {
    expect(await syncOnce()).toEqual({ ok: true });
    const first = net.sent.filter((s) => s.url.startsWith('/api/v1/sync/'));
    expect(first.find((s) => s.url.startsWith('/api/v1/sync/venues'))).toBeDefined();
    expect(await syncOnce()).toEqual({ ok: true });
    const again = net.sent.filter((s) => s.url.startsWith('/api/v1/sync/venues')).at(-1)!;
    expect(again.url).toContain('since=');
    expect(net.sent.filter((s) => s.url === '/api/v1/sync/settings').at(-1)!.headers['if-none-match']).toBeTruthy();

    const other = await givenStructure(hub, 'Maison France Services de Digne', ['04']);
    const { code } = await createEnrolmentCode(hub.database.db, { structureId: other.id });
    expect((await enrolDevice(code)).ok).toBe(true);
    const mark = net.sent.length;
    expect(await syncOnce()).toEqual({ ok: true });
    const after = net.sent.slice(mark);
    expect(after.find((s) => s.url.startsWith('/api/v1/sync/venues'))!.url).not.toContain('since=');
    expect(after.find((s) => s.url === '/api/v1/sync/settings')!.headers['if-none-match']).toBeUndefined();
    expect(after.find((s) => s.url === '/api/v1/sync/portal')!.headers['if-none-match']).toBeUndefined();
    expect((await loadDeviceSettings())?.structure.id).toBe(other.id);
    expect((await loadDeviceSettings())?.communes.every((c) => c.insee.startsWith('04'))).toBe(true);
  });

  it('on 401 keeps everything, asks to re-enrol, then drains after re-enrolment', async () => {
    const ids = await logSessions(12);
    const admin = await givenStaff(hub, 'admin');
    const deviceId = (await getDeviceIdentity())!.deviceId;
    await hub.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${deviceId}/revoke`, headers: admin.headers });
    expect(await syncOnce()).toMatchObject({ ok: false, failure: { kind: 'auth' } });
    expect((await getDeviceIdentity())?.revokedAt).toBeTruthy();
    expect(await countPending('activity')).toBe(12);
    expect(await syncOnce()).toEqual({ ok: 'skipped', why: 'revoked' });
    const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id });
    expect((await enrolDevice(code)).ok).toBe(true);
    expect((await getDeviceIdentity())?.revokedAt).toBeUndefined();
    expect(await syncOnce()).toEqual({ ok: true });
    for (const id of ids) expect((await getActivity(id))?.syncState).toBe('synced');
  });
});
