import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/app/db/index.ts';
import {
  applyActivityResults,
  countActivitiesBySyncState,
  deleteActivity,
  getActivity,
  InvalidActivityError,
  listActivities,
  loadActivityHabits,
  loadDraft,
  saveActivity,
  saveDraft,
} from '../../../src/app/db/activities.ts';
import { takeActivityBatch } from '../../../src/app/db/outbox.ts';
import type { ActivityResult } from '../../../src/app/db/activities.ts';
import type { LocalActivity } from '../../../src/shared/activity/anonymise.ts';
import { isQuotaError } from '../../../src/app/shell/storage.ts';

/** What a push does first: takes the queued records (their revision noted as sent); returns the answer applier. */
async function takeForPush() {
  const batch = await takeActivityBatch({ limit: 500 });
  return (results: ActivityResult[]) => applyActivityResults(results, results.map((r) => batch.seqs[batch.rows.findIndex((row) => row.id === r.id)]!));
}

let seq = 0;
function aSession(over: Partial<LocalActivity> = {}): LocalActivity {
  seq++;
  return {
    id: `0190b2a4-1c2d-7e3f-8a4b-${String(seq).padStart(12, '0')}`,
    revision: 1,
    type: 'individuel',
    date: '2026-11-23',
    durationMin: 30,
    place: { kind: 'lieu_activite', venueId: 'venue-1' },
    equipment: [],
    themes: ['aide_aux_demarches_administratives'],
    adminThemes: ['social_sante'],
    portalLinkIds: ['ameli'],
    autonomy: 'autonome',
    beneficiaries: { total: 1, alreadyAccompanied: 0, genre: {}, ageBand: {}, status: {} },
    aidantsConnect: false,
    passNumerique: 0,
    tags: [],
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    ...over,
  };
}

const outboxKeys = async () => (await db.outbox.toArray()).map((r) => r.key);

