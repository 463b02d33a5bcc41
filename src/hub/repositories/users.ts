import { randomUUID } from 'node:crypto';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../lib/crypto.ts';
import { addHours, nowIso } from '../lib/time.ts';

export type Role = 'admin' | 'coordinator';

export interface User {
  id: string;
  email: string;
  role: Role;
  /** structures a coordinator may see; empty for admins (who see all) */
  structureIds: string[];
  /** when an admin disabled the account (it can neither log in nor use its sessions) */
  disabledAt?: string | null;
  /** when the account last logged in (null: not since this was recorded) */
  lastLoginAt?: string | null;
}

export class DuplicateEmailError extends Error {}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(
  db: DB,
  input: { email: string; password: string; role: Role; structureIds?: string[] },
): Promise<User> {
  const email = normaliseEmail(input.email);
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new DuplicateEmailError(`Un compte existe déjà pour ${email}.`);
  const id = randomUUID();
  const password_hash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values({ id, email, password_hash, role: input.role, created_at: nowIso(), disabled_at: null, last_login_at: null }).execute();
    for (const sid of input.structureIds ?? []) {
      await trx.insertInto('user_structures').values({ user_id: id, structure_id: sid }).execute();
    }
  });
  return { id, email, role: input.role, structureIds: input.structureIds ?? [] };
}

export async function findUserForLogin(db: DB, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function getUser(db: DB, id: string): Promise<User | undefined> {
  const u = await db.selectFrom('users').select(['id', 'email', 'role', 'disabled_at', 'last_login_at']).where('id', '=', id).executeTakeFirst();
  if (!u) return undefined;
  const links = await db.selectFrom('user_structures').select('structure_id').where('user_id', '=', id).execute();
  return { id: u.id, email: u.email, role: u.role, structureIds: links.map((l) => l.structure_id), disabledAt: u.disabled_at, lastLoginAt: u.last_login_at };
}

export async function listUsers(db: DB): Promise<User[]> {
  const users = await db.selectFrom('users').select(['id', 'email', 'role', 'disabled_at', 'last_login_at']).orderBy('email').execute();
  const links = await db.selectFrom('user_structures').selectAll().execute();
  return users.map((u) => ({ id: u.id, email: u.email, role: u.role, structureIds: links.filter((l) => l.user_id === u.id).map((l) => l.structure_id), disabledAt: u.disabled_at, lastLoginAt: u.last_login_at }));
}

export async function countUsers(db: DB): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

const SESSION_HOURS = 12;

export async function createSession(db: DB, input: { idHash: string; userId: string; csrfToken: string }) {
  const now = nowIso();
  await db
    .insertInto('sessions')
    .values({ id: input.idHash, user_id: input.userId, csrf_token: input.csrfToken, created_at: now, expires_at: addHours(now, SESSION_HOURS) })
    .execute();
}

export async function findSession(db: DB, idHash: string) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', idHash)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();
}

export async function deleteSession(db: DB, idHash: string) {
  await db.deleteFrom('sessions').where('id', '=', idHash).execute();
}
