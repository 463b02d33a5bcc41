import { describe, expect, it } from 'vitest';
import { communePoints } from '../../../src/app/features/venues/lib/results.ts';
import { aVenue } from './helpers.ts';

// Issue 13: the "distance from" picker listed raw venue text (AIX EN PROVENCE, AIX-EN-PROVENCE ×5,
// BRIANÇON / Briançon, "06370 (06370)"); it now lists each commune once, by its official name.

describe('communes of the distance picker', () => {
  it('lists each commune once under its official name, whatever the spelling of the places', () => {
    const venues = [
      aVenue({ id: 'a', commune: 'AIX EN PROVENCE', code_postal: '13100', code_insee: '13001', latitude: 43.52, longitude: 5.44 }),
      aVenue({ id: 'b', commune: 'AIX-EN-PROVENCE', code_postal: '13090', code_insee: '13001', latitude: 43.54, longitude: 5.46 }),
      aVenue({ id: 'c', commune: 'BRIANÇON', code_postal: '05100', latitude: 44.9, longitude: 6.64 }),
      aVenue({ id: 'd', commune: 'Briançon', code_postal: '05100', latitude: 44.9, longitude: 6.64 }),
      aVenue({ id: 'e', commune: '06370', code_postal: '06370', latitude: 43.6, longitude: 7.0 }),
    ];
    const official = new Map([['13001', 'Aix-en-Provence']]);
    const labels = communePoints(venues, official).map((c) => c.label);
    expect(labels).toEqual(['06370', 'Aix-en-Provence (13100)', 'BRIANÇON (05100)']);
    const aix = communePoints(venues, official).find((c) => c.key === '13001')!;
    expect(aix.point.lat).toBeCloseTo(43.53, 5);
  });
});
