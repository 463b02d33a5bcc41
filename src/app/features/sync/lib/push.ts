import { countPending, dropOutboxEntries, pendingIds, takeActivityBatch } from '../../../db/outbox.ts';
import { applyActivityResults } from '../../../db/activities.ts';
import type { DeviceIdentity } from '../../../db/settings.ts';
import { getVenueReportPayload, markVenueReportRefused, markVenueReportSent } from '../../../db/venues.ts';
import { toWire } from '../../../../shared/activity/anonymise.ts';
import type { ActivityWire } from '../../../../shared/activity/record.ts';
import { PUSH_MAX_RECORDS, parsePushResponse, type PushResponse } from '../../../../shared/protocol/push.ts';
import { hubRequest, SyncFailure } from './http.ts';

interface Batch {
  ids: string[];
  records: ActivityWire[];
}

/** Takes the next batch (after `exclude`), its revisions noted as sent before sending. */
async function prepareBatch(batchSize: number, exclude: ReadonlySet<string>): Promise<Batch | undefined> {
  const rows = await takeActivityBatch(batchSize, exclude);
  if (rows.length === 0) return undefined;
  const records = rows.map(toWire);
  return { ids: records.map((r) => r.id), records };
}

async function send(identity: DeviceIdentity, batch: Batch): Promise<PushResponse> {
  const res = await hubRequest(identity, '/api/v1/sync/activities', { method: 'POST', json: { records: batch.records } });
  const answer = parsePushResponse(res.body, batch.ids);
  if (!answer) throw new SyncFailure('malformed', res.status);
  return answer;
}

/**
 * Sends the queued activity records, oldest first, in batches of at most 500. The revision
 * sent is noted before sending, so an answer lost after the hub committed is harmless: the
 * retry is answered `unchanged`. Only an answer with one result per sent id marks anything.
 * Pipelined: the next batch is read while the hub stores the current one, and sent while the
 * current answers are written.
 */
export async function pushActivities(identity: DeviceIdentity, batchSize = PUSH_MAX_RECORDS): Promise<number> {
  const rounds = Math.ceil((await countPending('activity')) / batchSize) + 2;
  const first = await prepareBatch(batchSize, new Set());
  if (!first) return 0;
  let current: Batch = first;
  let inFlight: Promise<PushResponse> = send(identity, current);
  let sent = 0;
  for (let round = 0; round < rounds; round++) {
    const [answer, upcoming]: [PromiseSettledResult<PushResponse>, PromiseSettledResult<Batch | undefined>] = await Promise.allSettled([
      inFlight,
      prepareBatch(batchSize, new Set(current.ids)),
    ]);
    if (answer.status === 'rejected') throw answer.reason;
    let next: Batch | undefined = upcoming.status === 'fulfilled' ? upcoming.value : undefined;
    let nextFlight: Promise<PushResponse> | undefined = next ? send(identity, next) : undefined;
    nextFlight?.catch(() => undefined); // awaited on the next round
    await applyActivityResults(answer.value.results);
    sent += current.records.length;
    if (upcoming.status === 'rejected') throw upcoming.reason;
    if (!next) {
      // Records edited while being sent are still queued: one more batch takes them.
      next = await prepareBatch(batchSize, new Set());
      if (!next || next.ids.join() === current.ids.join()) break;
      nextFlight = send(identity, next);
    }
    current = next;
    inFlight = nextFlight!;
  }
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
