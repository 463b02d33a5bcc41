import { liveQuery } from 'dexie';
import { db } from './index.ts';
import { enqueueInTransaction } from './outbox.ts';
import type { ActivityRow, DraftRow } from './rows/activities.ts';
import type { LocalActivity, SyncError, SyncState } from '../../shared/activity/anonymise.ts';
import { toWire } from '../../shared/activity/anonymise.ts';
import { ActivityRecordSchema, issuesToErrors, type ActivityRecord } from '../../shared/activity/record.ts';
import type { ActivityType } from '../../shared/activity/codes.ts';

// Activity records and form drafts on the device. Every change of a record reads the stored
// row, writes the new one and queues it (a new outbox sequence) in one transaction, so a
// record is never saved without being queued and a push never slips between the read and the
// write (its revision would otherwise be reused for other content).

export type { ActivityRow, DraftRow };

/** A record the schema refuses: never stored, the form shows `errors`. */
export class InvalidActivityError extends Error {
  constructor(readonly errors: SyncError[]) {
    super(errors.map((e) => e.message).join(' '));
    this.name = 'InvalidActivityError';
  }
}

const outboxKey = (id: string) => `activity:${id}`;

/** The revision a new version of `row` must carry: +1 once the stored one may be on the hub. */
function nextRevision(row: ActivityRow | undefined, wanted: number): number {
  if (!row) return Math.max(1, wanted);
  const mayBeOnHub = (row.sentRevision !== undefined && row.sentRevision >= row.revision) || row.syncState === 'synced';
  return mayBeOnHub ? row.revision + 1 : row.revision;
}

type Change = (existing: ActivityRow | undefined, now: string) => ActivityRow | undefined;

/** Reads the stored row, builds the new one and writes it with its outbox entry, all in one transaction. */
async function changeQueued(id: string, change: Change, now: string, draftId?: string): Promise<ActivityRow | undefined> {
  const tables = draftId ? [db.activities, db.outbox, db.kv, db.drafts] : [db.activities, db.outbox, db.kv];
  return db.transaction('rw', tables, async () => {
    const row = change(await db.activities.get(id), now);
    if (!row) return undefined;
    await db.activities.put(row);
    await enqueueInTransaction('activity', row.id, now);
    if (draftId) await db.drafts.delete(draftId);
    return row;
  });
}

/**
 * Saves a new or edited record and queues it for the hub, in one transaction (and removes
 * the form's draft in it when `draftId` is given). Throws InvalidActivityError when the record
 * would not pass the hub's schema; a full disk throws a quota error and changes nothing.
 */
export async function saveActivity(local: LocalActivity, opts: { draftId?: string; now?: Date } = {}): Promise<ActivityRow> {
  const { syncErrors: _e, sentRevision: _s, deleted: _d, ...fields } = local;
  const saved = await changeQueued(
    local.id,
    (existing, now) => {
      const row: ActivityRow = {
        ...fields,
        revision: nextRevision(existing, local.revision),
        createdAt: existing?.createdAt ?? local.createdAt ?? now,
        updatedAt: now,
        syncState: 'pending',
      };
      if (existing?.sentRevision !== undefined) row.sentRevision = existing.sentRevision;
      if (!row.notes?.trim()) delete row.notes;
      const parsed = ActivityRecordSchema.safeParse(toWire(row));
      if (!parsed.success) throw new InvalidActivityError(issuesToErrors(parsed.error.issues));
      return row;
    },
    (opts.now ?? new Date()).toISOString(),
    opts.draftId,
  );
  return saved!;
}

/** Deletes a record: a local tombstone (its notes erased) queued as a deletion for the hub. */
export async function deleteActivity(id: string, now = new Date()): Promise<void> {
  await changeQueued(
    id,
    (existing, iso) => {
      if (!existing || existing.deleted) return undefined;
      const { notes: _n, syncErrors: _e, ...rest } = existing;
      return { ...rest, revision: nextRevision(existing, existing.revision), deleted: true, syncState: 'pending', updatedAt: iso };
    },
    now.toISOString(),
  );
}

export function getActivity(id: string): Promise<ActivityRow | undefined> {
  return db.activities.get(id);
}

export interface ActivityFilter {
  /** first day, YYYY-MM-DD (inclusive) */
  from?: string;
  /** last day, YYYY-MM-DD (inclusive) */
  to?: string;
  type?: ActivityType;
  syncState?: SyncState;
}

/** Visible records (no tombstones), newest day first, latest entry first within a day. */
export async function listActivities(filter: ActivityFilter = {}): Promise<ActivityRow[]> {
  const rows = await db.activities
    .where('date')
    .between(filter.from ?? '0000-00-00', filter.to ?? '9999-99-99', true, true)
    .filter((r) => !r.deleted && (!filter.type || r.type === filter.type) && (!filter.syncState || r.syncState === filter.syncState))
    .toArray();
  return rows.sort((a, b) => (a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date)));
}

