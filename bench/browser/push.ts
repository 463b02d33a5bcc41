// In Chromium, on the hub's origin: enrols this browser profile with the app's own enrolment
// code, queues records with the app's own saveActivity (record + outbox entry), then runs the
// app's sync client (syncOnce: push in batches of 500, then the pulls) and reports the time,
// split between the push requests on the wire, the client's own work and the pulls.
import { applyActivityResults, countActivitiesBySyncState, saveActivity } from '../../src/app/db/activities.ts';
import { countPending, pendingIds, takeActivityBatch } from '../../src/app/db/outbox.ts';
import { getDeviceIdentity } from '../../src/app/db/settings.ts';
import { db } from '../../src/app/db/index.ts';
import { hubRequest } from '../../src/app/features/sync/lib/http.ts';
import { toWire } from '../../src/shared/activity/anonymise.ts';
import { parsePushResponse } from '../../src/shared/protocol/push.ts';
import { enrolDevice } from '../../src/app/features/sync/lib/enrol.ts';
import { syncOnce } from '../../src/app/features/sync/lib/run.ts';
import type { LocalActivity } from '../../src/shared/activity/anonymise.ts';
import type { ActivityRecord } from '../../src/shared/activity/record.ts';

declare global {
  interface Window {
    benchPush: typeof api;
  }
}

const api = {
  async enrol(code: string): Promise<string> {
    const r = await enrolDevice(code, 'Tablette bench');
    if (!r.ok) throw new Error(`enrolment failed: ${JSON.stringify(r)}`);
    return r.structureName;
  },
  /**
   * Queues the records. The first one goes through the app's saveActivity (the form's path);
   * the rest are written in bulk with exactly the rows saveActivity wrote for the first (checked
   * field by field), because 10,000 one-by-one saves would take minutes of set-up.
   */
  async queue(records: ActivityRecord[]): Promise<number> {
    const now = new Date();
    const iso = now.toISOString();
    const local = (r: ActivityRecord): LocalActivity => ({ ...r, createdAt: iso, updatedAt: iso });
    const [first, ...rest] = records;
    if (!first) return countPending('activity');
    const saved = await saveActivity(local(first), { now });
    const mirror = (r: ActivityRecord) => ({ ...local(r), revision: r.revision, syncState: 'pending' as const });
    const expected = JSON.stringify(Object.entries(mirror(first)).sort());
    const actual = JSON.stringify(Object.entries(saved).sort());
    if (expected !== actual) throw new Error(`saveActivity writes another row shape than the bench's bulk queue: ${actual} vs ${expected}`);
    const savedOutbox = await db.outbox.get(`activity:${first.id}`);
    const outbox = (id: string, seq: number) => ({ key: `activity:${id}`, kind: 'activity', id, enqueuedAt: iso, seq });
    const firstSeq = Number(savedOutbox?.seq);
    if (JSON.stringify(savedOutbox) !== JSON.stringify(outbox(first.id, firstSeq))) throw new Error(`saveActivity writes another outbox entry: ${JSON.stringify(savedOutbox)}`);
    // The same sequence counter saveActivity advances (outbox.ts enqueueInTransaction).
    await db.transaction('rw', db.activities, db.outbox, db.kv, async () => {
      const last = Number((await db.kv.get('outbox.seq'))?.value ?? 0);
      await db.activities.bulkPut(rest.map(mirror));
      await db.outbox.bulkPut(rest.map((r, i) => outbox(r.id, last + 1 + i)));
      await db.kv.put({ key: 'outbox.seq', value: last + rest.length });
    });
    return countPending('activity');
  },
  /** One run of the real sync client; the time it took and what is left. */
  async sync(): Promise<{ ms: number; outcome: string; pending: number; states: Record<string, number>; split: Record<string, number> }> {
    // Where the wall time goes: the app's fetch is wrapped to time the requests (push batches
    // on the wire, pulls); the rest of the time the client works alone (IndexedDB, JSON).
    const realFetch = window.fetch;
    const split = { pushRequests: 0, pushOnWireMs: 0, pullsMs: 0, firstPushAtMs: 0, lastPushAnsweredAtMs: 0 };
    const t0 = performance.now();
    window.fetch = async (input, init) => {
      const started = performance.now();
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      try {
        return await realFetch(input, init);
      } finally {
        const ended = performance.now();
        if (url.includes('/api/v1/sync/activities')) {
          split.pushRequests++;
          split.pushOnWireMs += ended - started;
          split.firstPushAtMs ||= started - t0;
          split.lastPushAnsweredAtMs = ended - t0;
        } else split.pullsMs += ended - started;
      }
    };
    let outcome;
    try {
      outcome = await syncOnce();
    } finally {
      window.fetch = realFetch;
    }
    const ms = performance.now() - t0;
    const rounded = Object.fromEntries(Object.entries(split).map(([k, v]) => [k, Math.round(v)]));
    return { ms, outcome: JSON.stringify(outcome), pending: await countPending('activity'), states: await countActivitiesBySyncState(), split: rounded };
  },
  /**
   * Where the time of one batch goes: the steps of the client's push (pushActivities), each
   * timed, on the next 500 pending records. For the report, not for the figure.
   */
  async profileBatch(size = 500): Promise<Record<string, number>> {
    const identity = await getDeviceIdentity();
    if (!identity) throw new Error('not enrolled');
    const t: Record<string, number> = {};
    let mark = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      t[name] = Math.round(now - mark);
      mark = now;
    };
    const taken = await takeActivityBatch({ limit: size });
    lap('takeActivityBatch');
    const records = taken.rows.map(toWire);
    lap('toWire');
    const res = await hubRequest(identity, '/api/v1/sync/activities', { method: 'POST', json: { records } });
    lap('hubRequest (hub ingest + network)');
    const answer = parsePushResponse(res.body, records.map((r) => r.id));
    lap('parsePushResponse');
    if (!answer) throw new Error('malformed answer');
    await applyActivityResults(answer.results, taken.seqs, taken.rows);
    lap('applyActivityResults');
    t.records = records.length;
    return t;
  },
  /**
   * The same two IndexedDB steps written with bulk operations (bulkGet / bulkPut / bulkDelete
   * in one transaction), on the next 500 pending records, to size the fix suggested to the
   * activity feature. Marks them synced as applyActivityResults would after 'created'.
   */
  async profileBulkVariant(size = 500): Promise<Record<string, number>> {
    const ids = await pendingIds('activity', size);
    const t: Record<string, number> = {};
    let mark = performance.now();
    await db.transaction('rw', db.activities, async () => {
      const rows = await db.activities.bulkGet(ids);
      await db.activities.bulkPut(rows.flatMap((r) => (r && (r.sentRevision === undefined || r.sentRevision < r.revision) ? [{ ...r, sentRevision: r.revision }] : [])));
    });
    t['markSent (bulk)'] = Math.round(performance.now() - mark);
    mark = performance.now();
    await db.transaction('rw', db.activities, db.outbox, async () => {
      const rows = await db.activities.bulkGet(ids);
      await db.activities.bulkPut(rows.flatMap((r) => (r ? [{ ...r, syncState: 'synced' as const }] : [])));
      await db.outbox.bulkDelete(ids.map((id) => `activity:${id}`));
    });
    t['applyResults (bulk)'] = Math.round(performance.now() - mark);
    t.records = ids.length;
    return t;
  },
};

window.benchPush = api;
