import { describe, expect, it } from 'vitest';
import { checkVenueEdit } from '../../../src/shared/venues/edit.ts';
import { normaliseVenueRow } from '../../../src/shared/venues/normalise.ts';
import { hoursParse } from '../../../src/shared/venues/hours.ts';
import { REPORTABLE_FIELDS, type Venue } from '../../../src/shared/venues/schema.ts';
import { EDITABLE_FIELDS } from '../../../src/app/features/coordination/admin/venue-fields.ts';
import fr from '../../../src/app/i18n/locales/fr/coordination.json';
import en from '../../../src/app/i18n/locales/en/coordination.json';
import ar from '../../../src/app/i18n/locales/ar/coordination.json';

// An edit of a place is checked by the import's row validator; what the person typed is
// never silently dropped nor kept unreadable.

function place(extra: Record<string, string> = {}): Venue {
  const r = normaliseVenueRow({ id: 'p1', pivot: '43493312300029', nom: 'Espace du port', commune: 'Marseille', code_postal: '13002', code_insee: '13202', adresse: '12 quai du Port', date_maj: '2024-03-01', ...extra }, { hoursParse });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.venue;
}
const opts = { hoursParse };

describe('checkVenueEdit', () => {
  it('turns hours that do not read into an error naming the field and the value', () => {
    const r = checkVenueEdit(place(), { horaires: 'n importe quoi 99:99' }, opts);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ path: 'horaires', message: expect.stringContaining('« n importe quoi 99:99 » ne se lit pas') }]);
  });

  it('refuses a value the import would drop (an e-mail, a phone), and keeps the import errors', () => {
    expect(checkVenueEdit(place(), { courriels: 'pas-une-adresse' }, opts).errors.map((e) => e.path)).toEqual(['courriels']);
    expect(checkVenueEdit(place(), { telephone: 'bientôt' }, opts).errors.map((e) => e.path)).toEqual(['telephone']);
    expect(checkVenueEdit(place(), { nom: '' }, opts).errors).toEqual([{ path: 'nom', message: 'nom : champ obligatoire manquant' }]);
  });

  it('returns warnings that keep the value for confirmation', () => {
    const long = 'x'.repeat(281);
    const r = checkVenueEdit(place(), { presentation_resume: long }, opts);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.path)).toEqual(['presentation_resume']);
    expect(r.ok && r.venue.presentation_resume).toBe(long);
    const belongs = checkVenueEdit(place(), { code_postal: '13001' }, { ...opts, postcodeBelongs: () => false });
    expect(belongs.warnings.map((w) => w.path)).toEqual(['code_postal']);
  });

  it('ignores the doubts of fields the edit leaves alone, and keeps the id', () => {
    const old = place({ horaires: 'de temps en temps' });
    const r = checkVenueEdit(old, { nom: 'Espace numérique du port', id: 'autre' }, opts);
    expect(r).toMatchObject({ ok: true, errors: [], warnings: [] });
    expect(r.ok && r.venue.id).toBe('p1');
  });

  it('finds the INSEE code again when the postcode changes', () => {
    const r = checkVenueEdit(place(), { code_postal: '06000' }, { ...opts, inseeOf: (cp) => (cp === '06000' ? '06088' : undefined) });
    expect(r.ok && [r.venue.code_insee, r.venue.departement]).toEqual(['06088', '06']);
  });
});

describe('the places screen translations', () => {
  it('label every editable and reportable field in French, English and Arabic', () => {
    for (const [lang, d] of [['fr', fr], ['en', en], ['ar', ar]] as const) {
      const fields = (d.venues as unknown as { fields: Record<string, string> }).fields;
      for (const f of new Set<string>([...EDITABLE_FIELDS, ...REPORTABLE_FIELDS])) expect(fields[f], `${lang} ${f}`).toBeTruthy();
    }
  });
});
