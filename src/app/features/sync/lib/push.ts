import { countPending, dropOutboxEntries, pendingIds, takeActivityBatch, type TakeOptions, type TakenBatch } from '../../../db/outbox.ts';
import { applyActivityResults, type ActivityResult } from '../../../db/activities.ts';
import type { ActivityRow } from '../../../db/rows/activities.ts';
import type { DeviceIdentity } from '../../../db/settings.ts';
import { getVenueReportPayload, markVenueReportRefused, markVenueReportSent } from '../../../db/venues.ts';
import { toWire } from '../../../../shared/activity/anonymise.ts';
import type { ActivityWire } from '../../../../shared/activity/record.ts';
import { PUSH_MAX_BYTES, PUSH_MAX_RECORDS, parsePushResponse } from '../../../../shared/protocol/push.ts';
import { hubRequest, SyncFailure, type HubResponse } from './http.ts';

/** What the push needs: the outbox, and the hub. Tests hand their own (to interleave changes with each step). */
export interface PushDeps {
  pending(): Promise<number>;
  take(opts: TakeOptions): Promise<TakenBatch>;
  /** `sent`: the rows as taken for the batch (applyActivityResults reads them again without it) */
  apply(results: ActivityResult[], seqs: readonly number[], sent?: readonly ActivityRow[]): Promise<void>;
  post(identity: DeviceIdentity, records: ActivityWire[]): Promise<HubResponse>;
}

export const PUSH_PATH = '/api/v1/sync/activities';

export const defaultPushDeps: PushDeps = {
  pending: () => countPending('activity'),
  take: takeActivityBatch,
  apply: applyActivityResults,
  post: (identity, records) => hubRequest(identity, PUSH_PATH, { method: 'POST', json: { records } }),
};

export interface PushOptions {
  /** records per request (at most PUSH_MAX_RECORDS) */
  batchSize?: number;
  /** bytes of records per request (the envelope `{"records":[…]}` comes on top) */
  maxBytes?: number;
  deps?: PushDeps;
}

/** Room kept for the envelope and separators under the hub's body limit. */
const ENVELOPE_BYTES = 64;
const encoder = new TextEncoder();

/** The bytes a record takes in the request body (with its separating comma). */
export function wireBytes(row: ActivityRow): number {
  return encoder.encode(JSON.stringify(toWire(row))).length + 1;
}

/** The reason shown on a record the hub refuses as too large even alone. */
export const TOO_LARGE = {
  path: '(accompagnement)',
  message: 'Cet accompagnement est trop volumineux pour être envoyé au hub. Raccourcissez-le puis enregistrez-le de nouveau.',
};

interface Batch {
  ids: string[];
  rows: ActivityRow[];
  records: ActivityWire[];
  seqs: number[];
}

function toBatch(taken: TakenBatch): Batch {
  const records = taken.rows.map(toWire);
  return { ids: records.map((r) => r.id), rows: taken.rows, records, seqs: taken.seqs };
}

function slice(batch: Batch, from: number, to?: number): Batch {
  return { ids: batch.ids.slice(from, to), rows: batch.rows.slice(from, to), records: batch.records.slice(from, to), seqs: batch.seqs.slice(from, to) };
}

/** The hub's answer to a batch, or nothing when the batch was already delivered in halves (after a 413). */
async function send(identity: DeviceIdentity, batch: Batch, deps: PushDeps): Promise<ActivityResult[] | undefined> {
  try {
    const res = await deps.post(identity, batch.records);
    const answer = parsePushResponse(res.body, batch.ids);
    if (!answer) throw new SyncFailure('malformed', res.status);
    return answer.results;
  } catch (e) {
    if (!(e instanceof SyncFailure && e.kind === 'refused' && e.status === 413)) throw e;
    if (batch.ids.length > 1) {
      const half = Math.ceil(batch.ids.length / 2);
      await deliver(identity, slice(batch, 0, half), deps);
      await deliver(identity, slice(batch, half), deps);
      return undefined;
    }
    return [{ id: batch.ids[0]!, status: 'rejected', errors: [TOO_LARGE] }];
  }
}

/**
 * Sends one batch and applies the hub's answer. A 413 (body over the hub's limit) halves the
 * batch, down to one record; a record refused alone is marked rejected with its reason, so
 * it never blocks the queue.
 */
