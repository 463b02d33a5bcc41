import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/app/db/index.ts';
import { applyActivityResults, markActivitiesSent, type ActivityResult } from '../../../src/app/db/activities.ts';
import { takeActivityBatch } from '../../../src/app/db/outbox.ts';
import type { ActivityRow } from '../../../src/app/db/rows/activities.ts';

// The sync client takes its batch in one transaction (takeActivityBatch) where the activities
// feature marks records one list at a time (markActivitiesSent); both then apply the hub's
// answers in bulk. Same scenario through both: same rows, same outbox, as the protocol says.

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

const ids = Array.from({ length: 7 }, () => randomUUID());
// Queued: new records, one sent before at revision 1 and edited since (revision 2).
const rows = [row(ids[0]!, 1), row(ids[1]!, 1), row(ids[2]!, 1), row(ids[3]!, 1), row(ids[4]!, 2, 1), row(ids[5]!, 1)];
const answers: ActivityResult[] = [
  { id: ids[0]!, status: 'created', revision: 1 },
  { id: ids[1]!, status: 'updated', revision: 1 }, // edited while in flight: stays queued
  { id: ids[2]!, status: 'conflict', revision: 4, errors: [{ path: 'revision', message: 'autre version' }] },
  { id: ids[3]!, status: 'rejected', errors: [{ path: 'themes', message: 'manquant' }] },
  { id: ids[4]!, status: 'unchanged', revision: 2 },
  { id: ids[5]!, status: 'unchanged' },
  { id: ids[6]!, status: 'created', revision: 1 }, // no such row: its entry goes
];

/** A record edited on the device while its push is in flight (the form bumps a sent revision). */
async function editedInFlight(id: string) {
  const r = (await db.activities.get(id))!;
  await db.activities.put({ ...r, revision: r.revision + 1, durationMin: 45 });
}

async function given() {
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.activities.bulkPut(rows);
  await db.outbox.bulkPut(ids.slice(0, 6).map((id) => ({ key: `activity:${id}`, kind: 'activity', id, enqueuedAt: '2026-11-20T10:00:00.000Z' })));
}

async function snapshot() {
  return { rows: await db.activities.orderBy('id').toArray(), outbox: (await db.outbox.toArray()).map((o) => o.key).sort() };
}

describe('sync results applied in bulk', () => {
  beforeEach(given);

  it('take a batch, mark it sent and apply results exactly as the activities feature does', async () => {
    await markActivitiesSent(rows.map((r) => ({ id: r.id, revision: r.revision })));
    await editedInFlight(ids[1]!);
    await applyActivityResults(answers);
    const reference = await snapshot();
    await given();
    const batch = await takeActivityBatch(500);
    expect(batch.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(batch.every((r) => r.sentRevision === r.revision)).toBe(true);
    await editedInFlight(ids[1]!);
    await applyActivityResults(answers);
    expect(await snapshot()).toEqual(reference);
    // And the reference is what the protocol asks for.
    const state = Object.fromEntries(reference.rows.map((r) => [r.id, r.syncState]));
    expect(state[ids[0]!]).toBe('synced');
    expect(state[ids[1]!]).toBe('pending');
    expect(state[ids[2]!]).toBe('conflict');
    expect(state[ids[3]!]).toBe('rejected');
    expect(state[ids[4]!]).toBe('synced');
    expect(reference.outbox).toEqual([`activity:${ids[1]}`]);
  });
});
