import { describe, expect, it } from 'vitest';
import { normaliseVenueRow } from '../../../src/shared/venues/normalise.ts';
import { departementOf, parseDepartements } from '../../../src/shared/venues/departement.ts';
import { normalisePhone, normaliseDate, matchEnum } from '../../../src/shared/venues/values.ts';
import { nationalCsvLine, toNationalRow } from '../../../src/shared/venues/export.ts';
import { aVenue } from './helpers.ts';

describe('département of a place', () => {
  it('comes from the INSEE code, with Corsica and overseas', () => {
    expect(departementOf('20000', '2A004')).toBe('2A');
    expect(departementOf('20200', '2B033')).toBe('2B');
    expect(departementOf('97400', '97411')).toBe('974');
    expect(departementOf('05110', '04039')).toBe('04'); // a postcode across a border: INSEE wins
  });
  it('falls back on the postcode', () => {
    expect(departementOf('13001')).toBe('13');
    expect(departementOf('20090')).toBe('2A');
    expect(departementOf('20600')).toBe('2B');
    expect(departementOf('97110')).toBe('971');
    expect(departementOf('1300')).toBeUndefined();
  });
  it('reads typed-in lists of départements', () => {
    expect(parseDepartements(['13', '2a', ' 971', '6', '20', '99'])).toEqual({ codes: ['13', '2A', '971', '06'], invalid: ['20', '99'] });
  });
});

describe('normalising a row of the standard', () => {
  it('puts phones in international form, overseas included', () => {
    expect(normalisePhone('04 91 00 00 00')).toBe('+33491000000');
    expect(normalisePhone('0033 6 12 34 56 78')).toBe('+33612345678');
    expect(normalisePhone('0590 12 34 5')).toBeUndefined(); // too short
    expect(normalisePhone('0590 12 34 56')).toBe('+590590123456');
    expect(normalisePhone('0262 11 22 33')).toBe('+262262112233');
    expect(normalisePhone('not a phone')).toBeUndefined();
    expect(normalisePhone('0692 11 22 33')).toBe('+262692112233');
    expect(normalisePhone('+33 (0)4 91 00 00 00')).toBe('+33491000000');
    expect(normalisePhone('491000000')).toBe('+33491000000');
  });

  it('matches labels whatever the apostrophes, accents, spaces and the schema typo', () => {
    expect(matchEnum('modalites_acces', 'Ce lieu n’accueille pas de public')).toBe("Ce lieu n'accueille pas de public");
    expect(matchEnum('formations_labels', 'Étapes numériques(La Poste)')).toBe('Étapes numériques (La Poste)');
    expect(matchEnum('services', '  aide aux DEMARCHES administratives ')).toBe('Aide aux démarches administratives');
    expect(matchEnum('services', 'Cuisine')).toBeUndefined();
  });

  it('reads dates written in several ways and refuses impossible ones', () => {
    expect(normaliseDate('2024-04-02')).toBe('2024-04-02');
    expect(normaliseDate('2024-04-02T10:00:00Z')).toBe('2024-04-02');
    expect(normaliseDate('02/04/2024')).toBe('2024-04-02');
    expect(normaliseDate('2024-02-30')).toBeUndefined();
  });

  it('rejects a row without its required fields and names each one', () => {
    const r = normaliseVenueRow({ id: 'x', nom: ' ', commune: 'Aix', code_postal: '13100' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['adresse', 'date_maj', 'nom', 'pivot']);
  });

  it('keeps unparseable hours as written, with a warning', () => {
    const r = normaliseVenueRow(
      { id: 'x', pivot: '12345678901234', nom: 'Lieu', commune: 'Aix', code_postal: '13100', adresse: '1 rue', date_maj: '2024-01-01', horaires: 'Sa 17:00' },
      { hoursParse: () => false },
    );
    expect(r.ok && r.venue.horaires).toBe('Sa 17:00');
    expect(r.warnings.map((w) => w.path)).toEqual(['horaires']);
  });

  it('trims labels and collapses spaces, and turns "www." sites into URLs', () => {
    const v = aVenue({ nom: '  Maison   France  Services ', site_web: 'www.a.fr|https://b.fr/', courriels: 'a@b.fr;pas-une-adresse' });
    expect(v.nom).toBe('Maison France Services');
    expect(v.site_web).toEqual(['https://www.a.fr', 'https://b.fr/']);
    expect(v.courriels).toEqual(['a@b.fr']);
  });

  it('writes back the national row, lists joined with |', () => {
    const v = aVenue({ services: 'Aide aux démarches administratives|Loisirs et créations numériques', latitude: '43,3', longitude: '5.4' });
    const row = toNationalRow(v);
    expect(row.services).toBe('Aide aux démarches administratives|Loisirs et créations numériques');
    expect(row.latitude).toBe('43.3');
    expect(nationalCsvLine({ ...v, nom: 'Le "Lieu", ici' })).toContain('"Le ""Lieu"", ici"');
  });
});
