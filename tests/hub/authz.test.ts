import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, type StaffSession, type TestHub } from '../helpers/hub.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { createVenueReport } from '../../src/hub/repositories/venue-reports.ts';
import { givenEnrolledDevice } from './sync-helpers.ts';

// Authorisation matrix: each role × each staff endpoint (this feature's and the other
// features' admin endpoints) × a structure in scope / out of scope. A coordinator gets 404 for
// anything outside its structures (never a hint that it exists); admin-only endpoints refuse a
// coordinator whatever the object (403); no session → 401.

type Request = (target: Structure) => Promise<InjectOptions>;

describe.each(DIALECTS)('authorisation matrix on %s', (dialect) => {
  let hub: TestHub;
  let mine: Structure;
  let theirs: Structure;
  let admin: StaffSession;
  let coordinator: StaffSession;
  let ip = 0;

  beforeAll(async () => {
    hub = await givenHub(dialect);
    mine = await givenStructure(hub, 'Ma structure', ['13']);
    theirs = await givenStructure(hub, 'Une autre structure', ['59']);
    admin = await givenStaff(hub, 'admin');
    coordinator = await givenStaff(hub, 'coordinator', [mine.id]);
  });
  afterAll(async () => hub?.close());

  /** Objects made fresh for each cell (a revoked device cannot be revoked twice). */
  const aDevice = async (s: Structure) => (await givenEnrolledDevice(hub, s, { ip: `10.9.0.${++ip}` })).deviceId;
  const aShareLink = async (s: Structure) => {
    const res = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/share-links', headers: admin.headers, payload: { filters: { structureId: s.id } } });
    return (res.json() as { id: string }).id;
  };
  const aVenueReport = async (s: Structure) => {
    const device = await givenEnrolledDevice(hub, s, { ip: `10.9.1.${++ip}` });
    const id = randomUUID();
    await createVenueReport(hub.database.db, { id, structureId: s.id, deviceId: device.deviceId, mediatorId: device.mediatorId, venueId: 'v-1', field: 'telephone', proposed: '0102030405' });
    return id;
  };

  const scoped: Record<string, Request> = {
    'GET stats': async (s) => ({ method: 'GET', url: `/api/v1/stats?structureId=${s.id}` }),
    'GET export csv': async (s) => ({ method: 'GET', url: `/api/v1/exports/activities.csv?structureId=${s.id}&layout=national` }),
    'GET export xlsx': async (s) => ({ method: 'GET', url: `/api/v1/exports/activities.xlsx?structureId=${s.id}&layout=national` }),
    'POST share link': async (s) => ({ method: 'POST', url: '/api/v1/admin/share-links', payload: { filters: { structureId: s.id } } }),
    'POST share link revoke': async (s) => ({ method: 'POST', url: `/api/v1/admin/share-links/${await aShareLink(s)}/revoke` }),
    'GET structure': async (s) => ({ method: 'GET', url: `/api/v1/admin/structures/${s.id}` }),
    'PATCH structure': async (s) => ({ method: 'PATCH', url: `/api/v1/admin/structures/${s.id}`, payload: { kioskIdleSeconds: 180 } }),
    'POST enrolment code': async (s) => ({ method: 'POST', url: '/api/v1/admin/enrolment-codes', payload: { structureId: s.id } }),
    'GET devices': async (s) => ({ method: 'GET', url: `/api/v1/admin/devices?structureId=${s.id}` }),
    'POST device revoke': async (s) => ({ method: 'POST', url: `/api/v1/admin/devices/${await aDevice(s)}/revoke` }),
    'GET portal': async (s) => ({ method: 'GET', url: `/api/v1/admin/structures/${s.id}/portal` }),
    'PUT portal': async (s) => ({ method: 'PUT', url: `/api/v1/admin/structures/${s.id}/portal`, payload: { added: [], hidden: [], pinned: [], order: [] } }),
    'GET kiosk policy': async (s) => ({ method: 'GET', url: `/api/v1/admin/structures/${s.id}/kiosk-policy.json` }),
    'GET venues search': async (s) => ({ method: 'GET', url: `/api/v1/admin/venues?structureId=${s.id}&q=a` }),
    'GET venues export': async (s) => ({ method: 'GET', url: `/api/v1/admin/venues/export.csv?structureId=${s.id}` }),
    'GET venue reports': async (s) => ({ method: 'GET', url: `/api/v1/admin/venue-reports?structureId=${s.id}` }),
    'POST venue report dismiss': async (s) => ({ method: 'POST', url: `/api/v1/admin/venue-reports/${await aVenueReport(s)}/dismiss` }),
  };

  const adminOnly: Record<string, InjectOptions> = {
    'POST structure': { method: 'POST', url: '/api/v1/admin/structures', payload: { name: 'Nouvelle structure', departements: ['84'] } },
    'GET users': { method: 'GET', url: '/api/v1/admin/users' },
    'POST user': { method: 'POST', url: '/api/v1/admin/users', payload: { email: `c-${randomUUID()}@x.fr`, structureIds: [] as string[] } },
  };

  const send = async (who: StaffSession | null, opts: InjectOptions) =>
    (await hub.app.inject({ ...opts, headers: who ? (opts.method === 'GET' ? { cookie: who.cookie } : who.headers) : {} })).statusCode;

  for (const [name, request] of Object.entries(scoped)) {
    it(`${name}: admin anywhere, coordinator in scope only (404 outside), nobody without a session`, async () => {
      const cells = {
        adminMine: await send(admin, await request(mine)),
        adminTheirs: await send(admin, await request(theirs)),
        coordMine: await send(coordinator, await request(mine)),
        coordTheirs: await send(coordinator, await request(theirs)),
        anonymous: await send(null, await request(mine)),
      };
      expect(cells.adminMine, 'admin, in scope').toBeLessThan(300);
      expect(cells.adminTheirs, 'admin, other structure').toBeLessThan(300);
      expect(cells.coordMine, 'coordinator, in scope').toBeLessThan(300);
      expect(cells.coordTheirs, 'coordinator, out of scope').toBe(404);
      expect(cells.anonymous, 'no session').toBe(401);
    });
  }

  for (const [name, opts] of Object.entries(adminOnly)) {
    it(`${name}: admin only (coordinator 403, no session 401)`, async () => {
      const payload = opts.payload as { structureIds?: string[] } | undefined;
      const withScope = payload?.structureIds ? { ...opts, payload: { ...payload, structureIds: [mine.id] } } : opts;
      expect(await send(coordinator, withScope)).toBe(403);
      expect(await send(null, withScope)).toBe(401);
      expect(await send(admin, withScope)).toBeLessThan(300);
    });
  }
});
