import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type TestHub } from '../helpers/hub.ts';
import { seedDemoIfEmpty } from '../../src/hub/seed/index.ts';
import { countUsers } from '../../src/hub/repositories/users.ts';
import { getMeta, setMeta } from '../../src/hub/repositories/meta.ts';

describe.each(DIALECTS)('hub foundation on %s', (dialect) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await givenHub(dialect);
  });
  afterAll(async () => hub?.close());

  it('answers health with the dialect and version', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: dialect, version: expect.any(String) });
  });

  it('sends security headers with a CSP that forbids inline scripts and framing', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(problemOf(res).title).toBeTruthy();
  });

  it('answers malformed JSON with a 400 problem, never a 500', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(problemOf(res).status).toBe(400);
    expect(problemOf(res).errors).toEqual([{ path: '(corps)', message: "Le corps de la requête n'est pas un JSON valide." }]);
  });

  it('refuses a prototype-poisoning body with a French 400 that names the body', async () => {
    for (const payload of ['{"__proto__": {"admin": true}}', '{"constructor": {"prototype": {"admin": true}}}']) {
      const res = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(400);
      expect(problemOf(res).detail).toBe("Le corps de la requête n'est pas un JSON valide.");
      expect(problemOf(res).errors?.[0]?.path).toBe('(corps)');
    }
  });

  it('logs a coordinator in with an HttpOnly SameSite=Lax cookie and rejects a wrong password', async () => {
    const s = await givenStaff(hub, 'admin');
    expect(s.cookie).toMatch(/^kariole_session=/);
    const bad = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@test.fr', password: 'x' } });
    expect(bad.statusCode).toBe(401);
    const me = await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.json()).toMatchObject({ role: 'admin' });
    const out = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const after = await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('rejects a login body of the wrong shape with the field named', async () => {
    const res = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 42 } });
    expect(res.statusCode).toBe(400);
    const p = problemOf(res);
    expect(p.errors?.map((e) => e.path)).toContain('email');
  });

  it('seeds demo data only on an empty database, never over real data', async () => {
    await givenStructure(hub, 'Structure réelle');
    expect(await seedDemoIfEmpty(hub.database.db)).toBeUndefined();
    expect(await getMeta(hub.database.db, 'demo_seeded_at')).toBeUndefined();
    await setMeta(hub.database.db, 'probe', '1');
    expect(await getMeta(hub.database.db, 'probe')).toBe('1');
    expect(await countUsers(hub.database.db)).toBeGreaterThanOrEqual(1);
  });
});
