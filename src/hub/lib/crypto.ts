import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

/** Hex sha256, used to store tokens so a database leak gives no usable credential. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A URL-safe random token of `bytes` bytes (default 32 = 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

// scrypt N=2^17, r=8, p=1 (OWASP's minimum): 128 MiB and ~0.5 s of one core per hash. The
// parameters are stored in each hash (`scrypt$N$r$p$salt$key`), so hashes made with older
// parameters still verify and are re-hashed at the next successful login (needsRehash).
export const SCRYPT_DEFAULT_N = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 32;
/** Largest accepted stored cost (256 MiB): a forged hash with a huge N must not exhaust the memory. */
const MAX_N = 2 ** 18;

/**
 * The cost of new hashes. Always 2^17, except in the test runner (VITEST set), where
 * KARIOLE_TEST_SCRYPT_N may lower it to keep the suite fast; a test checks the default.
 */
export function scryptCost(env: NodeJS.ProcessEnv = process.env): number {
  const lowered = env.VITEST ? Number(env.KARIOLE_TEST_SCRYPT_N) : NaN;
  return Number.isInteger(lowered) && lowered >= 1024 && (lowered & (lowered - 1)) === 0 ? lowered : SCRYPT_DEFAULT_N;
}

/** Room for one hash: 128 * N * r bytes plus slack (Node's default maxmem is 32 MiB). */
const maxmemFor = (n: number, r: number) => 128 * n * r + 16 * 1024 * 1024;

// At most two hashes at a time: each takes 128 MiB, so a burst of logins cannot take the
// process's memory (the others wait their turn).
const SLOTS = 2;
let busy = 0;
const waiting: (() => void)[] = [];
async function withSlot<T>(run: () => Promise<T>): Promise<T> {
  if (busy >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else busy++;
  try {
    return await run();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else busy--;
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const N = scryptCost();
  const key = await withSlot(() => scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: maxmemFor(N, R) }));
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parseHash(stored: string) {
  const [kind, n, r, p, salt, key] = stored.split('$');
  const N = Number(n);
  const rr = Number(r);
  const pp = Number(p);
  if (kind !== 'scrypt' || !salt || !key) return undefined;
  if (!Number.isInteger(N) || N < 2 || N > MAX_N || (N & (N - 1)) !== 0) return undefined;
  if (!Number.isInteger(rr) || rr < 1 || rr > 32 || !Number.isInteger(pp) || pp < 1 || pp > 16) return undefined;
  return { N, r: rr, p: pp, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parseHash(stored);
  if (!h || h.key.length === 0) return false;
  const got = await withSlot(() => scrypt(password, h.salt, h.key.length, { N: h.N, r: h.r, p: h.p, maxmem: maxmemFor(h.N, h.r) }));
  return got.length === h.key.length && timingSafeEqual(got, h.key);
}

/** True when a stored hash was made with other parameters than today's (re-hash it at login). */
export function needsRehash(stored: string): boolean {
  const h = parseHash(stored);
  return !h || h.N !== scryptCost() || h.r !== R || h.p !== P || h.key.length !== KEYLEN;
}

/** A hash of nothing with today's parameters: verifying against it costs what a real check costs. */
export function dummyHash(): string {
  return `scrypt$${scryptCost()}$${R}$${P}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
}

const PASSWORD_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A strong password that is still readable aloud (no look-alike characters). */
export function generatePassword(length = 16): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length];
  return out;
}
