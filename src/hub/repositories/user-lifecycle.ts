import type { DB } from '../db/schema.ts';
import { hashPassword } from '../lib/crypto.ts';
import { nowIso } from '../lib/time.ts';
import { normaliseEmail } from './users.ts';

// Account lifecycle (issue #12): disable / enable, structures, password, sessions.

export async function findUserIdByEmail(db: DB, email: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('id').where('email', '=', normaliseEmail(email)).executeTakeFirst())?.id;
}

/** Disables (and ends every session of) or re-enables an account. False when unknown. */
export async function setUserDisabled(db: DB, userId: string, disabled: boolean): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('users').set({ disabled_at: disabled ? nowIso() : null }).where('id', '=', userId).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    return true;
  });
}

/** Replaces the structures of an account. */
export async function setUserStructures(db: DB, userId: string, structureIds: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('user_structures').where('user_id', '=', userId).execute();
    for (const sid of [...new Set(structureIds)]) await trx.insertInto('user_structures').values({ user_id: userId, structure_id: sid }).execute();
  });
}

/** Sets a new password and ends every session of the account but `keepSessionId` (the caller's own). */
export async function setUserPassword(db: DB, userId: string, password: string, keepSessionId?: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
    let q = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepSessionId) q = q.where('id', '!=', keepSessionId);
    await q.execute();
  });
}

/** Ends every session of an account; returns how many. */
export async function revokeUserSessions(db: DB, userId: string): Promise<number> {
  const res = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/**
 * Replaces a hash made with older parameters by one with today's, keeping the sessions. Only
 * when the stored hash is still `oldHash` (a concurrent password change wins).
 */
export async function rehashPassword(db: DB, userId: string, oldHash: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).where('password_hash', '=', oldHash).execute();
}

/** Remembers when the account last logged in (shown on the accounts screen). */
export async function recordLogin(db: DB, userId: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: nowIso() }).where('id', '=', userId).execute();
}
