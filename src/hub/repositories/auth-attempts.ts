import { sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { sha256 } from '../lib/crypto.ts';

// Failed attempts kept in the database (shared by every instance of the hub). Two policies:
// - a window: after `max` failures within `windowMs`, wait until the window ends;
// - growing delays (an account): from the `max`-th failure on, wait base × 2^(n - max), capped.
// A success never counts; an account's counter is cleared by its successful login.

export interface AttemptPolicy {
  max: number;
  windowMs: number;
  /** growing delays instead of a fixed window */
  growing?: { baseMs: number; capMs: number };
}

/** Wrong passwords from one address: 20 per 15 minutes. */
export const LOGIN_ADDRESS: AttemptPolicy = { max: 20, windowMs: 15 * 60_000 };
/** Wrong passwords on one account: from the 5th, 30 s, 1 min, 2 min… up to 15 min; forgotten after a day. */
export const LOGIN_ACCOUNT: AttemptPolicy = { max: 5, windowMs: 24 * 3600_000, growing: { baseMs: 30_000, capMs: 15 * 60_000 } };
/** Wrong enrolment codes from one address: 10 per 15 minutes. */
export const ENROL_ADDRESS: AttemptPolicy = { max: 10, windowMs: 15 * 60_000 };
/** Attempts on one enrolment code value: 5 per hour. */
export const ENROL_CODE: AttemptPolicy = { max: 5, windowMs: 3600_000 };

const keyOf = (kind: string, value: string) => sha256(`${kind}:${value}`);

/** Seconds to wait before another attempt on this key (0: go ahead). */
export async function attemptWait(db: DB, kind: string, value: string, now = Date.now()): Promise<number> {
  const row = await db.selectFrom('auth_attempts').select('locked_until').where('key', '=', keyOf(kind, value)).executeTakeFirst();
  if (!row?.locked_until) return 0;
  const ms = Date.parse(row.locked_until) - now;
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** Counts a failure (atomically, whatever the instance) and sets the lock the policy asks for. */
export async function recordFailure(db: DB, kind: string, value: string, policy: AttemptPolicy, now = Date.now()): Promise<void> {
  const key = keyOf(kind, value);
  const at = new Date(now).toISOString();
  const cutoff = new Date(now - policy.windowMs).toISOString();
  const row = await db
    .insertInto('auth_attempts')
    .values({ key, failures: 1, first_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`CASE WHEN auth_attempts.first_at < ${cutoff} THEN 1 ELSE auth_attempts.failures + 1 END`,
        first_at: sql`CASE WHEN auth_attempts.first_at < ${cutoff} THEN ${at} ELSE auth_attempts.first_at END`,
      }),
    )
    .returning(['failures', 'first_at'])
    .executeTakeFirstOrThrow();
  const failures = Number(row.failures);
  if (failures >= policy.max) {
    const until = policy.growing
      ? now + Math.min(policy.growing.capMs, policy.growing.baseMs * 2 ** Math.min(failures - policy.max, 20))
      : Date.parse(row.first_at) + policy.windowMs;
    await db.updateTable('auth_attempts').set({ locked_until: new Date(until).toISOString() }).where('key', '=', key).execute();
  }
  // Old counters go away with the traffic that makes new ones (bounded table).
  if (Math.random() < 0.02) {
    const dayAgo = new Date(now - 24 * 3600_000).toISOString();
    await db.deleteFrom('auth_attempts').where('first_at', '<', dayAgo).where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)])).execute();
  }
}

/** Forgets the failures of a key (an account's, after a successful login). */
export async function clearFailures(db: DB, kind: string, value: string): Promise<void> {
  await db.deleteFrom('auth_attempts').where('key', '=', keyOf(kind, value)).execute();
}
