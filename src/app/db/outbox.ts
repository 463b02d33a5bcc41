import { liveQuery } from 'dexie';
import { db } from './index.ts';
import type { OutboxKind, OutboxRow } from './rows/outbox.ts';
import { withSentRevision, type ActivityRow } from './rows/activities.ts';

// Reads of the outbox. Entries are written by the features in the same transaction as the
// object they carry (activities.ts saveActivity, venues.ts saveVenueReport) and removed when
// the hub has answered for them.

function idOf(row: OutboxRow): string {
  return typeof row.id === 'string' ? row.id : row.key.slice(row.key.indexOf(':') + 1);
}

/** The ids of the oldest pending entries of a kind, in enqueue order (leaving out `exclude`d ids). */
export async function pendingIds(kind: OutboxKind, limit: number, exclude?: ReadonlySet<string>): Promise<string[]> {
  const rows = await db.outbox
    .orderBy('enqueuedAt')
    .filter((r) => r.kind === kind && !exclude?.has(idOf(r)))
    .limit(limit)
    .toArray();
  return rows.map(idOf);
}

/** Pending entries of every kind. */
export function countPending(kind?: OutboxKind): Promise<number> {
  return kind ? db.outbox.where('kind').equals(kind).count() : db.outbox.count();
}

/** Drops entries whose object no longer exists (nothing to send). */
export async function dropOutboxEntries(kind: OutboxKind, ids: string[]): Promise<void> {
  await db.outbox.bulkDelete(ids.map((id) => `${kind}:${id}`));
}

/** Puts activities that are waiting for the hub but have no outbox entry (e.g. logged before a fix) back in the queue. */
export async function enqueueOrphanActivities(now = new Date().toISOString()): Promise<number> {
  return db.transaction('rw', db.activities, db.outbox, async () => {
    const pending = await db.activities.where('syncState').equals('pending').primaryKeys();
    const keys = pending.map((id) => `activity:${id}`);
    const present = new Set((await db.outbox.bulkGet(keys)).filter((r): r is OutboxRow => !!r).map((r) => r.key));
    const missing = pending.filter((id) => !present.has(`activity:${id}`));
    await db.outbox.bulkPut(missing.map((id) => ({ key: `activity:${id}`, kind: 'activity', id, enqueuedAt: now })));
    return missing.length;
  });
}

/** Calls `cb` with the pending count now and whenever it changes (in any tab); returns the stop function. */
export function watchPendingCount(cb: (n: number) => void): () => void {
  const sub = liveQuery(() => db.outbox.count()).subscribe({ next: cb, error: () => undefined });
  return () => sub.unsubscribe();
}

/** Calls `cb` with the number of records the hub did not accept (conflict or rejected), live. */
export function watchFlaggedCount(cb: (n: number) => void): () => void {
  const sub = liveQuery(() => db.activities.where('syncState').anyOf('conflict', 'rejected').count()).subscribe({ next: cb, error: () => undefined });
  return () => sub.unsubscribe();
}

/**
 * The next batch to push, in one transaction: the oldest queued activities (leaving out
 * `exclude`d ids), each marked as sent at its current revision; entries whose record is
 * gone are dropped.
 */
export async function takeActivityBatch(limit: number, exclude?: ReadonlySet<string>): Promise<ActivityRow[]> {
  return db.transaction('rw', db.activities, db.outbox, async () => {
    const ids = await pendingIds('activity', limit, exclude);
    const rows = await db.activities.bulkGet(ids);
    const missing = ids.filter((_, i) => !rows[i]).map((id) => `activity:${id}`);
    if (missing.length) await db.outbox.bulkDelete(missing);
    const present = rows.filter((r): r is ActivityRow => !!r);
    const marked = present.map((r) => withSentRevision(r, r.revision));
    const changed = marked.filter((r, i) => r !== present[i]);
    if (changed.length) await db.activities.bulkPut(changed);
    return marked;
  });
}
