import { liveQuery } from 'dexie';
import { db } from './index.ts';
import type { OutboxKind, OutboxRow } from './rows/outbox.ts';
import { withSentRevision, type ActivityRow } from './rows/activities.ts';

// The outbox. Entries are written by the features in the same transaction as the object they
// carry (activities.ts saveActivity, venues.ts saveVenueReport). An activity's entry carries
// a sequence number, new on every change of the record (a counter that never goes back); the
// hub's answer removes an entry only when its sequence is still the one that was sent, so a
// change made while a push is in flight is never acknowledged by that push.

/** The kv key of the outbox sequence counter. */
const SEQ_KEY = 'outbox.seq';

/**
 * Queues (or queues again) an object under a new sequence number; returns it. Call it inside a
 * transaction over db.outbox and db.kv, the same one that writes the object.
 */
export async function enqueueInTransaction(kind: OutboxKind, id: string, now: string): Promise<number> {
  const last = (await db.kv.get(SEQ_KEY))?.value;
  const seq = (typeof last === 'number' ? last : 0) + 1;
  await db.kv.put({ key: SEQ_KEY, value: seq });
  await db.outbox.put({ key: `${kind}:${id}`, kind, id, enqueuedAt: now, seq });
  return seq;
}

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
  return db.transaction('rw', db.activities, db.outbox, db.kv, async () => {
    const pending = await db.activities.where('syncState').equals('pending').primaryKeys();
    const keys = pending.map((id) => `activity:${id}`);
    const present = new Set((await db.outbox.bulkGet(keys)).filter((r): r is OutboxRow => !!r).map((r) => r.key));
    const missing = pending.filter((id) => !present.has(`activity:${id}`));
    for (const id of missing) await enqueueInTransaction('activity', id, now);
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

/** A batch taken for a push: the rows as sent and, for each, the outbox sequence it was sent under. */
export interface TakenBatch {
  rows: ActivityRow[];
  seqs: number[];
}

export interface TakeOptions {
  /** at most this many records */
  limit: number;
  /** ids already in flight (left out) */
  exclude?: ReadonlySet<string>;
  /** only entries queued after this sequence (the next batch of a push starts after the one in flight) */
  afterSeq?: number;
  /** and at most this many bytes as measured by `sizeOf` (the first record is always taken) */
  maxBytes?: number;
  sizeOf?: (row: ActivityRow) => number;
}

/**
 * The next batch to push, in one transaction: the oldest queued activities by sequence (leaving
 * out `exclude`d ids), within the count and byte limits, each marked as sent at its current
 * revision; entries whose record is gone are dropped.
 */
export async function takeActivityBatch(opts: TakeOptions): Promise<TakenBatch> {
  return db.transaction('rw', db.activities, db.outbox, async () => {
    const bySeq = opts.afterSeq === undefined ? db.outbox.orderBy('seq') : db.outbox.where('seq').above(opts.afterSeq);
    const entries = await bySeq
      .filter((r) => r.kind === 'activity' && !opts.exclude?.has(idOf(r)))
      .limit(opts.limit)
      .toArray();
    const rows = await db.activities.bulkGet(entries.map(idOf));
    const missing = entries.filter((_, i) => !rows[i]).map((e) => e.key);
    if (missing.length) await db.outbox.bulkDelete(missing);
    const taken: TakenBatch = { rows: [], seqs: [] };
    let bytes = 0;
    for (let i = 0; i < entries.length; i++) {
      const row = rows[i];
      if (!row) continue;
      if (opts.maxBytes !== undefined && opts.sizeOf) {
        bytes += opts.sizeOf(row);
        if (bytes > opts.maxBytes && taken.rows.length > 0) break;
      }
      taken.rows.push(row);
      taken.seqs.push(Number(entries[i]!.seq));
    }
    const marked = taken.rows.map((r) => withSentRevision(r, r.revision));
    const changed = marked.filter((r, i) => r !== taken.rows[i]);
    if (changed.length) await db.activities.bulkPut(changed);
    taken.rows = marked;
    return taken;
  });
}
