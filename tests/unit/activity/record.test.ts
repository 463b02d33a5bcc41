import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ActivityDeletionSchema, ActivityRecordSchema, activityWireSchemaFor, type ActivityRecordInput } from '../../../src/shared/activity/record.ts';
import { ADMIN_THEMES, AGE_BANDS, THEMES, durationBucket, labelOf } from '../../../src/shared/activity/codes.ts';
import { arbitraryRecord } from './arbitraries.ts';

function anIndividualSession(over: Partial<ActivityRecordInput> = {}): ActivityRecordInput {
  return {
    id: '0190b2a4-1c2d-7e3f-8a4b-123456789abc',
    revision: 1,
    type: 'individuel',
    date: '2026-11-23',
    durationMin: 30,
    place: { kind: 'lieu_activite', venueId: 'venue-1' },
    themes: ['aide_aux_demarches_administratives'],
    adminThemes: ['social_sante'],
    portalLinkIds: ['ameli'],
    autonomy: 'autonome',
    beneficiaries: { total: 1 },
    ...over,
  };
}

function aWorkshop(over: Partial<ActivityRecordInput> = {}): ActivityRecordInput {
  return {
    id: '0190b2a4-1c2d-7e3f-8a4b-123456789abd',
    revision: 1,
    type: 'collectif',
    date: '2026-11-23',
    durationMin: 120,
    place: { kind: 'autre', communeInsee: '59350' },
    themes: ['email', 'navigation_sur_internet'],
    workshop: { title: 'Créer son adresse e-mail', level: 'debutant' },
    beneficiaries: { total: 8, alreadyAccompanied: 3, genre: { feminin: 5, masculin: 2 }, ageBand: { 'soixante_soixante_neuf': 4 } },
    ...over,
  };
}

