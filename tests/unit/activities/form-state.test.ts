import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as F from '../../../src/app/features/activities/lib/form-state.ts';
import { duplicateOf, formErrors, fromLocal, toLocal } from '../../../src/app/features/activities/lib/to-record.ts';
import { toWire } from '../../../src/shared/activity/anonymise.ts';
import { ActivityRecordSchema } from '../../../src/shared/activity/record.ts';
import {
  ADMIN_THEMES,
  AGE_BANDS,
  AUTONOMY,
  EQUIPMENT,
  GENRES,
  ORIENTATION_TARGETS,
  PLACE_KINDS,
  STATUSES,
  THEMES,
  WORKSHOP_LEVELS,
  codesOf,
} from '../../../src/shared/activity/codes.ts';

const TODAY = '2026-11-23';
const META = { id: '0190b2a4-1c2d-7e3f-8a4b-123456789abc', revision: 1, createdAt: '2026-11-23T09:00:00.000Z', updatedAt: '2026-11-23T09:00:00.000Z' };
type Op = (s: F.FormState) => F.FormState;
const pick = <T>(list: readonly T[]) => fc.constantFrom(...list);

/** Every button, stepper and field of the form, as operations on its state. */
const anyOp: fc.Arbitrary<Op> = fc.oneof(
  pick(['individuel', 'collectif'] as const).map((t): Op => (s) => F.setType(s, t)),
  pick(['2026-11-20', '2026-11-23']).map((d): Op => (s) => F.setDate(s, d)),
  fc.integer({ min: -5, max: 2000 }).map((n): Op => (s) => F.setDuration(s, n)),
  pick(codesOf(PLACE_KINDS)).map((k): Op => (s) => F.setPlaceKind(s, k)),
  pick(['venue-1', 'venue-2']).map((v): Op => (s) => F.setVenue(s, v)),
  pick(['59350', '44109']).map((c): Op => (s) => F.setPlaceCommune(s, c)),
  pick(codesOf(EQUIPMENT)).map((c): Op => (s) => F.toggleEquipment(s, c)),
  pick(codesOf(THEMES)).map((c): Op => (s) => F.toggleTheme(s, c)),
  pick(codesOf(ADMIN_THEMES)).map((c): Op => (s) => F.toggleAdminTheme(s, c)),
  pick([
    ['ameli', 'social_sante'],
    ['caf', 'famille_scolarite'],
    ['service-public', 'general'],
    ['mairie', undefined],
  ] as const).map(([id, category]): Op => (s) => F.togglePortalLink(s, id, category)),
  fc.boolean().map((b): Op => (s) => F.setAidantsConnect(s, b)),
  pick(codesOf(AUTONOMY)).map((a): Op => (s) => F.setAutonomy(s, a)),
  fc.boolean().map((b): Op => (s) => F.setOriented(s, b)),
  pick(codesOf(ORIENTATION_TARGETS)).map((t): Op => (s) => F.setOrientationTarget(s, t)),
  fc.option(pick(['venue-9']), { nil: undefined }).map((v): Op => (s) => F.setOrientationVenue(s, v)),
  fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u0007', '\u000b', '\u007f', '\t', '\n'), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 130 }).map((t): Op => (s) => F.setWorkshopTitle(s, t)),
  pick(codesOf(WORKSHOP_LEVELS)).map((l): Op => (s) => F.setWorkshopLevel(s, l)),
  pick(codesOf(GENRES)).map((g): Op => (s) => F.setPerson(s, 'genre', g)),
  pick(codesOf(AGE_BANDS)).map((g): Op => (s) => F.setPerson(s, 'ageBand', g)),
  pick(codesOf(STATUSES)).map((g): Op => (s) => F.setPerson(s, 'status', g)),
  fc.option(fc.boolean(), { nil: undefined }).map((b): Op => (s) => F.setPersonAlready(s, b)),
  fc.option(pick(['59350']), { nil: undefined }).map((c): Op => (s) => F.setPersonCommune(s, c)),
  fc.integer({ min: -3, max: 12_000 }).map((n): Op => (s) => F.setGroupTotal(s, n)),
  fc.integer({ min: -3, max: 40 }).map((n): Op => (s) => F.setGroupAlready(s, n)),
  fc
    .oneof(
      fc.tuple(fc.constant('genre' as const), pick<string>(codesOf(GENRES))),
      fc.tuple(fc.constant('ageBand' as const), pick<string>(codesOf(AGE_BANDS))),
      fc.tuple(fc.constant('status' as const), pick<string>(codesOf(STATUSES))),
    )
    .chain(([k, c]) => fc.integer({ min: -2, max: 40 }).map((n): Op => (s) => F.setGroupCount(s, k, c, n))),
  fc.integer({ min: -2, max: 30 }).map((n): Op => (s) => F.setPassNumerique(s, n)),
  pick(['t1', 't2']).map((t): Op => (s) => F.toggleTag(s, t)),
  fc.string({ maxLength: 40 }).map((n): Op => (s) => F.setNotes(s, n)),
);

