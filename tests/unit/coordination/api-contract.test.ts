import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_ANSWERS, ContractError, call, loadMe, me } from '../../../src/app/features/coordination/lib/api.ts';

// The dashboard's client reads answers through the hub's own contracts: in tests (and the dev
// server) an answer that does not match its schema fails loudly instead of reaching a screen.

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

const device = {
  id: 'd1',
  label: null,
  structure: { id: 's1', name: 'Centre' },
  mediator: { id: 'm1', label: 'Alice' },
  enrolledAt: '2026-01-02T10:00:00.000Z',
  lastSyncAt: null,
  recordsReceived: 3,
  pendingCount: null,
  revoked: false,
  revokedAt: null,
};

describe('coordination API client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    me.value = undefined;
  });

  it('checks answers in tests', () => {
    expect(CHECK_ANSWERS).toBe(true);
  });

  it('returns an answer that matches its contract, typed from it', async () => {
    vi.stubGlobal('fetch', answer(200, { devices: [device] }));
    const r = await call('DeviceListSchema', 'GET', '/api/v1/admin/devices');
    expect(r.devices[0]!.structure.name).toBe('Centre');
  });

  it('refuses an answer whose field was renamed on the hub, naming the field', async () => {
    const { recordsReceived, ...renamed } = device;
    vi.stubGlobal('fetch', answer(200, { devices: [{ ...renamed, received: recordsReceived }] }));
    const failure = call('DeviceListSchema', 'GET', '/api/v1/admin/devices');
    await expect(failure).rejects.toBeInstanceOf(ContractError);
    await expect(call('DeviceListSchema', 'GET', '/api/v1/admin/devices')).rejects.toThrow(/devices\.0\.recordsReceived/);
  });

  it('loads the logged-in account through its contract (a role outside the contract is refused)', async () => {
    vi.stubGlobal('fetch', answer(200, { id: 'u1', email: 'a@b.fr', role: 'admin', structureIds: [], csrfToken: 't' }));
    expect((await loadMe())?.role).toBe('admin');
    vi.stubGlobal('fetch', answer(200, { id: 'u1', email: 'a@b.fr', role: 'superuser', structureIds: [], csrfToken: 't' }));
    await expect(loadMe()).rejects.toBeInstanceOf(ContractError);
  });
});
