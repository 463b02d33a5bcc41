import fc from 'fast-check';
import {
  ADMIN_THEME_PARENT,
  ADMIN_THEMES,
  AGE_BANDS,
  AUTONOMY,
  EQUIPMENT,
  GENRES,
  ORIENTATION_TARGETS,
  STATUSES,
  THEMES,
  WORKSHOP_LEVELS,
  codesOf,
  type AdminThemeCode,
  type EquipmentCode,
} from '../../../src/shared/activity/codes.ts';
import type { ActivityRecord } from '../../../src/shared/activity/record.ts';
import type { LocalActivity } from '../../../src/shared/activity/anonymise.ts';

// Generators of coherent activity records (every rule of taxonomy.md holds by construction).

const sub = <T>(list: T[], min = 0) => fc.uniqueArray(fc.constantFrom(...list), { minLength: min, maxLength: list.length });
const insee = fc.constantFrom('59350', '44109', '2A004', '75056', '13055');
const uuid = fc.uuid({ version: 7 });
const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const place = fc.oneof(
  fc.record({ kind: fc.constant('lieu_activite' as const), venueId: fc.string({ minLength: 1, maxLength: 40 }) }),
  fc.record({ kind: fc.constantFrom('autre' as const, 'domicile' as const), communeInsee: insee }),
  fc.record({ kind: fc.constant('a_distance' as const) }),
);

const equipment = fc.oneof(fc.constant<EquipmentCode[]>(['aucun']), sub<EquipmentCode>(codesOf(EQUIPMENT).filter((c) => c !== 'aucun')));

/** A breakdown of `total` people over codes, never summing above it. */
function breakdown<T extends string>(codes: T[], total: number) {
  return fc.array(fc.tuple(fc.constantFrom(...codes), fc.nat({ max: total })), { maxLength: codes.length }).map((pairs) => {
    const out: Partial<Record<T, number>> = {};
    let left = total;
    for (const [code, n] of pairs) {
      if (out[code] !== undefined) continue;
      const take = Math.min(n, left);
      out[code] = take;
      left -= take;
    }
    return out;
  });
}

function beneficiaries(individual: boolean) {
  const total = individual ? fc.constant(1) : fc.integer({ min: 1, max: 10_000 });
  return total.chain((t) =>
    fc.record(
      {
        total: fc.constant(t),
        alreadyAccompanied: fc.nat({ max: t }),
        genre: breakdown(codesOf(GENRES), t),
        ageBand: breakdown(codesOf(AGE_BANDS), t),
        status: breakdown(codesOf(STATUSES), t),
        ...(individual ? { communeInsee: insee } : {}),
      },
      { requiredKeys: ['total', 'alreadyAccompanied', 'genre', 'ageBand', 'status'] },
    ),
  );
}

const themesAndAdmin = sub(codesOf(THEMES), 1).chain((themes) =>
  (themes.includes(ADMIN_THEME_PARENT) ? sub(codesOf(ADMIN_THEMES)) : fc.constant<AdminThemeCode[]>([])).map((adminThemes) => ({ themes, adminThemes })),
);

const common = fc.record({
  id: uuid,
  revision: fc.integer({ min: 1, max: 50 }),
  date,
  durationMin: fc.integer({ min: 1, max: 1440 }),
  place,
  equipment,
  ta: themesAndAdmin,
  portalLinkIds: fc.uniqueArray(fc.constantFrom('impots', 'caf', 'ameli', 'ants', 'france-travail'), { maxLength: 5 }),
  aidantsConnect: fc.boolean(),
  passNumerique: fc.nat({ max: 20 }),
  tags: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3'), { maxLength: 3 }),
});

const individual = fc
  .record({
    c: common,
    beneficiaries: beneficiaries(true),
    autonomy: fc.option(fc.constantFrom(...codesOf(AUTONOMY)), { nil: undefined }),
    orientation: fc.option(
      fc.oneof(
        fc.constant({ oriented: false }),
        fc.record({ oriented: fc.constant(true), towards: fc.constantFrom(...codesOf(ORIENTATION_TARGETS)), venueId: fc.string({ minLength: 1, maxLength: 20 }) }, { requiredKeys: ['oriented'] }),
      ),
      { nil: undefined },
    ),
  })
  .map(({ c, beneficiaries, autonomy, orientation }): ActivityRecord => {
    const { ta, ...rest } = c;
    const r: ActivityRecord = { ...rest, ...ta, type: 'individuel', beneficiaries };
    if (autonomy) r.autonomy = autonomy;
    if (orientation) r.orientation = orientation;
    return r;
  });

const collective = fc
  .record({
    c: common,
    beneficiaries: beneficiaries(false),
    workshop: fc.record({ title: fc.string({ minLength: 1, maxLength: 120 }).filter((s) => s.trim() === s && s.length > 0), level: fc.constantFrom(...codesOf(WORKSHOP_LEVELS)) }),
  })
  .map(({ c, beneficiaries, workshop }): ActivityRecord => {
    const { ta, ...rest } = c;
    return { ...rest, ...ta, type: 'collectif', beneficiaries, workshop };
  });

/** Any coherent wire record, individual or collective. */
export const arbitraryRecord = fc.oneof(individual, collective);

/** A device-side activity around a coherent record, with local-only fields that must never leave. */
export const arbitraryLocal = fc
  .record({
    record: arbitraryRecord,
    note: fc.string({ minLength: 1, maxLength: 60 }),
    createdAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
    syncState: fc.constantFrom('pending' as const, 'synced' as const, 'conflict' as const, 'rejected' as const),
    sentRevision: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
    deleted: fc.boolean(),
  })
  .map(({ record, note, createdAt, syncState, sentRevision, deleted }): LocalActivity => {
    const local: LocalActivity = {
      ...record,
      // a marker no code or id can contain, so its absence from the wire is meaningful
      notes: `§NOTE§${note}`,
      createdAt: createdAt.toISOString(),
      updatedAt: new Date(createdAt.getTime() + 61_000).toISOString(),
      syncState,
      syncErrors: syncState === 'rejected' ? [{ path: 'date', message: 'x' }] : undefined,
      sentRevision,
    };
    if (deleted) local.deleted = true;
    return local;
  });