/** The required choices a mediator makes when the form asks for them. */
function completeRequired(s: F.FormState): F.FormState {
  let out = s;
  if (out.themes.length === 0) out = F.toggleTheme(out, 'email');
  if (out.durationMin === undefined) out = F.setDuration(out, 30);
  if (!out.place.kind || (out.place.kind === 'lieu_activite' && !out.place.venueId)) out = F.setVenue(out, 'venue-1');
  if ((out.place.kind === 'autre' || out.place.kind === 'domicile') && !out.place.communeInsee) out = F.setPlaceCommune(out, '59350');
  if (out.type === 'collectif' && !out.workshop.title.trim()) out = F.setWorkshopTitle(out, 'Atelier e-mail');
  if (out.type === 'collectif' && !out.workshop.level) out = F.setWorkshopLevel(out, 'debutant');
  return out;
}

const start = F.initialForm({ date: TODAY, place: { kind: 'lieu_activite', venueId: 'venue-1' } });

describe('the activity form state', () => {
  it('whatever buttons are pressed, once the required choices are made the record passes the hub schema (property)', () => {
    fc.assert(
      fc.property(fc.array(anyOp, { maxLength: 40 }), (ops) => {
        const state = completeRequired(ops.reduce((s, op) => op(s), start));
        const wire = toWire(toLocal(state, META));
        const parsed = ActivityRecordSchema.safeParse(wire);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
        expect(formErrors(state, TODAY)).toEqual([]);
        expect(JSON.stringify(wire)).not.toContain('notes');
      }),
      { numRuns: 500 },
    );
  });

  it('says what is missing, by section', () => {
    expect(formErrors(start, TODAY)).toEqual(['themes']);
    const workshop = F.toggleTheme(F.setType(start, 'collectif'), 'email');
    expect(formErrors(workshop, TODAY)).toEqual(['workshop']);
    const away = F.toggleTheme(F.setPlaceKind(start, 'domicile'), 'email');
    expect(formErrors(away, TODAY)).toEqual(['place']);
    expect(formErrors(F.setDate(F.toggleTheme(start, 'email'), '2026-11-24'), TODAY)).toEqual(['date']);
  });

  it('drops what only belongs with "Aide aux démarches administratives" when it is unselected', () => {
    let s = F.toggleTheme(start, 'aide_aux_demarches_administratives');
    s = F.setAidantsConnect(F.togglePortalLink(F.toggleAdminTheme(s, 'logement'), 'caf'), true);
    s = F.toggleTheme(s, 'aide_aux_demarches_administratives');
    expect(s).toMatchObject({ themes: [], adminThemes: [], portalLinkIds: [], aidantsConnect: false });
  });

  it('fills in the démarche category of the first site chosen, and only then', () => {
    let s = F.togglePortalLink(start, 'ameli', 'social_sante');
    expect(s).toMatchObject({ themes: ['aide_aux_demarches_administratives'], adminThemes: ['social_sante'], portalLinkIds: ['ameli'] });
    s = F.togglePortalLink(s, 'caf', 'famille_scolarite');
    expect(s.adminThemes).toEqual(['social_sante']);
    expect(F.togglePortalLink(start, 'service-public', 'general').adminThemes).toEqual([]);
  });

  it('keeps "Pas de matériel" alone', () => {
    let s = F.toggleEquipment(F.toggleEquipment(start, 'telephone'), 'tablette');
    s = F.toggleEquipment(s, 'aucun');
    expect(s.equipment).toEqual(['aucun']);
    expect(F.toggleEquipment(s, 'ordinateur').equipment).toEqual(['ordinateur']);
  });

  it('never lets a workshop breakdown exceed the participants, nor the total drop below it', () => {
    let s = F.setGroupTotal(F.setType(start, 'collectif'), 5);
    s = F.setGroupCount(s, 'ageBand', 'soixante_soixante_neuf', 3);
    s = F.setGroupCount(s, 'ageBand', 'soixante_dix_plus', 9);
    expect(s.group.ageBand).toEqual({ 'soixante_soixante_neuf': 3, 'soixante_dix_plus': 2 });
    expect(F.setGroupTotal(s, 2).group.total).toBe(5);
  });

  it('round-trips a record through the form, and a duplicate keeps the help but not the person', () => {
    let s = F.toggleAdminTheme(F.toggleTheme(start, 'aide_aux_demarches_administratives'), 'social_sante');
    s = F.setNotes(F.setPerson(F.setAutonomy(s, 'autonome'), 'ageBand', 'soixante_soixante_neuf'), 'rappeler');
    const local = toLocal(s, META);
    expect(toLocal(fromLocal(local), META)).toEqual(local);
    const dup = duplicateOf(local, '2026-11-24');
    expect(dup).toMatchObject({ date: '2026-11-24', adminThemes: ['social_sante'], autonomy: 'autonome', person: {}, notes: '' });
  });
});
