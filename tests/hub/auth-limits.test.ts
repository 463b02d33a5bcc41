import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/hub/app.ts';
import { parseTrustProxy, readConfig } from '../../src/hub/config.ts';
import { createUser } from '../../src/hub/repositories/users.ts';
import { createEnrolmentCode } from '../../src/hub/repositories/devices.ts';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStructure, problemOf, type TestHub } from '../helpers/hub.ts';

// Issue #12, "limits are bypassed by X-Forwarded-For": forwarded headers are believed only
// from TRUST_PROXY; failed logins and enrolments are counted in the database (shared by
// every instance); an account locks with growing delays; an enrolment code has its own limit;
// successful logins are never counted.

describe('TRUST_PROXY', () => {
  it('is nobody when unset, a hop count, or a list of addresses; true is refused', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.1, 192.168.0.0/16,loopback')).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback']);
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('proxy.example.org')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('99')).toThrow(/TRUST_PROXY/);
  });
});

describe.each(DIALECTS)('login and enrolment limits on %s', (dialect) => {
  let hub: TestHub;
  const password = 'correct horse battery';
  let n = 0;
  const email = () => `user-${++n}-${Math.random().toString(36).slice(2)}@test.fr`;

  beforeAll(async () => {
    hub = await givenHub(dialect);
  });
  afterAll(async () => hub?.close());

  const login = (app: TestHub['app'], mail: string, pw: string, headers: Record<string, string> = {}, remoteAddress = '10.20.0.1') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: mail, password: pw }, headers, remoteAddress });

  it('ignores a forged X-Forwarded-For: wrong passwords from one socket are limited', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 24; i++) codes.push((await login(hub.app, email(), 'wrong', { 'x-forwarded-for': `198.51.100.${i}` }, '10.20.1.1')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429, 429, 429]);
  });

  it('locks an account after 5 wrong passwords from anywhere, with growing delays, even for the right password', async () => {
    const mail = email();
    await createUser(hub.database.db, { email: mail, password, role: 'admin' });
    for (let i = 0; i < 5; i++) expect((await login(hub.app, mail, 'wrong', {}, `10.21.0.${i}`)).statusCode).toBe(401);
    const locked = await login(hub.app, mail, password, {}, '10.21.1.1');
    expect(locked.statusCode).toBe(429);
    const first = Number(locked.headers['retry-after']);
    expect(first).toBeGreaterThanOrEqual(25);
    expect(problemOf(locked).detail).toMatch(/compte/);
    // The lock expires (moved back in time), one more failure locks for longer.
    await hub.database.db.updateTable('auth_attempts').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).execute();
    expect((await login(hub.app, mail, 'wrong', {}, '10.21.2.1')).statusCode).toBe(401);
    const again = await login(hub.app, mail, password, {}, '10.21.2.2');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(first);
  });

  it('never counts successful logins', async () => {
    const mail = email();
    await createUser(hub.database.db, { email: mail, password, role: 'admin' });
    for (let i = 0; i < 12; i++) expect((await login(hub.app, mail, password, {}, '10.22.0.1')).statusCode).toBe(204);
  });

  it('shares the counters between two instances on the same database', async () => {
    const other = await buildApp({ config: { ...readConfig({}), distDir: '/nonexistent-dist', seedDemo: false }, db: hub.database.db, dialect, logger: false });
    try {
      const mail = email();
      await createUser(hub.database.db, { email: mail, password, role: 'admin' });
      for (let i = 0; i < 3; i++) expect((await login(hub.app, mail, 'wrong', {}, `10.23.0.${i}`)).statusCode).toBe(401);
      for (let i = 0; i < 2; i++) expect((await login(other, mail, 'wrong', {}, `10.23.1.${i}`)).statusCode).toBe(401);
      expect((await login(hub.app, mail, password, {}, '10.23.2.1')).statusCode).toBe(429);
      expect((await login(other, mail, password, {}, '10.23.2.2')).statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  const enrol = (code: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    hub.app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: { code, deviceLabel: 'Tablette' }, remoteAddress, headers });

  it('limits wrong enrolment codes per socket whatever X-Forwarded-For says, and per code value', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await enrol(`ABCD${String(2000 + i).replace(/[01]/g, '3')}`.slice(0, 8), '10.24.0.1', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    // One code tried from many addresses: 5 tries, then 429 (even a code that exists, once used).
    const structure = await givenStructure(hub, 'Centre', ['13']);
    const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id, mediatorLabel: null });
    expect((await enrol(code, '10.25.0.1')).statusCode).toBe(201);
    const again: number[] = [];
    for (let i = 0; i < 7; i++) again.push((await enrol(code, `10.25.1.${i}`)).statusCode);
    expect(again).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });
});

describe.each(DIALECTS)('with TRUST_PROXY=1 on %s', (dialect) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await givenHub(dialect, { env: { TRUST_PROXY: '1' } });
  });
  afterAll(async () => hub?.close());

  it('counts per forwarded client address behind the trusted proxy, and sends HSTS for forwarded TLS', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `x${i}@test.fr`, password: 'wrong' }, headers: { 'x-forwarded-for': i < 20 ? '198.51.100.7' : '198.51.100.8' }, remoteAddress: '10.0.0.1' });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(401);
    expect((await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'y@test.fr', password: 'wrong' }, headers: { 'x-forwarded-for': '198.51.100.7' }, remoteAddress: '10.0.0.1' })).statusCode).toBe(429);
    const tls = await hub.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '10.0.0.1' });
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const plain = await hub.app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '10.0.0.1' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});
