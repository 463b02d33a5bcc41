import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { DB } from '../db/schema.ts';
import { randomToken, sha256 } from '../lib/crypto.ts';
import type { ApiScope } from '../../shared/coop-api/scopes.ts';
import { API_SCOPES } from '../../shared/coop-api/scopes.ts';

// Machine clients of the Coop-compatible read API. The secret is 256 random bits shown once;
// the hub keeps its sha256 (like device tokens: a secret of that entropy needs no slow hash,
// and every API request checks it).

export interface ApiClient {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = { id: string; name: string; scopes: string; created_at: string; created_by: string | null; last_used_at: string | null; revoked_at: string | null };

const toClient = (r: Row): ApiClient => ({
  id: r.id,
  name: r.name,
  scopes: API_SCOPES.filter((s) => r.scopes.split(',').includes(s)),
  createdAt: r.created_at,
  createdBy: r.created_by,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** Creates a client; the secret is returned here and never again. */
export async function createApiClient(db: DB, input: { name: string; scopes: ApiScope[]; createdBy: string | null }): Promise<{ client: ApiClient; secret: string }> {
  const id = randomUUID();
  const secret = randomToken(32);
  const row = { id, name: input.name, scopes: input.scopes.join(','), created_at: new Date().toISOString(), created_by: input.createdBy, last_used_at: null, revoked_at: null };
  await db.insertInto('api_clients').values({ ...row, secret_hash: sha256(secret) }).execute();
  return { client: toClient(row), secret };
}

export async function listApiClients(db: DB): Promise<ApiClient[]> {
  const rows = await db
    .selectFrom('api_clients')
    .select(['id', 'name', 'scopes', 'created_at', 'created_by', 'last_used_at', 'revoked_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toClient);
}

/** Revokes a client (its requests get 401 from then on); false when no such active client. */
export async function revokeApiClient(db: DB, id: string): Promise<boolean> {
  if (id.includes('\u0000') || id.length > 200) return false;
  const res = await db.updateTable('api_clients').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The active client these credentials name, or undefined (unknown id, wrong secret, revoked). */
export async function authenticateApiClient(db: DB, id: string, secret: string): Promise<ApiClient | undefined> {
  if (id.length > 200 || secret.length > 200 || id.includes('\u0000')) return undefined;
  const row = await db
    .selectFrom('api_clients')
    .select(['id', 'name', 'scopes', 'secret_hash', 'created_at', 'created_by', 'last_used_at', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.revoked_at) return undefined;
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(row.secret_hash, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  return toClient(row);
}

/** Notes the client's last use, at most once a minute (no write per page of a long crawl). */
export async function touchApiClient(db: DB, client: ApiClient, now: Date): Promise<void> {
  if (client.lastUsedAt && now.getTime() - Date.parse(client.lastUsedAt) < 60_000) return;
  await db.updateTable('api_clients').set({ last_used_at: now.toISOString() }).where('id', '=', client.id).execute();
}
