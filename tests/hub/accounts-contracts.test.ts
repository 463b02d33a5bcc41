import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountListSchema, AccountSchema, PASSWORD_MAX, PASSWORD_MIN } from '../../src/shared/admin-api/accounts.ts';
import { createUser } from '../../src/hub/repositories/users.ts';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';

// The accounts routes declare their zod contracts (src/shared/admin-api/accounts.ts): answers
// match them (last login included), and each bound is tested at and beyond its limit.

describe.each(DIALECTS)('account route contracts on %s', (dialect) => {
  let hub: TestHub;
  let admin: StaffSession;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    admin = await givenStaff(hub, 'admin');
  });
  afterAll(async () => hub?.close());

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, who: StaffSession, payload?: object) => hub.app.inject({ method, url, headers: who.headers, payload });

  it('lists accounts as the shared schema says, with the last login', async () => {
    const res = await inject('GET', '/api/v1/admin/users', admin);
    expect(res.statusCode).toBe(200);
    const body = AccountListSchema.parse(res.json());
    const me = body.users.find((u) => u.role === 'admin')!;
    expect(me.lastLoginAt).toBeTruthy();
    expect(me.disabledAt).toBeNull();
  });

  it('own password: new one of 11 or 1025 characters refused, 12 and 1024 accepted; unknown fields refused', async () => {
    const s = await givenStructure(hub, 'Centre', ['13']);
    const email = `own-${dialect}@test.fr`;
    let current = 'correct horse battery';
    await createUser(hub.database.db, { email, password: current, role: 'coordinator', structureIds: [s.id] });
    const login = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: current }, remoteAddress: '10.50.0.1' });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const csrf = (await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json().csrfToken as string;
    const who = { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
    const change = (newPassword: string, extra: object = {}) => inject('POST', '/api/v1/auth/password', who, { currentPassword: current, newPassword, ...extra });

    expect((await change('a'.repeat(PASSWORD_MIN - 1))).statusCode).toBe(400);
    expect((await change('b'.repeat(PASSWORD_MAX + 1))).statusCode).toBe(400);
    expect((await change('c'.repeat(PASSWORD_MIN), { role: 'admin' })).statusCode).toBe(400);
    expect((await change('d'.repeat(PASSWORD_MIN))).statusCode).toBe(204);
    current = 'd'.repeat(PASSWORD_MIN);
    expect((await change('e'.repeat(PASSWORD_MAX))).statusCode).toBe(204);
    current = 'e'.repeat(PASSWORD_MAX);
    const again = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: current }, remoteAddress: '10.50.0.1' });
    expect(again.statusCode).toBe(204);
  });

  it('structures: 200 ids at most, an unknown one refused, the answer is the account', async () => {
    const s = await givenStructure(hub, 'Centre', ['13']);
    const user = await createUser(hub.database.db, { email: `scope-${dialect}@test.fr`, password: 'correct horse battery', role: 'coordinator', structureIds: [s.id] });
    const put = (structureIds: string[]) => inject('PUT', `/api/v1/admin/users/${user.id}/structures`, admin, { structureIds });
    expect((await put(Array.from({ length: 201 }, () => s.id))).statusCode).toBe(400);
    const at = await put(Array.from({ length: 200 }, () => s.id)); // duplicates collapse
    expect(at.statusCode).toBe(200);
    expect(AccountSchema.parse(at.json()).structureIds).toEqual([s.id]);
    expect((await put(['does-not-exist'])).statusCode).toBe(400);
    // Refusals are plain French problem+json, wrong types and unknown fields included.
    const wrongType = await inject('PUT', `/api/v1/admin/users/${user.id}/structures`, admin, { structureIds: 'x' });
    expect(problemOf(wrongType)).toMatchObject({ status: 400, detail: expect.stringContaining('Une liste de structures est attendue.') });
    const unknownField = await inject('PUT', `/api/v1/admin/users/${user.id}/structures`, admin, { structureIds: [s.id], role: 'admin' });
    expect(problemOf(unknownField)).toMatchObject({ status: 400, detail: expect.stringContaining('Champ inconnu : role.') });
    expect((await put([])).statusCode).toBe(400);
    // An id: up to 100 characters (the router's parameter limit), beyond that 414.
    expect((await inject('POST', `/api/v1/admin/users/${'x'.repeat(100)}/disable`, admin)).statusCode).toBe(404);
    expect((await inject('POST', `/api/v1/admin/users/${'x'.repeat(101)}/disable`, admin)).statusCode).toBe(414);
    expect((await inject('POST', '/api/v1/admin/users/unknown-id/disable', admin)).statusCode).toBe(404);
  });

  it('an admin cannot disable its own account', async () => {
    const list = AccountListSchema.parse((await inject('GET', '/api/v1/admin/users', admin)).json());
    const self = list.users.find((u) => u.role === 'admin')!;
    expect((await inject('POST', `/api/v1/admin/users/${self.id}/disable`, admin)).statusCode).toBe(409);
  });
});
