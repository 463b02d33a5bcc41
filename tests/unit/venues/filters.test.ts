import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FILTER_GROUPS, venueFilter } from '../../../src/shared/venues/filters.ts';
import { buildFilterMasks, maskFilter } from '../../../src/app/features/venues/lib/filter-masks.ts';
import { isOpenAt, opensOnWeekend, openState, weeklyHours } from '../../../src/shared/venues/hours.ts';
import { aVenue } from './helpers.ts';

// A fixed clock: Saturday 21 November 2026, 10:00 local time.
const SATURDAY_10 = new Date(2026, 10, 21, 10, 0);
const ctx = { now: SATURDAY_10, isOpenAt, opensOnWeekend };

const saturdayMorning = aVenue({ id: 'sat', horaires: 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00', modalites_acces: 'Se présenter', prise_en_charge_specifique: 'Langues étrangères (anglais)', dispositif_programmes_nationaux: 'France Services' });
const weekdays = aVenue({ id: 'week', horaires: 'Mo-Fr 09:00-17:00', frais_a_charge: 'Gratuit', dispositif_programmes_nationaux: 'Conseillers numériques', services: 'Aide aux démarches administratives' });
const unreadable = aVenue({ id: 'raw', horaires: 'Sa 17:00', services: 'Accès internet et matériel informatique' });
const noHours = aVenue({ id: 'none', publics_specifiquement_adresses: 'Seniors', services: 'Maîtrise des outils numériques du quotidien' });
const all = [saturdayMorning, weekdays, unreadable, noHours];

const ids = (selected: string[]) => all.filter(venueFilter(new Set(selected), ctx)).map((v) => v.id);

describe('directory filters', () => {
  it('keeps everything with no filter', () => {
    expect(ids([])).toEqual(['sat', 'week', 'raw', 'none']);
  });

  it('ORs options within a group', () => {
    expect(ids(['conseillersNumeriques', 'franceServices'])).toEqual(['sat', 'week']);
    expect(ids(['demarches', 'materiel'])).toEqual(['week', 'raw']);
  });

  it('ANDs across groups', () => {
    expect(ids(['franceServices', 'gratuit'])).toEqual([]);
    expect(ids(['weekend', 'sansRdv', 'anglais'])).toEqual(['sat']);
    expect(ids(['conseillersNumeriques', 'franceServices', 'gratuit'])).toEqual(['week']);
  });

  it('knows who is open now with a fixed clock, and never counts unreadable hours as open or closed', () => {
    expect(ids(['ouvertMaintenant'])).toEqual(['sat']);
    expect(isOpenAt('Sa 17:00', SATURDAY_10)).toBeUndefined();
    expect(openState('Sa 17:00', SATURDAY_10)).toEqual({ kind: 'unknown' });
    expect(openState(undefined, SATURDAY_10)).toEqual({ kind: 'unknown' });
  });

  it('tells until when a place is open and when it opens next', () => {
    const open = openState(saturdayMorning.horaires, SATURDAY_10);
    expect(open.kind).toBe('open');
    if (open.kind === 'open') expect(open.until?.getHours()).toBe(12);
    const closed = openState(weekdays.horaires, SATURDAY_10);
    expect(closed.kind).toBe('closed');
    if (closed.kind === 'closed') expect([closed.next?.getDay(), closed.next?.getHours()]).toEqual([1, 9]);
  });

  it('lays out the week from Monday', () => {
    const week = weeklyHours(saturdayMorning.horaires, SATURDAY_10)!;
    expect(week[0]!.intervals).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '14:00', to: '17:00' },
    ]);
    expect(week[5]!.intervals).toEqual([{ from: '09:00', to: '12:00' }]);
    expect(week[6]!.intervals).toEqual([]);
  });

  it('gives the same answer through the precomputed bits the list uses', () => {
    const masks = buildFilterMasks(all, ctx);
    const options = FILTER_GROUPS.flatMap((g) => g.options.map((o) => o.id));
    fc.assert(
      fc.property(fc.subarray(options), (chosen) => {
        const selected = new Set(chosen);
        expect(all.filter(maskFilter(selected, masks)).map((v) => v.id)).toEqual(ids(chosen));
      }),
      { numRuns: 300 },
    );
  });
});
