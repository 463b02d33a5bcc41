import type { DB } from '../db/schema.ts';
import { randomToken } from '../lib/crypto.ts';
import { nowIso } from '../lib/time.ts';
import { MULTI_FILTER_KEYS, StatsFiltersSchema, type StatsFilters } from '../../shared/stats/types.ts';

export interface ShareLink {
  id: string;
  createdBy: string;
  /** structures the link covers, null = the whole hub (made by an admin without a structure filter) */
  structureIds: string[] | null;
  filters: StatsFilters;
  createdAt: string;
  revokedAt: string | null;
}

type Row = { id: string; created_by: string; structure_ids: string | null; filters: string; created_at: string; revoked_at: string | null };

function toLink(r: Row): ShareLink {
  return {
    id: r.id,
    createdBy: r.created_by,
    structureIds: r.structure_ids ? (JSON.parse(r.structure_ids) as string[]) : null,
    filters: storedFilters(r.filters),
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

/**
 * The filters a link was made with. Links made before round 3 stored single values
 * (`{"theme":"email"}`): the schema reads both. A stored value the schema now refuses is kept
 * as given (as a list) rather than dropped, so a link never widens to more than it showed.
 */
export function storedFilters(json: string): StatsFilters {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const parsed = StatsFiltersSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const out: Record<string, unknown> = { ...raw };
  for (const k of MULTI_FILTER_KEYS) {
    const v = raw[k];
    if (typeof v === 'string') out[k] = v ? [v] : undefined;
  }
  return out as StatsFilters;
}

/** A new public link; its id (128 bits of randomness) is the secret in the URL. */
export async function createShareLink(db: DB, input: { createdBy: string; structureIds: string[] | null; filters: StatsFilters }): Promise<ShareLink> {
  const row: Row = {
    id: randomToken(16),
    created_by: input.createdBy,
    structure_ids: input.structureIds ? JSON.stringify(input.structureIds) : null,
    filters: JSON.stringify(input.filters),
    created_at: nowIso(),
    revoked_at: null,
  };
  await db.insertInto('share_links').values(row).execute();
  return toLink(row);
}

export async function getShareLink(db: DB, id: string): Promise<ShareLink | undefined> {
  const row = await db.selectFrom('share_links').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toLink(row) : undefined;
}

/** Every link, newest first (the route keeps those within the user's scope). */
export async function listShareLinks(db: DB): Promise<ShareLink[]> {
  return (await db.selectFrom('share_links').selectAll().orderBy('created_at', 'desc').execute()).map(toLink);
}

export async function revokeShareLink(db: DB, id: string): Promise<void> {
  await db.updateTable('share_links').set({ revoked_at: nowIso() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
