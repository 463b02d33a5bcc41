import { describe, expect, it } from 'vitest';
import { VenueSearchIndex } from '../../../src/app/features/venues/lib/search-index.ts';
import { computeResults, prepareNear, sortByName } from '../../../src/app/features/venues/lib/results.ts';
import { aVenue } from './helpers.ts';

const venues = [
  aVenue({ id: 'eveche', nom: "Médiathèque de l'Évêché", commune: 'Sisteron', code_postal: '04200', latitude: 44.19, longitude: 5.94 }),
  aVenue({ id: 'fs-digne', nom: 'France Services Digne', commune: 'Digne-les-Bains', code_postal: '04000', services: 'Aide aux démarches administratives', latitude: 44.09, longitude: 6.23 }),
  aVenue({ id: 'marseille', nom: 'Cyber-base du Panier', commune: 'Marseille', code_postal: '13002', services: 'Loisirs et créations numériques', latitude: 43.3, longitude: 5.37 }),
  aVenue({ id: 'nocoords', nom: 'Bus numérique', commune: 'Manosque', code_postal: '04100', services: 'Aide aux démarches administratives' }),
];

async function givenIndex() {
  const index = new VenueSearchIndex();
  await index.build(venues, 2);
  return index;
}

describe('venue search', () => {
  it('folds accents both ways and matches prefixes', async () => {
    const index = await givenIndex();
    expect(index.search('eveche')?.map((r) => r.id)).toEqual(['eveche']);
    expect(index.search('MÉDIAT')?.map((r) => r.id)).toEqual(['eveche']);
    expect(index.search('dign')?.map((r) => r.id)).toEqual(['fs-digne']);
  });

  it('tolerates a typo in a longer word and searches postcodes and services', async () => {
    const index = await givenIndex();
    expect(index.search('marseile')?.map((r) => r.id)).toEqual(['marseille']);
    expect(index.search('04000')?.map((r) => r.id)).toEqual(['fs-digne']);
    expect(index.search('demarches')?.map((r) => r.id).sort()).toEqual(['fs-digne', 'nocoords']);
  });

  it('requires every word and ignores an empty query', async () => {
    const index = await givenIndex();
    expect(index.search('demarches manosque')?.map((r) => r.id)).toEqual(['nocoords']);
    expect(index.search('   ')).toBeUndefined();
  });

  it('answers a word typed again as the first time, and forgets the old places when rebuilt', async () => {
    const index = await givenIndex();
    const first = index.search('demarches manosque');
    expect(index.search('demarches man')?.map((r) => r.id)).toEqual(['nocoords']);
    expect(index.search('demarches manosque')).toEqual(first);
    expect(index.search('digne')?.map((r) => r.id)).toEqual(['fs-digne']);
    await index.build([...venues.filter((v) => v.id !== 'fs-digne'), aVenue({ id: 'digne-2', nom: 'Espace Digne', commune: 'Digne-les-Bains', code_postal: '04000' })], 2);
    expect(index.search('digne')?.map((r) => r.id)).toEqual(['digne-2']);
    expect(index.search('demarches manosque')?.map((r) => r.id)).toEqual(['nocoords']);
  });

  it('sorts by distance when an origin is known, places without coordinates last', async () => {
    const index = await givenIndex();
    const map = new Map(venues.map((v) => [v.id, v]));
    const byName = sortByName(venues);
    const near = prepareNear(byName, { lat: 43.3, lon: 5.38 });
    const ctx = { now: new Date() };
    const results = computeResults(map, byName, index, { query: '', selected: new Set(), ctx, near });
    expect(results.map((r) => r.venue.id)).toEqual(['marseille', 'eveche', 'fs-digne', 'nocoords']);
    expect(results[0]!.km).toBeLessThan(1);
    const matching = computeResults(map, byName, index, { query: 'demarches', selected: new Set(), ctx, near });
    expect(matching.map((r) => r.venue.id)).toEqual(['fs-digne', 'nocoords']);
    const byNameOnly = computeResults(map, byName, index, { query: '', selected: new Set(['demarches']), ctx, near: undefined });
    expect(byNameOnly.map((r) => r.venue.id)).toEqual(['nocoords', 'fs-digne']);
  });
});
