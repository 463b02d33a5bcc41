import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/app/db/index.ts';
import { applyActivityResults, deleteActivity, saveActivity, type ActivityResult } from '../../../src/app/db/activities.ts';
import { takeActivityBatch } from '../../../src/app/db/outbox.ts';
import type { ActivityRow } from '../../../src/app/db/rows/activities.ts';

// The sync client takes its batch in one transaction (takeActivityBatch: the revision sent and
// the outbox sequence of each record), then applies the hub's answers in bulk, acknowledging
// exactly the sequences it sent: a record changed while the push was in flight stays queued.

function row(id: string, revision: number, sentRevision?: number): ActivityRow {
  return {
    id,
    revision,
    ...(sentRevision !== undefined ? { sentRevision } : {}),
    type: 'individuel',
    date: '2026-11-20',
    durationMin: 30,
    place: { kind: 'a_distance' },
    equipment: [],
    themes: ['email'],
    adminThemes: [],
    portalLinkIds: [],
    beneficiaries: { total: 1, alreadyAccompanied: 0, genre: {}, ageBand: {}, status: {} },
    aidantsConnect: false,
    passNumerique: 0,
    tags: [],
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    syncState: 'pending',
  };
}

const ids = Array.from({ length: 8 }, () => randomUUID());
// Queued: new records, one sent before at revision 1 and edited since (revision 2).
const rows = [row(ids[0]!, 1), row(ids[1]!, 1), row(ids[2]!, 1), row(ids[3]!, 1), row(ids[4]!, 2, 1), row(ids[5]!, 1), row(ids[7]!, 1)];
const answers: ActivityResult[] = [
  { id: ids[0]!, status: 'created', revision: 1 },
  { id: ids[1]!, status: 'updated', revision: 1 }, // edited while in flight: stays queued
  { id: ids[2]!, status: 'conflict', revision: 4, errors: [{ path: 'revision', message: 'autre version' }] },
  { id: ids[3]!, status: 'rejected', errors: [{ path: 'themes', message: 'manquant' }] },
  { id: ids[4]!, status: 'unchanged', revision: 2 },
  { id: ids[5]!, status: 'unchanged' },
  { id: ids[7]!, status: 'created', revision: 1 }, // deleted while in flight: the deletion stays queued
];

async function given() {
  await Promise.all(db.tables.map((t) => t.clear()));
  // Queued through the db module, so each entry has its sequence; then the rows as the scenario needs them.
  for (const r of rows) {
    const { syncState: _s, sentRevision: _r, ...local } = r;
    await saveActivity(local);
  }
  await db.activities.bulkPut(rows);
}

describe('sync results applied in bulk, acknowledged by outbox sequence', () => {
  beforeEach(given);

  it('marks what was sent and is unchanged since; keeps queued what changed while in flight', async () => {
    const batch = await takeActivityBatch({ limit: 500 });
    expect(batch.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(batch.rows.every((r) => r.sentRevision === r.revision)).toBe(true);
    expect(new Set(batch.seqs).size).toBe(rows.length);
    const edited = await saveActivity({ ...(await db.activities.get(ids[1]!))!, durationMin: 45 });
    expect(edited.revision).toBe(2);
    await deleteActivity(ids[7]!);
    const seqOf = (id: string) => batch.seqs[batch.rows.findIndex((r) => r.id === id)]!;
    await applyActivityResults(answers, answers.map((a) => seqOf(a.id)));
    const state = Object.fromEntries((await db.activities.toArray()).map((r) => [r.id, r.syncState]));
    expect(state[ids[0]!]).toBe('synced');
    expect(state[ids[1]!]).toBe('pending');
    expect(state[ids[2]!]).toBe('conflict');
    expect(state[ids[3]!]).toBe('rejected');
    expect(state[ids[4]!]).toBe('synced');
    expect(state[ids[5]!]).toBe('synced');
    expect(state[ids[7]!]).toBe('pending');
    expect(await db.activities.get(ids[7]!)).toMatchObject({ deleted: true, revision: 2 });
    expect((await db.outbox.toArray()).map((o) => o.key).sort()).toEqual([`activity:${ids[1]}`, `activity:${ids[7]}`].sort());
  });

  it('an answer for a record that is gone removes its entry; an answer for another sequence removes nothing', async () => {
    const batch = await takeActivityBatch({ limit: 500 });
    await db.activities.delete(ids[0]!);
    await applyActivityResults([{ id: ids[0]!, status: 'created', revision: 1 }], [batch.seqs[0]!]);
    expect(await db.outbox.get(`activity:${ids[0]}`)).toBeUndefined();
    await applyActivityResults([{ id: ids[5]!, status: 'created', revision: 1 }], [batch.seqs[0]!]);
    expect(await db.outbox.get(`activity:${ids[5]}`)).toBeDefined();
    expect((await db.activities.get(ids[5]!))?.syncState).toBe('pending');
  });

  it('caps a batch by bytes as well as by count, always taking at least one record', async () => {
    const one = await takeActivityBatch({ limit: 500, maxBytes: 250, sizeOf: () => 100 });
    expect(one.rows).toHaveLength(2);
    const huge = await takeActivityBatch({ limit: 500, maxBytes: 10, sizeOf: () => 100, exclude: new Set(one.rows.map((r) => r.id)) });
    expect(huge.rows).toHaveLength(1);
    const counted = await takeActivityBatch({ limit: 3 });
    expect(counted.rows).toHaveLength(3);
  });
});
