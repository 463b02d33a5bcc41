import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRYPT_DEFAULT_N, hashPassword, needsRehash, scryptCost, verifyPassword } from '../../src/hub/lib/crypto.ts';
import { createUser, findUserForLogin } from '../../src/hub/repositories/users.ts';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, type TestHub } from '../helpers/hub.ts';

// Issue #12: scrypt at N = 2^17 (OWASP), parameters stored in the hash, transparent re-hash on
// login of hashes made with older parameters. This file runs with the production cost: the
// suite's lower test cost (KARIOLE_TEST_SCRYPT_N) is removed here.
delete process.env.KARIOLE_TEST_SCRYPT_N;

/** A hash as the hub made them before: N = 2^15. */
function oldHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$32768$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

describe('password hashing parameters', () => {
  it('defaults to N = 2^17, r = 8, p = 1; the test-only lower cost needs the test runner', async () => {
    expect(SCRYPT_DEFAULT_N).toBe(131072);
    expect(scryptCost({})).toBe(131072);
    expect(scryptCost({ KARIOLE_TEST_SCRYPT_N: '1024' })).toBe(131072); // outside vitest: ignored
    expect(scryptCost({ VITEST: 'true', KARIOLE_TEST_SCRYPT_N: '1024' })).toBe(1024);
    expect(scryptCost({ VITEST: 'true', KARIOLE_TEST_SCRYPT_N: '1000' })).toBe(131072); // not a power of two
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('wrong horse battery', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
    expect(needsRehash(oldHash('x'))).toBe(true);
  });

  it('refuses a stored hash whose cost would exhaust the memory instead of computing it', async () => {
    const huge = `scrypt$${2 ** 24}$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    expect(await verifyPassword('x', huge)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$abc$8$1$AA$AA')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });
});

describe.each(DIALECTS)('re-hash on login on %s', (dialect) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await givenHub(dialect);
  });
  afterAll(async () => hub?.close());

  const login = (email: string, password: string) =>
    hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: '10.40.0.1' });

  it('a user with an old 2^15 hash logs in: the stored hash becomes 2^17 and still logs in', async () => {
    const email = 'old-hash@test.fr';
    const password = 'an old but good passphrase';
    const user = await createUser(hub.database.db, { email, password: 'placeholder password', role: 'coordinator' });
    const before = oldHash(password);
    await hub.database.db.updateTable('users').set({ password_hash: before }).where('id', '=', user.id).execute();

    expect((await login(email, 'not the passphrase')).statusCode).toBe(401);
    expect((await findUserForLogin(hub.database.db, email))!.password_hash).toBe(before); // no re-hash on a failure

    expect((await login(email, password)).statusCode).toBe(204);
    const after = (await findUserForLogin(hub.database.db, email))!.password_hash;
    expect(after).not.toBe(before);
    expect(after.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect((await login(email, password)).statusCode).toBe(204);
    expect((await findUserForLogin(hub.database.db, email))!.password_hash).toBe(after); // not re-hashed again
    expect((await login(email, 'not the passphrase')).statusCode).toBe(401);
  });

  it('records the last login of the account', async () => {
    const email = 'last-login@test.fr';
    await createUser(hub.database.db, { email, password: 'correct horse battery', role: 'coordinator' });
    expect((await findUserForLogin(hub.database.db, email))!.last_login_at).toBeNull();
    expect((await login(email, 'correct horse battery')).statusCode).toBe(204);
    const at = (await findUserForLogin(hub.database.db, email))!.last_login_at;
    expect(at && Math.abs(Date.parse(at) - Date.now())).toBeLessThan(60_000);
  });
});
