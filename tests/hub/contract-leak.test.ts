import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, type StaffSession, type TestHub } from '../helpers/hub.ts';
import type * as ApiClients from '../../src/hub/repositories/api-clients.ts';
import type * as Devices from '../../src/hub/repositories/devices.ts';

// Answers go through their zod schema: a field a repository returns by mistake (a column added
// to a table, a hash selected with the row) is dropped before it reaches a client.

vi.mock('../../src/hub/repositories/api-clients.ts', async (importOriginal) => {
  const real = await importOriginal<typeof ApiClients>();
  return {
    ...real,
    // as if the repository selected the whole row
    listApiClients: async (...args: Parameters<typeof real.listApiClients>) =>
      (await real.listApiClients(...args)).map((c) => ({ ...c, secret_hash: 'scrypt$leaked', internalNote: 'do not show' })),
  };
});
vi.mock('../../src/hub/repositories/devices.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Devices>();
  return {
    ...real,
    listDevices: async (...args: Parameters<typeof real.listDevices>) =>
      (await real.listDevices(...args)).map((d) => ({ ...d, token_hash: 'leaked-token-hash', structure: { ...d.structure, settings: '{"kioskPinHash":"x"}' } })),
  };
});

describe.each(DIALECTS)('answers drop the fields their contract does not name, on %s', (dialect) => {
  let hub: TestHub;
  let admin: StaffSession;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    admin = await givenStaff(hub, 'admin');
  });
  afterAll(async () => hub?.close());

  it('an API client row with its secret hash and an extra column reaches the dashboard without them', async () => {
    const created = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/api-clients', headers: admin.headers, payload: { name: 'Observatoire', scopes: ['activites'] } });
    expect(created.statusCode).toBe(201);
    const res = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/api-clients', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('leaked');
    expect(res.body).not.toContain('internalNote');
    const [client] = (res.json() as { clients: Record<string, unknown>[] }).clients;
    expect(Object.keys(client!).sort()).toEqual(['createdAt', 'createdBy', 'id', 'lastUsedAt', 'name', 'revokedAt', 'scopes']);
  });

  it('a device row with its token hash and a nested extra field reaches the dashboard without them', async () => {
    const s = await givenStructure(hub);
    const code = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/enrolment-codes', headers: admin.headers, payload: { structureId: s.id } });
    const enrol = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: { code: (code.json() as { code: string }).code } });
    expect(enrol.statusCode).toBe(201);
    const res = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/devices', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('leaked-token-hash');
    expect(res.body).not.toContain('kioskPinHash');
    const [device] = (res.json() as { devices: { structure: Record<string, unknown> }[] }).devices;
    expect(Object.keys(device!.structure).sort()).toEqual(['id', 'name']);
  });
});