async function deliver(identity: DeviceIdentity, batch: Batch, deps: PushDeps): Promise<void> {
  const results = await send(identity, batch, deps);
  if (results) await deps.apply(results, batch.seqs, batch.rows);
}

/**
 * Sends the queued activity records, oldest change first, in batches of at most 500 records
 * and PUSH_MAX_BYTES. Each batch is taken in one transaction that notes the revision sent and
 * the outbox sequence of each record; the answer acknowledges exactly those sequences, so a
 * change made meanwhile stays queued and goes in a later batch. An answer lost after the hub
 * committed is harmless: the retry is answered `unchanged`. Only an answer with one result per
 * sent id marks anything.
 *
 * Three steps overlap (bench/README.md, push profile): while a batch is on the wire, the
 * previous batch's answer is applied and the next batch is read. The batches are disjoint (a
 * batch leaves out the ids of the two batches not yet acknowledged), each answer acknowledges
 * only its own sequences, and a failure stops the push once the answer already received has
 * been applied.
 */
export async function pushActivities(identity: DeviceIdentity, opts: PushOptions = {}): Promise<number> {
  const deps = opts.deps ?? defaultPushDeps;
  const limit = Math.min(opts.batchSize ?? PUSH_MAX_RECORDS, PUSH_MAX_RECORDS);
  const maxBytes = opts.maxBytes ?? PUSH_MAX_BYTES - ENVELOPE_BYTES;
  const take = async (exclude: ReadonlySet<string>, afterSeq?: number) => toBatch(await deps.take({ limit, exclude, afterSeq, maxBytes, sizeOf: wireBytes }));
  // Every round sends at least one record: a bound against a record edited without end.
  const rounds = (await deps.pending()) + 2;
  let current = await take(new Set());
  let sent = 0;
  // The previous batch's answer being applied, and that batch's ids (not to be taken again meanwhile).
  let applying: Promise<void> = Promise.resolve();
  let applyingIds: readonly string[] = [];
  try {
    for (let round = 0; current.ids.length > 0 && round < rounds; round++) {
      const exclude = new Set([...applyingIds, ...current.ids]);
      // The next batch starts after this one's last sequence (an older entry left behind is taken by the final round).
      const [answered, upcoming, applied] = await Promise.allSettled([send(identity, current, deps), take(exclude, Math.max(...current.seqs)), applying]);
      if (applied.status === 'rejected') throw applied.reason;
      if (answered.status === 'rejected') throw answered.reason;
      const results = answered.value;
      const batch = current;
      applying = results ? deps.apply(results, batch.seqs, batch.rows) : Promise.resolve();
      applyingIds = batch.ids;
      sent += batch.ids.length;
      if (upcoming.status === 'rejected') throw upcoming.reason;
      if (upcoming.value.ids.length > 0) {
        current = upcoming.value;
        continue;
      }
      // Records changed while being sent are still queued (under a newer sequence): one more batch takes them.
      await applying;
      applying = Promise.resolve();
      applyingIds = [];
      const again = await take(new Set());
      if (again.ids.join() === batch.ids.join() && again.seqs.join() === batch.seqs.join()) break;
      current = again;
    }
  } finally {
    // An answer received is always applied, even when a later step failed.
    await applying.catch(() => undefined);
  }
  await applying;
  return sent;
}

/** Sends the field reports about venues; each is idempotent on the hub by its id. */
export async function pushVenueReports(identity: DeviceIdentity): Promise<void> {
  const ids = await pendingIds('venueReport', 200);
  for (const id of ids) {
    const payload = await getVenueReportPayload(id);
    if (!payload) {
      await dropOutboxEntries('venueReport', [id]);
      continue;
    }
    try {
      await hubRequest(identity, '/api/v1/sync/venue-reports', { method: 'POST', json: payload });
    } catch (e) {
      // A report the hub refuses is marked so (with its reason) and leaves the queue; it must not
      // hold back the rest of the sync nor count as pending forever.
      if (e instanceof SyncFailure && e.kind === 'refused') {
        await markVenueReportRefused(id, e.detail);
        continue;
      }
      throw e;
    }
    await markVenueReportSent(id);
  }
}
