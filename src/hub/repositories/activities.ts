import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, DB, Dialect } from '../db/schema.ts';
import type { PushResult } from '../../shared/protocol/push.ts';
import * as facts from './activity-facts.ts';
import type { StoredActivity } from './activity-facts.ts';

// The push ingest: one request's valid records decided and written together (one SELECT, one
// multi-row INSERT, UPDATEs only for new revisions) in one transaction, committed before the
// answer. Each record stays all-or-nothing: when a batch cannot commit, records go one by one.

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

async function ingestInTransaction(
  trx: Transaction<Database>,
  dialect: Dialect,
  device: IngestDevice,
  items: IngestItem[],
  now: string,
): Promise<{ results: Map<number, PushResult>; created: number }> {
  const ids = [...new Set(items.map((i) => i.id))];
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

  const inserts = [...planned.values()].filter((p) => p.insert).map((p) => p.row);
  for (let i = 0; i < inserts.length; i += CHUNK) await trx.insertInto('activities').values(inserts.slice(i, i + CHUNK)).execute();
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
  return { results, created };
}

function isRetryable(e: unknown): boolean {
  if (e instanceof RaceError) return true;
  const err = e as { code?: string; message?: string };
  // PostgreSQL unique violation / serialization failure / deadlock; SQLite constraint or busy.
  return err.code === '23505' || err.code === '40001' || err.code === '40P01' || /UNIQUE|SQLITE_BUSY|database is locked/i.test(`${err.code} ${err.message}`);
}

async function attempt(db: DB, dialect: Dialect, device: IngestDevice, items: IngestItem[], now: string) {
  for (let tries = 1; ; tries++) {
    try {
      return await db.transaction().execute((trx) => ingestInTransaction(trx, dialect, device, items, now));
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
 * Stores the valid records of one push for a device; returns one result per item (keyed by
 * its index) and how many ids the hub saw for the first time. Commits before returning.
 * When the batch cannot commit, records go one by one: a record the hub cannot store is
 * answered `rejected` on its own (the others are stored); a failure of the hub itself
 * (connection, disk) fails the whole push so that the device retries it.
 */
export async function ingestActivities(
  db: DB,
  dialect: Dialect,
  device: IngestDevice,
  items: IngestItem[],
  now: string,
): Promise<{ results: Map<number, PushResult>; created: number }> {
  if (items.length === 0) return { results: new Map(), created: 0 };
  try {
    return await attempt(db, dialect, device, items, now);
  } catch (batchError) {
    if (isHubFault(batchError)) throw batchError;
    const results = new Map<number, PushResult>();
    let created = 0;
    for (const item of items) {
      try {
        if (items.length === 1) throw batchError;
        const one = await attempt(db, dialect, device, [item], now);
        for (const [k, v] of one.results) results.set(k, v);
        created += one.created;
      } catch (e) {
        if (isHubFault(e)) throw e;
        results.set(item.index, { id: item.id, status: 'rejected', errors: [NOT_STORABLE] });
      }
    }
    return { results, created };
  }
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
