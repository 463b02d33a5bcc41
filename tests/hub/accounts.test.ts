import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/hub/cli/commands.ts';
import type { CommandContext } from '../../src/hub/cli/context.ts';
import { readConfig } from '../../src/hub/config.ts';
import { createUser, findUserForLogin } from '../../src/hub/repositories/users.ts';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, type StaffSession, type TestHub } from '../helpers/hub.ts';

// Issue #12, account lifecycle: disable / enable, structures, password reset, sessions revoked
// — admin API (coordinators: their own password only) and CLI.

describe.each(DIALECTS)('account lifecycle on %s', (dialect) => {
  let hub: TestHub;
  let admin: StaffSession;
  const password = 'correct horse battery';

  beforeAll(async () => {
    hub = await givenHub(dialect);
    admin = await givenStaff(hub, 'admin');
  });
  afterAll(async () => hub?.close());

  const login = async (email: string, pw: string) => {
    const res = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: pw }, remoteAddress: '10.30.0.1' });
    const raw = res.headers['set-cookie'];
    const cookie = raw ? String(Array.isArray(raw) ? raw[0] : raw).split(';')[0]! : '';
    const me = cookie ? ((await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json() as { csrfToken: string }) : undefined;
    return { status: res.statusCode, cookie, headers: { cookie, 'x-csrf-token': me?.csrfToken ?? '' } };
  };
  const meStatus = async (cookie: string) => (await hub.app.inject({ method: 'GET', url: '/api/v1/stats', headers: { cookie } })).statusCode;
  const aCoordinator = async () => {
    const s = await givenStructure(hub, 'Centre', ['13']);
    const email = `c-${Math.random().toString(36).slice(2)}@test.fr`;
    const user = await createUser(hub.database.db, { email, password, role: 'coordinator', structureIds: [s.id] });
    return { email, user, structure: s };
  };
  const post = (who: { headers: Record<string, string> }, url: string, payload?: object) => hub.app.inject({ method: 'POST', url, headers: who.headers, payload });

  it('disabling ends open sessions at once and refuses logins; enabling lets the account back in', async () => {
    const { email, user } = await aCoordinator();
    const session = await login(email, password);
    expect(await meStatus(session.cookie)).toBe(200);
    expect((await post(admin, `/api/v1/admin/users/${user.id}/disable`)).statusCode).toBe(200);
    expect(await meStatus(session.cookie)).toBe(401);
    expect((await login(email, password)).status).toBe(403);
    const listed = (await hub.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { cookie: admin.cookie } })).json() as { users: { id: string; disabledAt: string | null }[] };
    expect(listed.users.find((u) => u.id === user.id)?.disabledAt).toBeTruthy();
    expect((await post(admin, `/api/v1/admin/users/${user.id}/enable`)).statusCode).toBe(200);
    expect((await login(email, password)).status).toBe(204);
  });

  it('resets a password (old one refused, every session ended) and revokes sessions', async () => {
    const { email, user } = await aCoordinator();
    const session = await login(email, password);
    const reset = await post(admin, `/api/v1/admin/users/${user.id}/reset-password`);
    const fresh = (reset.json() as { password: string }).password;
    expect(fresh).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await meStatus(session.cookie)).toBe(401);
    expect((await login(email, password)).status).toBe(401);
    const again = await login(email, fresh);
    expect(again.status).toBe(204);
    expect((await post(admin, `/api/v1/admin/users/${user.id}/revoke-sessions`)).json()).toEqual({ revoked: 1 });
    expect(await meStatus(again.cookie)).toBe(401);
  });

  it('changes structures; coordinators get 403 on every account action but may change their own password', async () => {
    const { email, user, structure } = await aCoordinator();
    const other = await givenStructure(hub, 'Autre', ['59']);
    const put = await hub.app.inject({ method: 'PUT', url: `/api/v1/admin/users/${user.id}/structures`, headers: admin.headers, payload: { structureIds: [other.id] } });
    expect((put.json() as { structureIds: string[] }).structureIds).toEqual([other.id]);
    const coordinator = await givenStaff(hub, 'coordinator', [structure.id]);
    for (const action of ['disable', 'enable', 'reset-password', 'revoke-sessions']) expect((await post(coordinator, `/api/v1/admin/users/${user.id}/${action}`)).statusCode).toBe(403);
    expect((await hub.app.inject({ method: 'PUT', url: `/api/v1/admin/users/${user.id}/structures`, headers: coordinator.headers, payload: { structureIds: [structure.id] } })).statusCode).toBe(403);
    // Own password: the current one is required; the other sessions end, this one stays.
    const a = await login(email, password);
    const b = await login(email, password);
    expect((await post(a, '/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'a new long passphrase' })).statusCode).toBe(400);
    expect((await post(a, '/api/v1/auth/password', { currentPassword: password, newPassword: 'a new long passphrase' })).statusCode).toBe(204);
    expect(await meStatus(a.cookie)).toBe(200);
    expect(await meStatus(b.cookie)).toBe(401);
  });

  it('CLI: disable-user, enable-user, reset-password --json, set-structures', async () => {
    const { email } = await aCoordinator();
    const other = await givenStructure(hub, 'Troisième', ['84']);
    const run = async (name: string, flags: Record<string, string>) => {
      const ctx: CommandContext = {
        config: readConfig({}),
        args: { positional: [name], flags },
        json: true,
        database: async () => hub.database,
        say: () => undefined,
      };
      return COMMANDS[name]!.run(ctx);
    };
    await run('disable-user', { email });
    expect((await findUserForLogin(hub.database.db, email))?.disabled_at).toBeTruthy();
    await run('enable-user', { email });
    expect((await findUserForLogin(hub.database.db, email))?.disabled_at).toBeNull();
    const { password: fresh } = (await run('reset-password', { email })) as { password: string };
    expect((await login(email, fresh)).status).toBe(204);
    expect(await run('set-structures', { email, structures: other.id })).toEqual({ email, structureIds: [other.id] });
  });
});
