import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { createVenueReport } from '../../src/hub/repositories/venue-reports.ts';
import { givenEnrolledDevice } from './sync-helpers.ts';
import { aPlace, csvOf, importText } from './venues-helpers.ts';

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
    const res = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/share-links', headers: admin.headers, payload: { filters: { structureId: s.id, from: '2026-01-01', to: '2026-03-31' } } });
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
    'POST share link': async (s) => ({ method: 'POST', url: '/api/v1/admin/share-links', payload: { filters: { structureId: s.id, from: '2026-01-01', to: '2026-03-31' } } }),
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

// Venue writes check the territory of the place written (issue #12): the place as stored and
// the place as it would become must both be in the caller's départements; reports go to the
// coordinators of the place's territory; only an admin changes a structure's départements.
describe.each(DIALECTS)('venue territory on %s', (dialect) => {
  let hub: TestHub;
  let mine: Structure;
  let theirs: Structure;
  let admin: StaffSession;
  let coordinator: StaffSession;
  let coordTheirs: StaffSession;
  const marseille = aPlace({ id: 'lieu-marseille', nom: 'Espace du port', commune: 'Marseille', code_postal: '13002' });
  const lille = aPlace({ id: 'lieu-lille', nom: 'Médiathèque du Nord', commune: 'Lille', code_postal: '59000', adresse: '3 rue de Béthune' });

  beforeAll(async () => {
    hub = await givenHub(dialect);
    mine = await givenStructure(hub, 'Ma structure', ['13']);
    theirs = await givenStructure(hub, 'Une autre structure', ['59']);
    admin = await givenStaff(hub, 'admin');
    coordinator = await givenStaff(hub, 'coordinator', [mine.id]);
    coordTheirs = await givenStaff(hub, 'coordinator', [theirs.id]);
    const report = await importText(hub, csvOf([marseille, lille]));
    expect(report.imported).toBe(2);
  });
  afterAll(async () => hub?.close());

  const venue = async (id: string) => (await hub.app.inject({ method: 'GET', url: `/api/v1/admin/venues/${id}`, headers: { cookie: admin.cookie } })).json() as { departement: string; nom: string };

  it('import: a row carrying the id of a place of another territory is rejected, the place untouched', async () => {
    const csv = csvOf([{ ...lille, code_postal: '13001', commune: 'Marseille', nom: 'Pris par le 13' }]);
    const res = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/venues/import?structureId=${mine.id}&source=tests`, headers: { ...coordinator.headers, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { updated: number; imported: number; rejected: { id: string; errors: { path: string }[] }[] };
    expect(body.updated + body.imported).toBe(0);
    expect(body.rejected.map((r) => [r.id, r.errors[0]?.path])).toEqual([['lieu-lille', 'id']]);
    expect(await venue('tests:lieu-lille')).toMatchObject({ departement: '59', nom: 'Médiathèque du Nord' });
  });

  it('PATCH and DELETE: a place of another territory is not found; moving an own place out is refused', async () => {
    const patchTheirs = await hub.app.inject({ method: 'PATCH', url: '/api/v1/admin/venues/tests:lieu-lille', headers: coordinator.headers, payload: { code_postal: '13001', commune: 'Marseille' } });
    expect(patchTheirs.statusCode).toBe(404);
    const deleteTheirs = await hub.app.inject({ method: 'DELETE', url: '/api/v1/admin/venues/tests:lieu-lille', headers: coordinator.headers });
    expect(deleteTheirs.statusCode).toBe(404);
    const moveOut = await hub.app.inject({ method: 'PATCH', url: '/api/v1/admin/venues/tests:lieu-marseille', headers: coordinator.headers, payload: { code_postal: '59000', commune: 'Lille', code_insee: '59350' } });
    expect(moveOut.statusCode).toBe(400);
    expect(await venue('tests:lieu-lille')).toMatchObject({ departement: '59' });
    expect(await venue('tests:lieu-marseille')).toMatchObject({ departement: '13' });
  });

  it("reports are listed to and applied by the coordinators of the place's territory, not of the reporting tablet", async () => {
    const tablet = await givenEnrolledDevice(hub, mine, { ip: '10.9.7.1' });
    const id = randomUUID();
    await createVenueReport(hub.database.db, { id, structureId: mine.id, deviceId: tablet.deviceId, mediatorId: tablet.mediatorId, venueId: 'tests:lieu-lille', field: 'telephone', proposed: '0320000000' });
    const listed = async (who: StaffSession) =>
      ((await hub.app.inject({ method: 'GET', url: '/api/v1/admin/venue-reports', headers: { cookie: who.cookie } })).json() as { reports: { id: string }[] }).reports.map((r) => r.id);
    expect(await listed(coordinator)).not.toContain(id);
    expect(await listed(coordTheirs)).toContain(id);
    expect(await listed(admin)).toContain(id);
    for (const action of ['apply', 'dismiss']) {
      const res = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/venue-reports/${id}/${action}`, headers: coordinator.headers });
      expect(res.statusCode, action).toBe(404);
    }
    const applied = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/venue-reports/${id}/apply`, headers: coordTheirs.headers });
    expect(applied.statusCode).toBe(200);
  });

  it("a structure's départements are changed by an admin only (coordinator 403; other fields still saved)", async () => {
    const widen = await hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/structures/${mine.id}`, headers: coordinator.headers, payload: { departements: ['13', '59'] } });
    expect(widen.statusCode).toBe(403);
    expect(problemOf(widen).errors?.[0]?.path).toBe('departements');
    const same = await hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/structures/${mine.id}`, headers: coordinator.headers, payload: { departements: ['13'], kioskIdleSeconds: 200 } });
    expect(same.statusCode).toBe(200);
    const other = await hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/structures/${mine.id}`, headers: coordinator.headers, payload: { kioskIdleSeconds: 240 } });
    expect(other.statusCode).toBe(200);
    const byAdmin = await hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/structures/${mine.id}`, headers: admin.headers, payload: { departements: ['13', '84'] } });
    expect(byAdmin.statusCode).toBe(200);
    expect((byAdmin.json() as { departements: string[] }).departements).toEqual(['13', '84']);
  });
});
