import fc from 'fast-check';
import type { DB, Dialect } from '../../src/hub/db/schema.ts';
import { ingestActivities, type IngestItem } from '../../src/hub/repositories/activities.ts';
import type { ActivityRecord } from '../../src/shared/activity/record.ts';
import {
  ADMIN_THEMES, AGE_BANDS, EQUIPMENT, GENRES, ORIENTATION_TARGETS, PLACE_KINDS, STATUSES, THEMES, codesOf,
} from '../../src/shared/activity/codes.ts';

/** A record as a device of a mediator of a structure pushed it. */
export interface Logged {
  structureId: string;
  mediatorId: string;
  record: ActivityRecord;
}

/** Stores records through the sync ingest (the path a device's push takes), grouped per device. */
export async function givenLogged(db: DB, dialect: Dialect, logged: Logged[], now = '2025-04-01T10:00:00.000Z'): Promise<void> {
  const byDevice = new Map<string, Logged[]>();
  for (const l of logged) {
    const key = `${l.structureId}|${l.mediatorId}`;
    byDevice.set(key, [...(byDevice.get(key) ?? []), l]);
  }
  for (const [key, list] of byDevice) {
    const [structureId, mediatorId] = key.split('|') as [string, string];
    for (let i = 0; i < list.length; i += 200) {
      const items: IngestItem[] = list.slice(i, i + 200).map((l, index) => ({
        index,
        id: l.record.id,
        revision: l.record.revision,
        deleted: false,
        record: l.record as unknown as Record<string, unknown>,
      }));
      await ingestActivities(db, dialect, { deviceId: `dev-${mediatorId}`, structureId, mediatorId }, items, now);
    }
  }
}

/** Pushes deletions of these records (tombstones). */
export async function givenDeleted(db: DB, dialect: Dialect, logged: Logged[]): Promise<void> {
  for (const l of logged) {
    await ingestActivities(
      db,
      dialect,
      { deviceId: `dev-${l.mediatorId}`, structureId: l.structureId, mediatorId: l.mediatorId },
      [{ index: 0, id: l.record.id, revision: l.record.revision + 1, deleted: true, record: null }],
      '2025-04-02T10:00:00.000Z',
    );
  }
}

const uuid = fc.uuid({ version: 7 });
const day = fc.integer({ min: 0, max: 45 }).map((n) => {
  const d = new Date(Date.UTC(2025, 0, 20) + n * 86400_000);
  return d.toISOString().slice(0, 10);
});
const subset = <T>(list: readonly T[]) => fc.subarray([...list]);
const counts = (codes: readonly string[], total: number) =>
  fc.array(fc.integer({ min: 0, max: total }), { minLength: codes.length, maxLength: codes.length }).map((ns) => {
    const out: Record<string, number> = {};
    let left = total;
    codes.forEach((c, i) => {
      const n = Math.min(ns[i]!, left);
      if (n > 0) out[c] = n;
      left -= n;
    });
    return out;
  });

/** A valid wire record (taxonomy.md) of either type, any place kind, any breakdown. */
export function arbRecord(venues: string[], communes: string[]): fc.Arbitrary<ActivityRecord> {
  return fc
    .record({
      id: uuid,
      type: fc.constantFrom('individuel', 'collectif') as fc.Arbitrary<'individuel' | 'collectif'>,
      date: day,
      durationMin: fc.constantFrom(5, 15, 29, 30, 45, 59, 60, 90, 119, 120, 240),
      kind: fc.constantFrom(...codesOf(PLACE_KINDS)),
      venueId: fc.constantFrom(...venues),
      placeCommune: fc.constantFrom(...communes),
      equipment: fc.oneof(subset(codesOf(EQUIPMENT).filter((e) => e !== 'aucun')), fc.constant<('aucun')[]>(['aucun'])),
      themes: fc.subarray(codesOf(THEMES), { minLength: 1, maxLength: 4 }),
      adminThemes: subset(codesOf(ADMIN_THEMES)),
      total: fc.integer({ min: 1, max: 30 }),
      alreadyRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      oriented: fc.option(fc.boolean(), { nil: undefined }),
      towards: fc.constantFrom(...codesOf(ORIENTATION_TARGETS)),
      benefCommune: fc.option(fc.constantFrom(...communes), { nil: undefined }),
      seed: fc.integer(),
    })
    .chain((r) => {
      const total = r.type === 'individuel' ? 1 : r.total;
      return fc
        .record({
          genre: counts(codesOf(GENRES).filter((c) => c !== 'non_communique'), total),
          ageBand: counts(codesOf(AGE_BANDS), total),
          status: counts(codesOf(STATUSES), total),
        })
        .map((b): ActivityRecord => {
          const individual = r.type === 'individuel';
          const themes = r.adminThemes.length && !r.themes.includes('aide_aux_demarches_administratives') ? [...r.themes, 'aide_aux_demarches_administratives' as const] : r.themes;
          return {
            id: r.id,
            revision: 1,
            type: r.type,
            date: r.date,
            durationMin: r.durationMin,
            place:
              r.kind === 'lieu_activite'
                ? { kind: r.kind, venueId: r.venueId }
                : r.kind === 'a_distance'
                  ? { kind: r.kind }
                  : { kind: r.kind, communeInsee: r.placeCommune },
            equipment: r.equipment,
            themes,
            adminThemes: r.adminThemes,
            portalLinkIds: [],
            ...(individual && r.oriented !== undefined ? { orientation: r.oriented ? { oriented: true, towards: r.towards } : { oriented: false } } : {}),
            ...(individual ? {} : { workshop: { title: 'Atelier', level: 'debutant' as const } }),
            beneficiaries: {
              total,
              alreadyAccompanied: Math.floor(r.alreadyRatio * total),
              genre: b.genre,
              ageBand: b.ageBand,
              status: b.status,
              ...(individual && r.benefCommune ? { communeInsee: r.benefCommune } : {}),
            },
            aidantsConnect: false,
            passNumerique: 0,
            tags: [],
          };
        });
    });
}
