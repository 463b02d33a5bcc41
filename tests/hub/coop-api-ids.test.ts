import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, type TestHub } from '../helpers/hub.ts';
import { anActivity, givenEnrolledDevice, pushResults } from './sync-helpers.ts';
import { apiGet, givenApiClient } from './coop-api-helpers.ts';
import { publicIdOf } from '../../src/hub/repositories/coop-activities.ts';
import type { ActiviteList } from '../../src/shared/coop-api/resources.ts';

// The device's record id (a UUID v7 carries its creation time to the millisecond) never leaves
// the hub: the Coop API and the Kariole-layout export serve the hub's opaque id (migration 007).

const v7 = () => {
  const hex = [...crypto.getRandomValues(new Uint8Array(10))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const ms = Date.now().toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex.slice(0, 3)}-8${hex.slice(3, 6)}-${hex.slice(6, 18)}`;
};

describe.each(DIALECTS)('opaque activity ids on %s', (dialect) => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await givenHub(dialect);
  });
  afterEach(async () => hub?.close());

  it('serves and exports an opaque random id, never the device record id', async () => {
    const structure = await givenStructure(hub);
    const device = await givenEnrolledDevice(hub, structure);
    const records = [anActivity({ id: v7() }), anActivity({ id: v7(), date: '2026-11-21' }), anActivity({ id: v7(), date: '2026-11-22' })];
    await pushResults(hub, device, records);
    const recordIds = records.map((r) => r.id as string);
    const publicIds = await Promise.all(recordIds.map((id) => publicIdOf(hub.database.db, id)));
    for (const p of publicIds) expect(p).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(publicIds).size).toBe(3);

    const client = await givenApiClient(hub, ['activites']);
    const served = ((await apiGet(hub, client, '/api/v1/activites')).json() as ActiviteList).data.map((d) => d.id);
    expect(served.sort()).toEqual([...publicIds].sort());

    const admin = await givenStaff(hub, 'admin');
    const csv = await hub.app.inject({ method: 'GET', url: '/api/v1/exports/activities.csv?layout=kariole', headers: { cookie: admin.cookie } });
    expect(csv.statusCode).toBe(200);
    const [header, ...rows] = Papa.parse<string[]>(csv.body.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
    const exported = rows.map((r) => r[header!.indexOf('id')]!);
    expect(exported.sort()).toEqual([...publicIds].sort());
    for (const id of recordIds) {
      expect(csv.body).not.toContain(id);
      expect(JSON.stringify(served)).not.toContain(id);
    }
  });
});
