import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, DB, Dialect } from '../db/schema.ts';
import type { PushResult } from '../../shared/protocol/push.ts';
import * as facts from './activity-facts.ts';
import { GroupCommit } from '../lib/group-commit.ts';
import type { StoredActivity } from './activity-facts.ts';

// The push ingest: the valid records of the pushes received together decided and written
// together (one SELECT, one multi-row INSERT, UPDATEs only for new revisions) in one
// transaction (group commit), committed before each answer. Each record stays all-or-nothing:
// when a group cannot commit, pushes go one by one, then records.

/** A record of a push that passed validation. */
export interface IngestItem {
  /** its position in the request */
  index: number;
  id: string;
  revision: number;
  deleted: boolean;
  /** the validated record, null for a deletion */
  record: Record<string, unknown> | null;
}

export interface IngestDevice {
  deviceId: string;
  structureId: string;
  mediatorId: string;
}

interface Existing {
  id: string;
  structure_id: string;
  revision: number;
  content_hash: string;
  deleted: number;
  received_at: string;
}

/** JSON with sorted keys, so two equal records always hash the same. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The content of a record without its id and revision: equal hashes mean the same content. */
export function contentHash(item: Pick<IngestItem, 'deleted' | 'record'>): string {
  if (item.deleted || !item.record) return createHash('sha256').update('deleted').digest('hex');
  const { id: _id, revision: _rev, ...content } = item.record;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const CONFLICT_OTHER_STRUCTURE = { path: 'id', message: 'Cet identifiant est déjà utilisé par une autre structure : cet accompagnement ne peut pas être enregistré.' };
const conflictRevision = (held: number) => ({
  path: 'revision',
  message: `Le hub a déjà une autre version de cet accompagnement (révision ${held}). Vérifiez-le puis enregistrez-le de nouveau.`,
});

class RaceError extends Error {}

type BatchFacts = (trx: Transaction<Database>, stored: StoredActivity[]) => Promise<void>;

// The statistics follow each stored record in the same transaction; when the coordination
// feature offers a batch form (one statement for the whole push), it is used instead.
async function writeFacts(trx: Transaction<Database>, stored: StoredActivity[]): Promise<void> {
  if (stored.length === 0) return;
  const batch = (facts as { writeActivityFactsBatch?: BatchFacts }).writeActivityFactsBatch;
  if (batch) return batch(trx, stored);
  for (const s of stored) await facts.writeActivityFacts(trx, s);
}

const CHUNK = 250;

interface Planned {
  row: Database['activities'];
  /** the validated record (null for a tombstone), handed to the statistics as is */
  record: Record<string, unknown> | null;
  insert: boolean;
  /** the row as read, for an optimistic UPDATE */
  before?: Existing;
}

/** One push as the ingest receives it. */
interface Job {
  device: IngestDevice;
  items: IngestItem[];
  now: string;
  /** also count the push on the device (last sync, records received) in the same transaction */
  recordSync: boolean;
}

interface JobOutcome {
  results: Map<number, PushResult>;
  created: number;
}

/**
 * The pushes of a group, decided in arrival order against what the hub holds (and what the
 * earlier pushes of the group wrote), then written together: one read of the known ids, one
 * multi-row INSERT per 250 rows, UPDATEs only for new revisions, the statistics of every stored
 * record in one call, one UPDATE per device.
 */
async function ingestInTransaction(trx: Transaction<Database>, dialect: Dialect, jobs: Job[]): Promise<JobOutcome[]> {
  // Sorted: concurrent transactions (several hub processes on PostgreSQL) lock rows in the same order.
  const ids = [...new Set(jobs.flatMap((j) => j.items.map((i) => i.id)))].sort();
  const found = new Map<string, Existing>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    let q = trx
      .selectFrom('activities')
      .select(['id', 'structure_id', 'revision', 'content_hash', 'deleted', 'received_at'])
      .where('id', 'in', ids.slice(i, i + CHUNK));
    if (dialect === 'postgres') q = q.forUpdate();
    for (const r of await q.execute()) found.set(r.id, { ...r, revision: Number(r.revision), deleted: Number(r.deleted) });
  }

  const current = new Map<string, Existing>(found);
  const planned = new Map<string, Planned>();
  const outcomes: JobOutcome[] = [];
  for (const { device, items, now } of jobs) {
    const results = new Map<number, PushResult>();
    let created = 0;
    for (const item of items) {
      const hash = contentHash(item);
      const held = current.get(item.id);
      let status: PushResult['status'];
      if (!held) status = 'created';
      else if (held.structure_id !== device.structureId) {
        results.set(item.index, { id: item.id, status: 'conflict', errors: [CONFLICT_OTHER_STRUCTURE] });
        continue;
      } else if (item.revision > held.revision) status = 'updated';
      else if (hash === held.content_hash) status = 'unchanged';
      else {
        results.set(item.index, { id: item.id, status: 'conflict', revision: held.revision, errors: [conflictRevision(held.revision)] });
        continue;
      }
      results.set(item.index, { id: item.id, status, revision: item.revision });
      if (status === 'unchanged') continue;
      if (status === 'created') created++;
      const receivedAt = held?.received_at ?? now;
      const row: Database['activities'] = {
        id: item.id,
        structure_id: device.structureId,
        device_id: device.deviceId,
        mediator_id: device.mediatorId,
        revision: item.revision,
        deleted: item.deleted ? 1 : 0,
        content_hash: hash,
        record: item.record ? JSON.stringify(item.record) : null,
        date: typeof item.record?.date === 'string' ? item.record.date : null,
        type: typeof item.record?.type === 'string' ? item.record.type : null,
        received_at: receivedAt,
        updated_at: now,
      };
      const before = found.get(item.id);
      planned.set(item.id, { row, record: item.record, insert: !before, before });
      current.set(item.id, { id: item.id, structure_id: device.structureId, revision: item.revision, content_hash: hash, deleted: row.deleted, received_at: receivedAt });
    }
    outcomes.push({ results, created });
  }

  // The opaque public id is drawn here (the insert trigger of migration 007 then has nothing
  // to do: it would rewrite every new row once more).
  const inserts = [...planned.values()].filter((p) => p.insert).map((p) => ({ ...p.row, public_id: randomUUID() }));
  for (let i = 0; i < inserts.length; i += CHUNK) await trx.insertInto('activities').values(inserts.slice(i, i + CHUNK) as Database['activities'][]).execute();
  for (const p of planned.values()) {
    if (p.insert || !p.before) continue;
    const { id: _id, received_at: _r, ...set } = p.row;
    const res = await trx
      .updateTable('activities')
      .set(set)
      .where('id', '=', p.row.id)
      .where('revision', '=', p.before.revision)
      .where('content_hash', '=', p.before.content_hash)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new RaceError('record changed by a concurrent push');
  }
  const stored: StoredActivity[] = [...planned.values()].map((p) => ({
    id: p.row.id,
    structureId: p.row.structure_id,
    deviceId: p.row.device_id,
    mediatorId: p.row.mediator_id,
    revision: p.row.revision,
    deleted: p.row.deleted === 1,
    record: p.record,
    receivedAt: p.row.received_at,
    updatedAt: p.row.updated_at,
  }));
  await writeFacts(trx, stored);

  // The devices' sync counters, one UPDATE per device of the group.
  const syncs = new Map<string, { at: string; received: number }>();
  jobs.forEach((j, k) => {
    if (!j.recordSync) return;
    const s = syncs.get(j.device.deviceId);
    syncs.set(j.device.deviceId, { at: s && s.at > j.now ? s.at : j.now, received: (s?.received ?? 0) + outcomes[k]!.created });
  });
  for (const [deviceId, s] of syncs) {
    await trx
      .updateTable('devices')
      .set((eb) => ({ last_sync_at: s.at, ...(s.received ? { records_received: eb('records_received', '+', s.received) } : {}) }))
      .where('id', '=', deviceId)
      .execute();
  }
  return outcomes;
}