/** Makes the next write to the outbox fail as a full disk does. */
function fillTheDiskOnNextOutboxWrite() {
  const fail = () => {
    db.outbox.hook('creating').unsubscribe(fail);
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  db.outbox.hook('creating', fail);
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('saving an activity', () => {
  it('stores the record and its outbox entry together, pending', async () => {
    const s = aSession({ notes: 'rappeler mardi' });
    await saveActivity(s, { now: new Date('2026-11-23T10:00:00Z') });
    const row = await getActivity(s.id);
    expect(row).toMatchObject({ syncState: 'pending', revision: 1, notes: 'rappeler mardi', updatedAt: '2026-11-23T10:00:00.000Z' });
    expect(await db.outbox.get(`activity:${s.id}`)).toMatchObject({ kind: 'activity', id: s.id });
  });

  it('refuses a record the hub would reject, storing nothing', async () => {
    const s = aSession({ themes: ['email'] });
    await expect(saveActivity(s)).rejects.toBeInstanceOf(InvalidActivityError);
    await expect(saveActivity(s)).rejects.toThrow(/Aide aux démarches administratives/);
    expect(await getActivity(s.id)).toBeUndefined();
    expect(await outboxKeys()).toEqual([]);
  });

  it('keeps the revision while the record has not been sent, and bumps it once it may be on the hub', async () => {
    const s = aSession();
    await saveActivity(s);
    await saveActivity({ ...s, durationMin: 45 });
    expect((await getActivity(s.id))?.revision).toBe(1);
    await takeForPush();
    await saveActivity({ ...s, durationMin: 60 });
    expect(await getActivity(s.id)).toMatchObject({ revision: 2, durationMin: 60, syncState: 'pending' });
    await saveActivity({ ...s, durationMin: 90 });
    expect((await getActivity(s.id))?.revision).toBe(2);
  });

  it('removes the form draft in the same transaction', async () => {
    await saveDraft('new', { step: 1 });
    await saveActivity(aSession(), { draftId: 'new' });
    expect(await loadDraft('new')).toBeUndefined();
  });

  it('on a full disk, throws a quota error and loses nothing already saved', async () => {
    const s = aSession();
    await saveActivity(s);
    await (await takeForPush())([{ id: s.id, status: 'created', revision: 1 }]);
    await saveDraft('new', { kept: true });
    fillTheDiskOnNextOutboxWrite();
    const err = await saveActivity({ ...s, durationMin: 120 }, { draftId: 'new' }).catch((e: unknown) => e);
    expect(isQuotaError(err)).toBe(true);
    expect(await getActivity(s.id)).toMatchObject({ durationMin: 30, syncState: 'synced', revision: 1 });
    expect((await loadDraft('new'))?.state).toEqual({ kept: true });
  });
});

describe('deleting an activity', () => {
  it('keeps a tombstone without its notes, queued, hidden from the list', async () => {
    const s = aSession({ notes: 'secret' });
    await saveActivity(s);
    await (await takeForPush())([{ id: s.id, status: 'created', revision: 1 }]);
    await deleteActivity(s.id);
    const row = await getActivity(s.id);
    expect(row).toMatchObject({ deleted: true, revision: 2, syncState: 'pending' });
    expect(row?.notes).toBeUndefined();
    expect(await outboxKeys()).toEqual([`activity:${s.id}`]);
    expect(await listActivities()).toEqual([]);
  });
});

describe('applying the hub results', () => {
  it('marks synced and dequeues, but keeps queued a record edited since it was sent', async () => {
    const a = aSession();
    const b = aSession();
    await saveActivity(a);
    await saveActivity(b);
    const answer = await takeForPush();
    await saveActivity({ ...b, durationMin: 45 }); // edited while the push is in flight: revision 2
    await answer([
      { id: a.id, status: 'created', revision: 1 },
      { id: b.id, status: 'created', revision: 1 },
    ]);
    expect((await getActivity(a.id))?.syncState).toBe('synced');
    expect(await getActivity(b.id)).toMatchObject({ syncState: 'pending', revision: 2 });
    expect(await outboxKeys()).toEqual([`activity:${b.id}`]);
  });

  it('flags rejected and conflicting records with their reasons and stops retrying them; editing queues them again', async () => {
    const a = aSession();
    const b = aSession();
    await saveActivity(a);
    await saveActivity(b);
    const answer = await takeForPush();
    const errors = [{ path: 'place.venueId', message: "Lieu d'activité : lieu inconnu." }];
    await answer([
      { id: a.id, status: 'rejected', errors },
      { id: b.id, status: 'conflict', revision: 1 },
    ]);
    expect(await getActivity(a.id)).toMatchObject({ syncState: 'rejected', syncErrors: errors });
    expect((await getActivity(b.id))?.syncState).toBe('conflict');
    expect(await outboxKeys()).toEqual([]);
    expect(await countActivitiesBySyncState()).toEqual({ pending: 0, synced: 0, conflict: 1, rejected: 1 });
    await saveActivity({ ...a, place: { kind: 'a_distance' } });
    expect(await getActivity(a.id)).toMatchObject({ syncState: 'pending', revision: 2 });
    expect((await getActivity(a.id))?.syncErrors).toBeUndefined();
    expect(await outboxKeys()).toEqual([`activity:${a.id}`]);
  });
});

describe('listing and habits', () => {
  it('lists by day, newest first, filtered by period and type', async () => {
    const monday = aSession({ date: '2026-11-23', createdAt: '2026-11-23T09:00:00Z' });
    const mondayLater = aSession({ date: '2026-11-23', createdAt: '2026-11-23T11:00:00Z' });
    const workshop = aSession({
      date: '2026-11-20',
      type: 'collectif',
      autonomy: undefined,
      workshop: { title: 'E-mail', level: 'debutant' },
      beneficiaries: { total: 6, alreadyAccompanied: 0, genre: {}, ageBand: {}, status: {} },
    });
    for (const s of [monday, workshop, mondayLater]) await saveActivity(s);
    expect((await listActivities()).map((r) => r.id)).toEqual([mondayLater.id, monday.id, workshop.id]);
    expect((await listActivities({ type: 'collectif' })).map((r) => r.id)).toEqual([workshop.id]);
    expect((await listActivities({ from: '2026-11-21', to: '2026-11-30' })).map((r) => r.id)).toEqual([mondayLater.id, monday.id]);
  });

  it('learns the last place and the frequent durations', async () => {
    await saveActivity(aSession({ durationMin: 20, createdAt: '2026-11-23T08:00:00Z' }));
    await saveActivity(aSession({ durationMin: 20, createdAt: '2026-11-23T08:30:00Z' }));
    await saveActivity(aSession({ durationMin: 45, createdAt: '2026-11-23T09:00:00Z' }));
    await saveActivity(aSession({ durationMin: 20, createdAt: '2026-11-23T10:00:00Z', place: { kind: 'autre', communeInsee: '59350' } }));
    expect(await loadActivityHabits()).toEqual({ lastPlace: { kind: 'autre', communeInsee: '59350' }, frequentDurations: [20] });
  });
});
