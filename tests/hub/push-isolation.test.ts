import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStructure, type TestHub } from '../helpers/hub.ts';
import { countStoredActivities, getStoredActivity, NOT_STORABLE } from '../../src/hub/repositories/activities.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { anActivity, givenEnrolledDevice, push, pushResults, type EnrolledDevice } from './sync-helpers.ts';

// Issue #14, item 2: a record the hub cannot store (it passes the schema but the database
// refuses it) is answered `rejected` on its own; the rest of its batch is stored, and the
// push answers 200 instead of failing every time. The database's refusal is played by a
// trigger that refuses one id, on each dialect.

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

describe.each(DIALECTS)('a record the hub cannot store, on %s', (dialect) => {
  let hub: TestHub;
  let structure: Structure;
  let device: EnrolledDevice;
  const poison = anActivity();
  beforeAll(async () => {
    hub = await givenHub(dialect);
    structure = await givenStructure(hub);
    device = await givenEnrolledDevice(hub, structure);
    await refuseId(hub, poison.id as string);
  });
  afterAll(async () => hub?.close());

  it('is rejected on its own with its reason; the rest of the batch is stored', async () => {
    const others = Array.from({ length: 6 }, () => anActivity());
    const batch = [others[0]!, others[1]!, poison, ...others.slice(2)];
    const res = await push(hub, device, batch);
    expect(res.statusCode).toBe(200);
    const results = (res.json() as { results: { id: string; status: string; errors?: unknown[] }[] }).results;
    expect(results.map((r) => r.id)).toEqual(batch.map((r) => r.id));
    expect(results[2]).toEqual({ id: poison.id, status: 'rejected', errors: [NOT_STORABLE] });
    for (const r of results.filter((_, i) => i !== 2)) expect(r.status).toBe('created');
    expect(await countStoredActivities(hub.database.db, structure.id)).toBe(6);
    expect(await getStoredActivity(hub.database.db, poison.id as string)).toBeUndefined();
    for (const o of others) expect(await getStoredActivity(hub.database.db, o.id as string)).toMatchObject({ revision: 1 });
  });

  it('alone in a push, it is rejected too (200, not a failure the device would retry forever)', async () => {
    const results = await pushResults(hub, device, [poison]);
    expect(results).toEqual([{ id: poison.id, status: 'rejected', errors: [NOT_STORABLE] }]);
  });

  it('the retry of the batch answers unchanged for the stored ones and rejected again for it', async () => {
    const fresh = anActivity();
    const first = await pushResults(hub, device, [fresh, poison]);
    expect(first.map((r) => r.status)).toEqual(['created', 'rejected']);
    const again = await pushResults(hub, device, [fresh, poison]);
    expect(again.map((r) => r.status)).toEqual(['unchanged', 'rejected']);
  });
});

describe('a failure of the hub itself (PostgreSQL: disk full)', () => {
  let hub: TestHub;
  let device: EnrolledDevice;
  beforeAll(async () => {
    hub = await givenHub('postgres');
    device = await givenEnrolledDevice(hub, await givenStructure(hub));
    await sql
      .raw(`CREATE FUNCTION disk_full() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$ LANGUAGE plpgsql`)
      .execute(hub.database.db);
    await sql.raw('CREATE TRIGGER disk_full BEFORE INSERT ON activities FOR EACH ROW EXECUTE FUNCTION disk_full()').execute(hub.database.db);
  });
  afterAll(async () => hub?.close());

  it('fails the whole push (5xx, the device retries) instead of rejecting every record', async () => {
    const res = await push(hub, device, [anActivity(), anActivity()]);
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect(await countStoredActivities(hub.database.db)).toBe(0);
  });
});
