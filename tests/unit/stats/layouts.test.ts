import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../src/shared/stats/csv.ts';
import { NATIONAL_HEADERS, nationalRows, nthOf } from '../../../src/shared/stats/national-layout.ts';
import { GENRES } from '../../../src/shared/activity/codes.ts';
import { recordFacts } from '../../../src/shared/stats/record-measures.ts';
import type { ActivityRecord } from '../../../src/shared/activity/record.ts';

const workshop: ActivityRecord = {
  id: '0193a000-0000-7000-8000-000000000001',
  revision: 1,
  type: 'collectif',
  date: '2026-03-09',
  durationMin: 120,
  place: { kind: 'autre', communeInsee: '13055' },
  equipment: ['tablette'],
  themes: ['email'],
  adminThemes: [],
  portalLinkIds: [],
  workshop: { title: 'Mails', level: 'avance' },
  beneficiaries: { total: 4, alreadyAccompanied: 1, genre: { feminin: 1, masculin: 2 }, ageBand: {}, status: {} },
  aidantsConnect: false,
  passNumerique: 0,
  tags: [],
};

describe('CSV for French spreadsheets', () => {
  it('quotes separators, quotes and line breaks, and neutralises formulas', () => {
    expect(csvCell('simple')).toBe('simple');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('il dit "oui"')).toBe('"il dit ""oui"""');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvCell('=SOMME(A1)')).toBe("'=SOMME(A1)");
    expect(csvCell(12)).toBe('12');
    expect(csvLine(['a', 1, null])).toBe('a;1;\r\n');
  });
});

describe('national layout', () => {
  it('writes 1 in "Participants" for a one-person activity, and leaves "Dernière modification le" empty when never modified', () => {
    const one = { ...workshop, beneficiaries: { ...workshop.beneficiaries, total: 1, alreadyAccompanied: 0, genre: {} } };
    const [row] = nationalRows(one, { publicId: 'c0ffee00-0000-4000-8000-000000000001', receivedAt: '2026-07-10T08:00:00Z', updatedAt: '2026-07-10T08:00:00Z', portalNames: ['Impots.gouv', 'Ameli'], tagLabels: [] });
    const col = (h: (typeof NATIONAL_HEADERS)[number]) => NATIONAL_HEADERS.indexOf(h);
    expect(row![col('Participants')]).toBe(1);
    expect(row![col('Enregistré le')]).toBe('10/07/2026 à 10:00');
    expect(row![col('Dernière modification le')]).toBe('');
    expect(row![col('Nom de la démarche administrative')]).toBe('Impots.gouv\nAmeli');
  });

  it('gives one row per participant, numbered, with the breakdown spread over the rows', () => {
    const rows = nationalRows(workshop, { publicId: 'c0ffee00-0000-4000-8000-000000000002', receivedAt: '2026-03-10T08:00:00Z', updatedAt: '2026-03-11T08:00:00Z', portalNames: [], tagLabels: [], placeCommune: { name: 'Marseille', postcode: '13001' } });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.length === NATIONAL_HEADERS.length)).toBe(true);
    const col = (h: (typeof NATIONAL_HEADERS)[number]) => NATIONAL_HEADERS.indexOf(h);
    expect(rows.map((r) => r[col('Participants')])).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(rows.map((r) => r[col('Genre du bénéficiaire')])).toEqual(['Masculin', 'Masculin', 'Féminin', 'Non communiqué']);
    expect(rows[0]![col('Niveau d’autonomie (ou de l’atelier)')]).toBe('3/3');
    // The hub's reception time, in the structure's time zone (Paris: UTC+1 in March).
    expect(rows[0]![col('Enregistré le')]).toBe('10/03/2026 à 09:00');
    expect(rows[0]![col('Dernière modification le')]).toBe('11/03/2026 à 09:00');
    expect(rows[0]![col('Date')]).toEqual(new Date(`${workshop.date}T00:00:00.000Z`));
    expect(rows[0]![col('Source de la donnée')]).toBe('Kariole');
    expect(rows[0]![col('Commune')]).toBe('Marseille');
    // "ID CRA": the hub's public id on every row of the activity, never the device's record id.
    expect(rows.map((r) => r[col('ID CRA')])).toEqual(Array(4).fill('c0ffee00-0000-4000-8000-000000000002'));
    expect(rows.flat()).not.toContain(workshop.id);
  });

  it('names the i-th participant of a count breakdown', () => {
    expect([0, 1, 2].map((i) => nthOf(GENRES, { feminin: 2 }, i))).toEqual(['Féminin', 'Féminin', 'Non communiqué']);
  });
});

describe('record measures', () => {
  it('counts a workshop of 4 as 1 activity and 4 accompaniments, 3 of them new, the unknown genre as remainder, 4 in each of its breakdowns (as the Coop counts)', () => {
    const f = recordFacts(workshop);
    expect(f.measures).toMatchObject({ activities: 1, accompaniments: 4, new_beneficiaries: 3, ge_masculin: 2, ge_feminin: 1, ge_non_communique: 1, du_more: 4, ch_autre: 4, eq_tablette: 4, eq_ordinateur: 0, th_email: 4, th_sante: 0, ty_collectif: 4, or_oui: 0, or_non: 0 });
    expect(f.commune).toBe('');
    expect(f.venueId).toBeNull();
  });
});