function isRetryable(e: unknown): boolean {
  if (e instanceof RaceError) return true;
  const err = e as { code?: string; message?: string };
  // PostgreSQL unique violation / serialization failure / deadlock; SQLite constraint or busy.
  return err.code === '23505' || err.code === '40001' || err.code === '40P01' || /UNIQUE|SQLITE_BUSY|database is locked/i.test(`${err.code} ${err.message}`);
}

async function attempt(db: DB, dialect: Dialect, jobs: Job[]): Promise<JobOutcome[]> {
  for (let tries = 1; ; tries++) {
    try {
      return await db.transaction().execute((trx) => ingestInTransaction(trx, dialect, jobs));
    } catch (e) {
      if (!isRetryable(e) || tries >= 4) throw e;
    }
  }
}

/**
 * Failures of the hub itself (connection, disk, locks, resources): the whole push fails and
 * the device retries. Anything else raised while storing one record is about that record.
 */
function isHubFault(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err?.code === 'string' ? err.code : '';
  // PostgreSQL classes 08 (connection), 40 (rollback), 53 (resources), 57 (operator), 58 (system), XX (internal).
  if (/^(08|40|53|57|58|XX)/.test(code)) return true;
  // SQLite: busy, locked, I/O, full disk, cannot open, read-only, corrupt.
  if (/^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOMEM|INTERRUPT)/.test(code)) return true;
  // Node network errors (ECONNRESET, ECONNREFUSED, ETIMEDOUT…) and a closed pool.
  if (/^E[A-Z]+$/.test(code)) return true;
  return /Connection terminated|pool .*(ended|closed)|database is locked|not open/i.test(String(err?.message ?? ''));
}

