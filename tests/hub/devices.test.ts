import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type TestHub } from '../helpers/hub.ts';
import { createEnrolmentCode } from '../../src/hub/repositories/devices.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { sha256 } from '../../src/hub/lib/crypto.ts';
import { anActivity, givenEnrolledDevice, push } from './sync-helpers.ts';

let ipSeq = 0;
const freshIp = () => `10.1.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

describe.each(DIALECTS)('devices on %s', (dialect) => {
  let hub: TestHub;
  let structure: Structure;
  let elsewhere: Structure;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    structure = await givenStructure(hub, 'Espace numérique de Salon', ['13']);
    elsewhere = await givenStructure(hub, 'Médiathèque d’Avignon', ['84']);
  });
  afterAll(async () => hub?.close());

  const enrol = (payload: unknown, ip = freshIp()) => hub.app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: payload as object, remoteAddress: ip });

  describe('enrolment', () => {
    it('enrols with a code and gives a random token stored only as a hash', async () => {
      const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id, mediatorLabel: 'Awa' });
      const res = await enrol({ code, deviceLabel: 'Tablette accueil' });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ deviceId: expect.any(String), structure: { id: structure.id, name: structure.name }, mediatorId: expect.any(String) });
      expect(Buffer.from(body.token, 'base64url').length).toBeGreaterThanOrEqual(16);
      const row = await hub.database.db.selectFrom('devices').selectAll().where('id', '=', body.deviceId).executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(sha256(body.token));
      expect(JSON.stringify(row)).not.toContain(body.token);
      expect(row.label).toBe('Tablette accueil');
    });

    it('forgives case, spaces, dashes and look-alike characters', async () => {
      const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id });
      const typed = ` ${code.slice(0, 4).toLowerCase()} - ${code.slice(4)} `;
      expect((await enrol({ code: typed })).statusCode).toBe(201);
      // A code holding D is accepted when typed with O or 0 instead.
      const withD = 'D7K3M9QR';
      await hub.database.db
        .insertInto('enrolment_codes')
        .values({ code: withD, structure_id: structure.id, mediator_label: null, created_at: new Date().toISOString(), expires_at: new Date(Date.now() + 3600_000).toISOString(), used_at: null })
        .execute();
      expect((await enrol({ code: 'o7k3-m9qr' })).statusCode).toBe(201);
    });

    it('refuses a wrong, used or expired code with a clear 400 naming the code', async () => {
      const unknown = await enrol({ code: 'ZZZZZZZZ' });
      expect(unknown.statusCode).toBe(400);
      expect(problemOf(unknown).errors?.[0]?.path).toBe('code');
      expect(problemOf(unknown).detail).toMatch(/n'existe pas/);

      const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id });
      expect((await enrol({ code })).statusCode).toBe(201);
      const used = await enrol({ code });
      expect(used.statusCode).toBe(400);
      expect(problemOf(used).detail).toMatch(/déjà servi/);

      const expired = await createEnrolmentCode(hub.database.db, { structureId: structure.id, ttlHours: -1 });
      const res = await enrol({ code: expired.code });
      expect(res.statusCode).toBe(400);
      expect(problemOf(res).detail).toMatch(/expiré/);

      const shape = await enrol({ code: 42 });
      expect(shape.statusCode).toBe(400);
      expect(problemOf(shape).errors?.map((e) => e.path)).toContain('code');
    });

    it('spends a code once even when two tablets race for it', async () => {
      const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id });
      const answers = await Promise.all([enrol({ code }), enrol({ code }), enrol({ code })]);
      expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(answers.filter((r) => r.statusCode === 400)).toHaveLength(2);
    });

    it('rate-limits repeated wrong codes from one address with 429 and Retry-After', async () => {
      const ip = '192.0.2.77';
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await enrol({ code: 'WRNGCD' + String(i).padStart(2, '2') }, ip)).statusCode);
      expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
      const blocked = await enrol({ code: 'ABCDEFGH' }, ip);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(problemOf(blocked).status).toBe(429);
      // Another address is not affected.
      const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id });
      expect((await enrol({ code })).statusCode).toBe(201);
    });

    it('keeps one mediator id for a named mediator across re-enrolments', async () => {
      const first = await givenEnrolledDevice(hub, structure, { mediatorLabel: 'Karim', ip: freshIp() });
      const second = await givenEnrolledDevice(hub, structure, { mediatorLabel: 'Karim', ip: freshIp() });
      const anonymous = await givenEnrolledDevice(hub, structure, { ip: freshIp() });
      expect(second.mediatorId).toBe(first.mediatorId);
      expect(second.deviceId).not.toBe(first.deviceId);
      expect(anonymous.mediatorId).not.toBe(first.mediatorId);
    });
  });

  describe('admin: enrolment codes, device list, revocation', () => {
    it('lets a coordinator create a code for its structure only (404 elsewhere)', async () => {
      const coord = await givenStaff(hub, 'coordinator', [structure.id]);
      const ok = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/enrolment-codes', headers: coord.headers, payload: { structureId: structure.id, mediatorLabel: 'Léa', ttlHours: 24 } });
      expect(ok.statusCode).toBe(201);
      const { code, expiresAt } = ok.json();
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/);
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
      expect(Date.parse(expiresAt) - Date.now()).toBeLessThan(25 * 3600_000);
      const out = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/enrolment-codes', headers: coord.headers, payload: { structureId: elsewhere.id } });
      expect(out.statusCode).toBe(404);
      const bad = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/enrolment-codes', headers: coord.headers, payload: { structureId: structure.id, ttlHours: 'long' } });
      expect(bad.statusCode).toBe(400);
      expect(problemOf(bad).errors?.map((e) => e.path)).toContain('ttlHours');
      const noCsrf = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/enrolment-codes', headers: { cookie: coord.cookie }, payload: { structureId: structure.id } });
      expect(noCsrf.statusCode).toBe(403);
      const anonymous = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/enrolment-codes', payload: { structureId: structure.id } });
      expect(anonymous.statusCode).toBe(401);
      const admin = await givenStaff(hub, 'admin');
      const missing = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/enrolment-codes', headers: admin.headers, payload: { structureId: 'nope' } });
      expect(missing.statusCode).toBe(404);
    });

    it('lists devices with their sync figures, scoped to the coordinator', async () => {
      const mine = await givenEnrolledDevice(hub, structure, { ip: freshIp(), mediatorLabel: 'Inès' });
      const theirs = await givenEnrolledDevice(hub, elsewhere, { ip: freshIp() });
      await push(hub, mine, [anActivity(), anActivity()]);
      const coord = await givenStaff(hub, 'coordinator', [structure.id]);
      const list = (await hub.app.inject({ method: 'GET', url: '/api/v1/admin/devices', headers: coord.headers })).json().devices as { id: string; structure: { id: string } }[];
      expect(list.map((d) => d.id)).toContain(mine.deviceId);
      expect(list.map((d) => d.id)).not.toContain(theirs.deviceId);
      expect(list.every((d) => d.structure.id === structure.id)).toBe(true);
      expect(list.find((d) => d.id === mine.deviceId)).toMatchObject({
        label: 'Tablette test',
        structure: { id: structure.id, name: structure.name },
        mediator: { id: mine.mediatorId, label: 'Inès' },
        enrolledAt: expect.any(String),
        lastSyncAt: expect.any(String),
        recordsReceived: 2,
        revoked: false,
      });
      const filtered = await hub.app.inject({ method: 'GET', url: `/api/v1/admin/devices?structureId=${elsewhere.id}`, headers: coord.headers });
      expect(filtered.statusCode).toBe(404);
      const admin = await givenStaff(hub, 'admin');
      const all = (await hub.app.inject({ method: 'GET', url: '/api/v1/admin/devices', headers: admin.headers })).json().devices as { id: string }[];
      expect(all.map((d) => d.id)).toEqual(expect.arrayContaining([mine.deviceId, theirs.deviceId]));
    });

    it('revokes a device of its structure (404 outside), after which its token gets 401', async () => {
      const mine = await givenEnrolledDevice(hub, structure, { ip: freshIp() });
      const theirs = await givenEnrolledDevice(hub, elsewhere, { ip: freshIp() });
      const coord = await givenStaff(hub, 'coordinator', [structure.id]);
      const out = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${theirs.deviceId}/revoke`, headers: coord.headers });
      expect(out.statusCode).toBe(404);
      expect((await push(hub, theirs, [anActivity()])).statusCode).toBe(200);
      const unknown = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/devices/unknown/revoke', headers: coord.headers });
      expect(unknown.statusCode).toBe(404);
      const ok = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${mine.deviceId}/revoke`, headers: coord.headers });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ id: mine.deviceId, revoked: true, revokedAt: expect.any(String) });
      expect((await push(hub, mine, [anActivity()])).statusCode).toBe(401);
      const settings = await hub.app.inject({ method: 'GET', url: '/api/v1/sync/settings', headers: mine.auth });
      expect(settings.statusCode).toBe(401);
      const again = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${mine.deviceId}/revoke`, headers: coord.headers });
      expect(again.json().revokedAt).toBe(ok.json().revokedAt);
    });
  });
});