/** Calls `cb` with the filtered list now and whenever records change (in any tab); returns the stop function. */
export function watchActivities(filter: ActivityFilter, cb: (rows: ActivityRow[]) => void): () => void {
  const sub = liveQuery(() => listActivities(filter)).subscribe({ next: cb, error: () => undefined });
  return () => sub.unsubscribe();
}

export interface ActivityResult {
  id: string;
  status: 'created' | 'updated' | 'unchanged' | 'conflict' | 'rejected';
  revision?: number;
  errors?: SyncError[];
}

/**
 * Applies the hub's answers to a batch (one bulk read, one bulk write): `seqs[i]` is the outbox
 * sequence under which `results[i]`'s record was sent. An answer counts only while the entry
 * still holds that sequence: a record changed since it was sent (edited, deleted) stays queued
 * with its newer change, whatever the hub said about the older one. Synced, conflict or
 * rejected (with the hub's reasons, out of the queue until edited again); an answer for a
 * record that is gone just removes its entry.
 */
export async function applyActivityResults(results: ActivityResult[], seqs: readonly number[], sent?: readonly ActivityRow[]): Promise<void> {
  if (seqs.length !== results.length) throw new Error('one outbox sequence per result');
  if (sent && sent.length !== results.length) throw new Error('one sent row per result');
  await db.transaction('rw', db.activities, db.outbox, async () => {
    const keys = results.map((r) => outboxKey(r.id));
    // `sent`: the rows as takeActivityBatch stored them. Every change of a record writes a new
    // outbox sequence in the same transaction, so while the entry still holds the sequence sent,
    // the stored row is that row: the batch's own copy saves reading them again (push profile).
    const [rows, entries] = await Promise.all([sent ?? db.activities.bulkGet(results.map((r) => r.id)), db.outbox.bulkGet(keys)]);
    const puts = new Map<string, ActivityRow>();
    const dequeued: string[] = [];
    results.forEach((result, i) => {
      const entry = entries[i];
      if (!entry || entry.seq !== seqs[i]) return; // changed since it was sent: its newer change is queued
      dequeued.push(keys[i]!);
      const row = rows[i];
      if (!row) return;
      const ok = result.status === 'created' || result.status === 'updated' || result.status === 'unchanged';
      const { syncErrors: _e, ...rest } = row;
      puts.set(result.id, ok ? { ...rest, syncState: 'synced' } : { ...rest, syncState: result.status as SyncState, syncErrors: result.errors ?? [] });
    });
    if (puts.size) await db.activities.bulkPut([...puts.values()]);
    if (dequeued.length) await db.outbox.bulkDelete(dequeued);
  });
}

/** Records by sync state, tombstones included (they wait for the hub too) unless `visibleOnly`. */
export async function countActivitiesBySyncState(opts: { visibleOnly?: boolean } = {}): Promise<Record<SyncState, number>> {
  const states: SyncState[] = ['pending', 'synced', 'conflict', 'rejected'];
  const counts = await Promise.all(
    states.map((s) => {
      const rows = db.activities.where('syncState').equals(s);
      return opts.visibleOnly ? rows.filter((r) => !r.deleted).count() : rows.count();
    }),
  );
  return Object.fromEntries(states.map((s, i) => [s, counts[i]])) as Record<SyncState, number>;
}

export interface ActivityHabits {
  /** the place of the most recent record */
  lastPlace?: ActivityRecord['place'];
  /** the mediator's most used durations (minutes), most used first */
  frequentDurations: number[];
}

/** What the form preselects: learned from the latest records. */
export async function loadActivityHabits(sample = 200): Promise<ActivityHabits> {
  const recent = await db.activities.orderBy('updatedAt').reverse().filter((r) => !r.deleted).limit(sample).toArray();
  const latest = [...recent].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const byDuration = new Map<number, number>();
  for (const r of recent) byDuration.set(r.durationMin, (byDuration.get(r.durationMin) ?? 0) + 1);
  const frequentDurations = [...byDuration.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 3)
    .map(([d]) => d);
  return { lastPlace: latest?.place, frequentDurations };
}

// Drafts ------------------------------------------------------------------------------

/** Writes the form's current state (called on every change). */
export async function saveDraft(id: string, state: unknown, opts: { activityId?: string; now?: Date } = {}): Promise<void> {
  const row: DraftRow = { id, state, updatedAt: (opts.now ?? new Date()).toISOString() };
  if (opts.activityId) row.activityId = opts.activityId;
  await db.drafts.put(row);
}

export function loadDraft(id: string): Promise<DraftRow | undefined> {
  return db.drafts.get(id);
}

export async function deleteDraft(id: string): Promise<void> {
  await db.drafts.delete(id);
}
