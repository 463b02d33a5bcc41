import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, DB } from '../db/schema.ts';
import { toNationalRow } from '../../shared/venues/export.ts';
import type { Venue } from '../../shared/venues/schema.ts';
import type { FieldChange, VenueChange, VenueChangeAction } from '../../shared/admin-api/venues.ts';

// History of the venue directory (migration 012): every write path records who changed
// which fields of a place, in the write's own transaction.

/** Who writes: a staff member (routes) or the command line (no user). */
export interface VenueActor {
  action: VenueChangeAction;
  userId: string | null;
  userEmail: string | null;
}

/** The fields that differ between two states of a place (absent = empty), as national-standard text. */
export function diffVenues(before: Venue | undefined, after: Venue | undefined): FieldChange[] {
  const a = before ? (toNationalRow(before) as Record<string, string>) : {};
  const b = after ? (toNationalRow(after) as Record<string, string>) : {};
  const out: FieldChange[] = [];
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[field] ?? '';
    const y = b[field] ?? '';
    if (x !== y) out.push({ field, before: x, after: y });
  }
  return out;
}

const CHUNK = 500;

/** Records writes of places inside the caller's transaction. */
export async function recordVenueChanges(
  trx: Transaction<Database>,
  actor: VenueActor,
  items: { venueId: string; before: Venue | undefined; after: Venue | undefined; action?: VenueChangeAction }[],
  at: string,
): Promise<void> {
  const rows = items.map((i) => ({
    id: randomUUID(),
    venue_id: i.venueId,
    at,
    action: i.action ?? actor.action,
    user_id: actor.userId,
    user_email: actor.userEmail,
    changes: JSON.stringify(diffVenues(i.before, i.after)),
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('venue_changes').values(rows.slice(i, i + CHUNK)).execute();
}

/** A place's history, newest first. */
export async function listVenueChanges(db: DB, venueId: string, limit = 50): Promise<VenueChange[]> {
  const rows = await db
    .selectFrom('venue_changes')
    .selectAll()
    .where('venue_id', '=', venueId)
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    venueId: r.venue_id,
    at: r.at,
    action: r.action as VenueChangeAction,
    userId: r.user_id,
    userEmail: r.user_email,
    changes: JSON.parse(r.changes) as FieldChange[],
  }));
}