/** The French messages of a failed parse, keyed by dotted path. */
function errorsOf(input: unknown): Record<string, string> {
  const r = ActivityRecordSchema.safeParse(input);
  expect(r.success).toBe(false);
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('the national codes', () => {
  it('carry the national French labels verbatim', () => {
    expect(THEMES).toHaveLength(19);
    expect(ADMIN_THEMES).toHaveLength(11);
    expect(labelOf(THEMES, 'reseaux_sociaux')).toBe('Réseaux sociaux communication');
    expect(labelOf(ADMIN_THEMES, 'travail_formation')).toBe('Travail - Formation - Entreprise');
    expect(labelOf(AGE_BANDS, 'soixante_dix_plus')).toBe('70 ans et plus');
  });

  it('bucket durations as the national dashboard does', () => {
    expect([29, 30, 59, 60, 119, 120].map(durationBucket)).toEqual(['30', '60', '60', '120', '120', 'more']);
  });
});

describe('ActivityRecordSchema', () => {
  it('accepts a typical individual session and fills the optional lists', () => {
    const r = ActivityRecordSchema.parse(anIndividualSession());
    expect(r.equipment).toEqual([]);
    expect(r.tags).toEqual([]);
    expect(r.aidantsConnect).toBe(false);
    expect(r.beneficiaries).toEqual({ total: 1, alreadyAccompanied: 0, genre: {}, ageBand: {}, status: {} });
  });

  it('accepts a workshop', () => {
    expect(ActivityRecordSchema.safeParse(aWorkshop()).success).toBe(true);
  });

  it('rejects unknown fields, at the top and inside, naming them', () => {
    expect(errorsOf({ ...anIndividualSession(), notes: 'Mme X, 06…' })['']).toMatch(/champ non autorisé \(notes\)/);
    expect(errorsOf({ ...anIndividualSession(), createdAt: '2026-11-23T09:14:00Z' })['']).toMatch(/createdAt/);
    expect(errorsOf(anIndividualSession({ place: { kind: 'lieu_activite', venueId: 'v', address: '3 rue' } as never }))['place']).toMatch(/address/);
    expect(errorsOf(anIndividualSession({ beneficiaries: { total: 1, name: 'Mme X' } as never }))['beneficiaries']).toMatch(/name/);
    expect(errorsOf(anIndividualSession({ beneficiaries: { total: 1, genre: { autre: 1 } } as never }))['beneficiaries.genre']).toMatch(/^Genre/);
  });

  it('needs at least one theme', () => {
    expect(errorsOf(anIndividualSession({ themes: [], adminThemes: [] }))['themes']).toBe("Thématiques d’accompagnement : choisissez-en au moins un.");
  });

  it('takes administrative themes only with "Aide aux démarches administratives"', () => {
    expect(errorsOf(anIndividualSession({ themes: ['email'] }))['adminThemes']).toMatch(/Aide aux démarches administratives/);
  });

  it('needs the venue for a place of activity and the commune for another place or at home', () => {
    expect(errorsOf(anIndividualSession({ place: { kind: 'lieu_activite' } }))['place.venueId']).toMatch(/^Lieu d’activité/);
    expect(errorsOf(anIndividualSession({ place: { kind: 'autre' } }))['place.communeInsee']).toMatch(/^Commune du lieu/);
    expect(errorsOf(anIndividualSession({ place: { kind: 'domicile' } }))['place.communeInsee']).toMatch(/^Commune du lieu/);
    expect(errorsOf(anIndividualSession({ place: { kind: 'a_distance', venueId: 'v' } }))['place.venueId']).toBeDefined();
    expect(errorsOf(anIndividualSession({ place: { kind: 'domicile', communeInsee: '5935' } }))['place.communeInsee']).toMatch(/format/);
    expect(ActivityRecordSchema.safeParse(anIndividualSession({ place: { kind: 'a_distance' } })).success).toBe(true);
  });

  it('never lets a breakdown exceed the total', () => {
    const errs = errorsOf(aWorkshop({ beneficiaries: { total: 4, alreadyAccompanied: 5, status: { retraite: 3, en_emploi: 2 } } }));
    expect(errs['beneficiaries.status']).toMatch(/^Statut : le total dépasse/);
    expect(errs['beneficiaries.alreadyAccompanied']).toMatch(/^Déjà accompagnés/);
  });

  it('keeps workshop fields to workshops and autonomy, orientation, commune of residence to individual sessions', () => {
    expect(errorsOf(anIndividualSession({ workshop: { title: 'x', level: 'avance' } }))['workshop']).toMatch(/atelier collectif/);
    expect(errorsOf(aWorkshop({ workshop: undefined }))['workshop']).toMatch(/obligatoires/);
    expect(errorsOf(aWorkshop({ autonomy: 'autonome' }))['autonomy']).toMatch(/individuel/);
    expect(errorsOf(aWorkshop({ orientation: { oriented: true } }))['orientation']).toMatch(/individuel/);
    expect(errorsOf(aWorkshop({ beneficiaries: { total: 3, communeInsee: '59350' } }))['beneficiaries.communeInsee']).toMatch(/individuel/);
    expect(errorsOf(anIndividualSession({ beneficiaries: { total: 2 } }))['beneficiaries.total']).toMatch(/1 personne/);
    expect(errorsOf(aWorkshop({ beneficiaries: { total: 10_001 } }))['beneficiaries.total']).toMatch(/au plus 10000/);
    expect(errorsOf(aWorkshop({ workshop: { title: ' ', level: 'debutant' } }))['workshop.title']).toMatch(/^Titre de l’atelier/);
  });

  it('checks the basic fields with plain French messages', () => {
    const errs = errorsOf(anIndividualSession({ date: '2026-02-30', durationMin: 1441, revision: 0, id: 'abc' }));
    expect(errs['date']).toBe("Date de l'accompagnement : cette date n'existe pas.");
    expect(errs['durationMin']).toBe('Durée : au plus 1440.');
    expect(errs['revision']).toBe('Révision : au moins 1.');
    expect(errs['id']).toBe('Identifiant : format invalide.');
    expect(errorsOf({})['type']).toBe("Type d'accompagnement : ce champ est obligatoire.");
    expect(errorsOf(anIndividualSession({ equipment: ['aucun', 'tablette'] }))['equipment']).toMatch(/Pas de matériel/);
  });

  it('accepts every coherent record (property)', () => {
    fc.assert(
      fc.property(arbitraryRecord, (r) => {
        const parsed = ActivityRecordSchema.safeParse(r);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
        expect(parsed.data).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects any record carrying a field outside the national table (property)', () => {
    const wireKeys = new Set(Object.keys(ActivityRecordSchema.parse(anIndividualSession())).concat('orientation', 'workshop'));
    const extraKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !wireKeys.has(k) && k !== '__proto__');
    fc.assert(
      fc.property(arbitraryRecord, extraKey, fc.jsonValue(), (r, key, value) => {
        const tampered = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
        tampered[key] = value;
        expect(ActivityRecordSchema.safeParse(tampered).success).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on hostile input, and names a field in every message (property)', () => {
    const hostile = fc.oneof(
      fc.anything(),
      arbitraryRecord.chain((r) =>
        fc.record({ key: fc.constantFrom(...Object.keys(r)), value: fc.anything() }).map(({ key, value }) => ({ ...r, [key]: value })),
      ),
    );
    fc.assert(
      fc.property(hostile, (input) => {
        const r = ActivityRecordSchema.safeParse(input);
        for (const issue of r.error?.issues ?? []) expect(issue.message).toMatch(/^[^:]+ : /);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ActivityDeletionSchema', () => {
  it('is exactly an id, a revision and deleted: true', () => {
    const del = { id: '0190b2a4-1c2d-7e3f-8a4b-123456789abc', revision: 3, deleted: true };
    expect(ActivityDeletionSchema.parse(del)).toEqual(del);
    expect(ActivityDeletionSchema.safeParse({ ...del, date: '2026-11-23' }).success).toBe(false);
    expect(ActivityDeletionSchema.safeParse({ ...del, deleted: false }).success).toBe(false);
    expect(activityWireSchemaFor(del)).toBe(ActivityDeletionSchema);
    expect(activityWireSchemaFor(anIndividualSession())).toBe(ActivityRecordSchema);
  });
});
