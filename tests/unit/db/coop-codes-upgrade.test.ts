import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { KarioleDB } from '../../../src/app/db/index.ts';
import { toWire } from '../../../src/shared/activity/anonymise.ts';
import { ActivityRecordSchema } from '../../../src/shared/activity/record.ts';
import { LEGACY_INDIVIDUAL, LEGACY_WORKSHOP, UPGRADED_INDIVIDUAL, UPGRADED_WORKSHOP } from '../../fixtures/legacy-records.ts';

// A device of the previous version (database version 30) holding records, a draft and queued
// records in Kariole's earlier codes opens under version 31: everything is there once, in the
// Coop's codes, and the queue is unchanged (nothing lost, nothing queued twice).
const V30 = {
  activities: 'id, date, syncState, type, updatedAt',
  drafts: 'id, updatedAt',
  outbox: 'key, kind, enqueuedAt',
  venues: 'id',
  venueReports: 'id, createdAt',
  kv: 'key',
};
const NAME = 'kariole-coop-codes-upgrade';
const REFUSED_ID = '7d9e1c52-3b8a-4f0e-9a41-2c6b8e5f1a03';
const OTHER_REFUSED_ID = '7d9e1c52-3b8a-4f0e-9a41-2c6b8e5f1a04';
const local = { createdAt: '2026-10-05T09:00:00.000Z', updatedAt: '2026-10-05T09:10:00.000Z' };

describe('opening a version-30 device database under version 31', () => {
  afterEach(async () => {
    await Dexie.delete(NAME);
  });

  it('converts stored records, drafts and queued records to the Coop’s codes, keeping the queue as it was', async () => {
    const old = new Dexie(NAME);
    old.version(1).stores({ ...V30, venues: 'id, code_postal, departement' });
    old.version(30).stores({ venues: 'id' });
    await old.open();
    await old.table('activities').bulkPut([
      { ...LEGACY_INDIVIDUAL, ...local, notes: 'rappeler jeudi', syncState: 'pending', sentRevision: 2 },
      { ...LEGACY_WORKSHOP, ...local, syncState: 'synced' },
      // Pushed by the previous app to a hub already upgraded: refused for its earlier codes.
      { ...LEGACY_WORKSHOP, id: REFUSED_ID, ...local, syncState: 'rejected', sentRevision: 1, syncErrors: [{ path: 'themes.1', message: 'Thématiques d’accompagnement : valeur inconnue.' }] },
      // Refused for another reason, already in the new codes: left as it is.
      { ...UPGRADED_WORKSHOP, id: OTHER_REFUSED_ID, ...local, syncState: 'rejected', syncErrors: [{ path: 'place.venueId', message: 'Lieu d’activité : lieu inconnu.' }] },
    ]);
    await old.table('outbox').bulkPut([
      { key: `activity:${LEGACY_INDIVIDUAL.id}`, kind: 'activity', id: LEGACY_INDIVIDUAL.id, enqueuedAt: '2026-10-05T09:10:00.000Z' },
      { key: 'activity:legacy-payload', kind: 'activity', id: 'legacy-payload', enqueuedAt: '2026-10-05T09:11:00.000Z', record: LEGACY_WORKSHOP },
    ]);
    const draftState = {
      v: 1,
      type: 'collectif',
      date: '2026-10-07',
      place: { kind: 'autre_lieu', communeInsee: '59350' },
      themes: ['scolarite_numerique'],
      autonomy: 'autonome_guidage_si_besoin',
      orientation: { oriented: true, towards: 'operateur_demarche' },
      person: { ageBand: '12_17' },
      group: { total: 5, already: 0, genre: {}, ageBand: { '40_59': 2, '25_39': 1 }, status: {} },
      notes: 'à finir',
    };
    await old.table('drafts').put({ id: 'new', updatedAt: '2026-10-07T08:00:00.000Z', state: draftState });
    old.close();

    const current = new KarioleDB(NAME);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(31);

    expect(await current.activities.count()).toBe(4);
    const individual = await current.activities.get(LEGACY_INDIVIDUAL.id);
    expect(individual).toEqual({ ...UPGRADED_INDIVIDUAL, ...local, notes: 'rappeler jeudi', syncState: 'pending', sentRevision: 2 });
    const workshop = await current.activities.get(LEGACY_WORKSHOP.id);
    expect(workshop).toEqual({ ...UPGRADED_WORKSHOP, ...local, syncState: 'synced' });
    // What the device sends now passes the hub's schema, at the same revision.
    for (const row of [individual!, workshop!]) {
      const wire = toWire(row);
      expect(ActivityRecordSchema.safeParse(wire).success).toBe(true);
      expect(wire.revision).toBe(row.revision);
    }

    // The refused legacy record is queued again, once, in the new codes; the other stays refused.
    expect(await current.activities.get(REFUSED_ID)).toEqual({ ...UPGRADED_WORKSHOP, id: REFUSED_ID, ...local, syncState: 'pending', sentRevision: 1 });
    expect(await current.outbox.get(`activity:${REFUSED_ID}`)).toMatchObject({ kind: 'activity', id: REFUSED_ID });
    expect(await current.activities.get(OTHER_REFUSED_ID)).toMatchObject({ syncState: 'rejected' });
    expect(await current.outbox.get(`activity:${OTHER_REFUSED_ID}`)).toBeUndefined();
    expect(await current.outbox.count()).toBe(3);
    expect(await current.outbox.get(`activity:${LEGACY_INDIVIDUAL.id}`)).toMatchObject({ key: `activity:${LEGACY_INDIVIDUAL.id}`, kind: 'activity', id: LEGACY_INDIVIDUAL.id, enqueuedAt: '2026-10-05T09:10:00.000Z' });
    expect((await current.outbox.get('activity:legacy-payload'))?.record).toEqual(UPGRADED_WORKSHOP);
    expect(await current.activities.where('syncState').equals('pending').count()).toBe(2);

    expect((await current.drafts.get('new'))?.state).toEqual({
      ...draftState,
      place: { kind: 'autre', communeInsee: '59350' },
      themes: ['scolarite_et_numerique'],
      autonomy: 'partiellement_autonome',
      orientation: { oriented: true, towards: 'operateur_ou_organisme_en_charge' },
      person: { ageBand: 'douze_dix_huit' },
      group: { total: 5, already: 0, genre: {}, ageBand: { quarante_cinquante_neuf: 2, vingt_cinq_trente_neuf: 1 }, status: {} },
    });
    current.close();
  });
});
