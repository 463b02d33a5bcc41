import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStructure, type TestHub } from '../helpers/hub.ts';
import { countStoredActivities, getStoredActivity, groupCommitCounters, NOT_STORABLE } from '../../src/hub/repositories/activities.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { anActivity, givenEnrolledDevice, push, type EnrolledDevice } from './sync-helpers.ts';

// Group commit (issue #17): pushes arriving together share one transaction and each is
// answered when it commits. A record the database refuses (played by a trigger, as in
// push-isolation.test.ts) must not fail the other pushes of its group; nothing is stored twice.

type Result = { id: string; status: string; revision?: number; errors?: { path: string; message: string }[] };

async function refuseId(hub: TestHub, id: string): Promise<void> {
  const db = hub.database.db;
  if (hub.database.dialect === 'sqlite') {
    await sql.raw(`CREATE TRIGGER refuse_one BEFORE INSERT ON activities WHEN NEW.id = '${id}' BEGIN SELECT RAISE(ABORT, 'cannot store this record'); END`).execute(db);
    return;
  }
  await sql
    .raw(`CREATE FUNCTION refuse_one() RETURNS trigger AS $$ BEGIN IF NEW.id = '${id}' THEN RAISE EXCEPTION 'cannot store this record'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`)
    .execute(db);
  await sql.raw('CREATE TRIGGER refuse_one BEFORE INSERT ON activities FOR EACH ROW EXECUTE FUNCTION refuse_one()').execute(db);
}

async function receivedBy(hub: TestHub, deviceId: string): Promise<number> {
  const row = await hub.database.db.selectFrom('devices').select('records_received').where('id', '=', deviceId).executeTakeFirstOrThrow();
  return Number(row.records_received);
}

describe.each(DIALECTS)('pushes arriving together, on %s', (dialect) => {
  let hub: TestHub;
  let north: Structure;
  let south: Structure;
  let devices: EnrolledDevice[];
  let stranger: EnrolledDevice;
  const poison = anActivity();
  beforeAll(async () => {
    hub = await givenHub(dialect);
    north = await givenStructure(hub, 'Centre social Nord');
    south = await givenStructure(hub, 'Médiathèque Sud');
    devices = [];
    for (let i = 0; i < 6; i++) devices.push(await givenEnrolledDevice(hub, north, { ip: `10.0.1.${i + 1}` }));
    stranger = await givenEnrolledDevice(hub, south, { ip: '10.0.2.1' });
    await refuseId(hub, poison.id as string);
  });
  afterAll(async () => hub?.close());

  it('share transactions; a refused record fails only itself; each push gets its own results', async () => {
    const batches = devices.map(() => Array.from({ length: 5 }, () => anActivity()));
    batches[2]!.splice(1, 0, poison);
    const before = groupCommitCounters(hub.database.db);
    const answers = await Promise.all(devices.map((d, i) => push(hub, d, batches[i]!)));
    const after = groupCommitCounters(hub.database.db);

    // Fewer transactions than pushes: they were grouped (then the refused push replayed alone).
    expect(after.pushes - before.pushes).toBe(devices.length);
    expect(after.groups - before.groups).toBeLessThan(devices.length);

    for (const [i, res] of answers.entries()) {
      expect(res.statusCode).toBe(200);
      const results = (res.json() as { results: Result[] }).results;
      expect(results.map((r) => r.id)).toEqual(batches[i]!.map((r) => r.id));
      for (const r of results) {
        if (r.id === poison.id) expect(r).toEqual({ id: poison.id, status: 'rejected', errors: [NOT_STORABLE] });
        else expect(r).toEqual({ id: r.id, status: 'created', revision: 1 });
      }
    }
    expect(await countStoredActivities(hub.database.db, north.id)).toBe(30);
    expect(await getStoredActivity(hub.database.db, poison.id as string)).toBeUndefined();
    // Each device counted its own records, once.
    for (const d of devices) expect(await receivedBy(hub, d.deviceId)).toBe(5);
  });

  it('store a record pushed twice at once only once: created for one push, unchanged for the other', async () => {
    const shared = anActivity();
    const [a, b] = await Promise.all([push(hub, devices[0]!, [shared, anActivity()]), push(hub, devices[1]!, [shared])]);
    const first = (a.json() as { results: Result[] }).results[0]!;
    const second = (b.json() as { results: Result[] }).results[0]!;
    expect([first.status, second.status].sort()).toEqual(['created', 'unchanged']);
    expect(await countStoredActivities(hub.database.db, north.id)).toBe(32);
    // The pushes' transaction counted it once on the hub and on the device that created it.
    expect((await receivedBy(hub, devices[0]!.deviceId)) + (await receivedBy(hub, devices[1]!.deviceId))).toBe(5 + 5 + 2);
  });

  it('keep structures apart within a group: the same id from another structure is a conflict', async () => {
    const shared = anActivity();
    const [mine, theirs] = await Promise.all([push(hub, devices[3]!, [shared]), push(hub, stranger, [{ ...shared, durationMin: 45 }])]);
    const statuses = [(mine.json() as { results: Result[] }).results[0]!.status, (theirs.json() as { results: Result[] }).results[0]!.status];
    expect(statuses.sort()).toEqual(['conflict', 'created']);
    const held = await getStoredActivity(hub.database.db, shared.id as string);
    expect(held).toBeDefined();
    expect(await countStoredActivities(hub.database.db)).toBe(33);
  });
});
