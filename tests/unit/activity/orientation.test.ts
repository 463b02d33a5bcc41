import { describe, expect, it } from 'vitest';
import { ORIENTATION_TARGETS } from '../../../src/shared/activity/codes.ts';
import { PROGRAMME_TOWARDS, SERVICE_TOWARDS, TOWARDS, towardsOfVenue } from '../../../src/shared/activity/orientation.ts';
import { DISPOSITIFS, SERVICES } from '../../../src/shared/venues/fields.ts';

// "Orienter ici" fills "Structure de redirection" from the venue (taxonomy.md): the national
// figure counts it, never the venue.

const labelOf = (code: string | undefined) => ORIENTATION_TARGETS.find((t) => t.code === code)?.label;

describe('the structure de redirection of a directory venue', () => {
  it('sends a France Services to the administrative-procedures structures, even with Conseillers numériques', () => {
    const code = towardsOfVenue({ dispositif_programmes_nationaux: ['Conseillers numériques', 'France Services'], services: ['Aide aux démarches administratives'] });
    expect(labelOf(code)).toBe('Structure d’aide aux démarches administratives (France Services…)');
  });

  it('sends a place with Conseillers numériques only to another digital-mediation structure', () => {
    expect(labelOf(towardsOfVenue({ dispositif_programmes_nationaux: ['Conseillers numériques'] }))).toBe('Autre structure de médiation numérique');
  });

  it("sends a CAF access point to the démarche's operator, and a CCAS to social aid", () => {
    expect(towardsOfVenue({ dispositif_programmes_nationaux: ["Point d’accès numérique CAF"] })).toBe(TOWARDS.operator);
    expect(labelOf(towardsOfVenue({ typologie: ['CCAS'] }))).toBe('Structure d’aide sociale (maison des solidarités, centre social…)');
    expect(towardsOfVenue({ typologie: ['muni'] })).toBe(TOWARDS.administration);
  });

  it('falls back on the services, then leaves the choice to the mediator', () => {
    expect(towardsOfVenue({ services: ['Insertion professionnelle via le numérique'] })).toBe(TOWARDS.employment);
    expect(towardsOfVenue({ services: ['Loisirs et créations numériques'] })).toBe(TOWARDS.mediation);
    expect(towardsOfVenue({})).toBeUndefined();
    expect(towardsOfVenue({ typologie: ['XYZ'], dispositif_programmes_nationaux: ['Inconnu'] })).toBeUndefined();
  });

  it('names only programmes and services of the standard, and national targets', () => {
    for (const [p] of PROGRAMME_TOWARDS) expect(DISPOSITIFS as readonly string[]).toContain(p);
    for (const [s] of SERVICE_TOWARDS) expect(SERVICES as readonly string[]).toContain(s);
    const codes = ORIENTATION_TARGETS.map((t) => t.code as string);
    for (const code of Object.values(TOWARDS)) expect(codes).toContain(code);
    expect(new Set(Object.values(TOWARDS)).size).toBe(Object.keys(TOWARDS).length);
  });
});