/** The reason a record the hub could not store is rejected with (French, shown on the device). */
export const NOT_STORABLE = {
  path: '(accompagnement)',
  message: "Le hub n'a pas pu enregistrer cet accompagnement. Les autres ont été enregistrés ; vérifiez celui-ci puis enregistrez-le de nouveau.",
};

/**
 * One push on its own (a group that could not commit is replayed push by push): when the push
 * cannot commit, records go one by one; a record the hub cannot store is answered `rejected`
 * (the others are stored); a failure of the hub itself fails the push so that the device retries.
 */
async function ingestAlone(db: DB, dialect: Dialect, job: Job, batchError?: unknown): Promise<JobOutcome> {
  try {
    if (batchError !== undefined) throw batchError;
    return (await attempt(db, dialect, [job]))[0]!;
  } catch (error) {
    if (isHubFault(error)) throw error;
    const results = new Map<number, PushResult>();
    let created = 0;
    let counted = false;
    for (const item of job.items) {
      try {
        if (job.items.length === 1) throw error;
        const one = (await attempt(db, dialect, [{ ...job, items: [item] }]))[0]!;
        for (const [k, v] of one.results) results.set(k, v);
        created += one.created;
        counted ||= job.recordSync;
      } catch (e) {
        if (isHubFault(e)) throw e;
        results.set(item.index, { id: item.id, status: 'rejected', errors: [NOT_STORABLE] });
      }
    }
    // Every record refused: the device's sync is still counted.
    if (job.recordSync && !counted) await recordSyncOnly(db, job);
    return { results, created };
  }
}

async function recordSyncOnly(db: DB, job: Job): Promise<void> {
  await db.updateTable('devices').set({ last_sync_at: job.now }).where('id', '=', job.device.deviceId).execute();
}

/**
 * At most this many records per group transaction (src/hub/lib/group-commit.ts). On SQLite a
 * transaction runs without giving the event loop a turn (the driver is synchronous): groups
 * stay short, so the pulls and the sockets of the other devices are served while a herd's
 * pushes are written.
 */
const GROUP_MAX_RECORDS = 1000;

const groups = new WeakMap<DB, GroupCommit<Job, JobOutcome>>();

function groupCommitOf(db: DB, dialect: Dialect): GroupCommit<Job, JobOutcome> {
  let g = groups.get(db);
  if (!g) {
    g = new GroupCommit<Job, JobOutcome>({
      maxSize: GROUP_MAX_RECORDS,
      size: (job) => job.items.length,
      commit: (jobs) => attempt(db, dialect, jobs),
      isFatal: isHubFault,
      alone: (job, groupError) => ingestAlone(db, dialect, job, groupError),
    });
    groups.set(db, g);
  }
  return g;
}

/** How many group transactions the ingest committed on this database and how many pushes they held. */
export function groupCommitCounters(db: DB): { groups: number; pushes: number } {
  const c = groups.get(db)?.counters;
  return { groups: c?.groups ?? 0, pushes: c?.jobs ?? 0 };
}

/**
 * Stores the valid records of one push for a device; returns one result per item (keyed by
 * its index) and how many ids the hub saw for the first time. Commits before returning (in a
 * transaction shared with the pushes that arrived at the same time). When that transaction
 * cannot commit, the push is replayed alone, then record by record: a record the hub cannot
 * store is answered `rejected` on its own (the others are stored); a failure of the hub itself
 * (connection, disk) fails the whole push so that the device retries it.
 * `recordSync`: the device's last sync and received count are updated in the same transaction.
 */
export async function ingestActivities(
  db: DB,
  dialect: Dialect,
  device: IngestDevice,
  items: IngestItem[],
  now: string,
  opts: { recordSync?: boolean } = {},
): Promise<{ results: Map<number, PushResult>; created: number }> {
  const recordSync = opts.recordSync ?? false;
  if (items.length === 0) {
    if (recordSync) await recordSyncOnly(db, { device, items, now, recordSync });
    return { results: new Map(), created: 0 };
  }
  return groupCommitOf(db, dialect).submit({ device, items, now, recordSync });
}

/** What the hub holds for an id (tests and the coordination feature read through here). */
export async function getStoredActivity(db: DB, id: string): Promise<{ id: string; structureId: string; revision: number; deleted: boolean; record: Record<string, unknown> | null } | undefined> {
  // No stored id holds U+0000 (push checks ids), and PostgreSQL refuses to even compare it.
  if (id.includes('\u0000')) return undefined;
  const r = await db.selectFrom('activities').select(['id', 'structure_id', 'revision', 'deleted', 'record']).where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return { id: r.id, structureId: r.structure_id, revision: Number(r.revision), deleted: Number(r.deleted) === 1, record: r.record ? (JSON.parse(r.record) as Record<string, unknown>) : null };
}

/** Rows per structure and in total (tests assert "exactly once" with it). */
export async function countStoredActivities(db: DB, structureId?: string): Promise<number> {
  let q = db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n'));
  if (structureId) q = q.where('structure_id', '=', structureId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
