import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildCommuneIndex } from '../../../src/shared/communes/build-index.ts';
import { communeKey, parseCommuneIndex, searchCommuneIndex } from '../../../src/shared/communes/search.ts';

// Issue 13: the beneficiary commune search and the distance picker use the official list of
// all French communes; these are the searches that found nothing or the wrong commune.

const require = createRequire(import.meta.url);
const text = buildCommuneIndex(require('@etalab/decoupage-administratif/data/communes.json'));
const index = parseCommuneIndex(text);
const names = (q: string, territory?: string[], limit = 10) => searchCommuneIndex(index, q, { territory, limit }).map((c) => c.name);

describe('the national commune index', () => {
  it('holds every current commune and the arrondissements of Paris, Lyon and Marseille, compactly', () => {
    expect(index.length).toBeGreaterThan(34_000);
    expect(index.filter((c) => c.arrondissement).map((c) => c.insee.slice(0, 2)).sort()).toEqual([...Array(20).fill('75'), ...Array(16).fill('13'), ...Array(9).fill('69')].sort());
    // The size shipped to the device (measured, reported).
    expect(gzipSync(text, { level: 9 }).length).toBeLessThan(340_000); // 327 KB measured (35,000+ communes)
    expect(parseCommuneIndex(text).find((c) => c.insee === '13055')?.postcodes).toContain('13016');
    expect(parseCommuneIndex(text).find((c) => c.insee === '2A004')?.postcodes).toEqual(expect.arrayContaining(['20000', '20090']));
  });

  it('finds communes outside the territory: "lille", "75018", "paris 18"', () => {
    expect(names('lille', ['13'])[0]).toBe('Lille');
    expect(names('75018', ['13'])[0]).toBe('Paris 18e Arrondissement');
    expect(names('75018', ['13'])).toContain('Paris');
    expect(names('paris 18', ['13'])[0]).toBe('Paris 18e Arrondissement');
  });

  it('reads "st"/"ste" as "saint"/"sainte"', () => {
    expect(names('st etienne', [], 5)[0]).toBe('Saint-Étienne');
    expect(names('ste maxime', ['83'])[0]).toBe('Sainte-Maxime');
    expect(communeKey('St-Étienne')).toBe('saint etienne');
  });

  it('puts Marseille 3e first for "13003", before any other commune of 13', () => {
    const found = searchCommuneIndex(index, '13003', { territory: ['13'] });
    expect(found[0]).toMatchObject({ name: 'Marseille 3e Arrondissement', insee: '13203' });
    expect(found[1]!.name).toBe('Marseille');
    // Alleins (INSEE code 13003, postcode 13980) only after the communes of that postcode.
    expect(found.findIndex((c) => c.name === 'Alleins')).toBe(2);
  });

  it('ignores accents, hyphens, apostrophes and case', () => {
    for (const q of ['aix en provence', 'AIX-EN-PROVENCE', 'Aix en Provence']) expect(names(q, ['13'])[0]).toBe('Aix-en-Provence');
    expect(names('briancon', ['05'])[0]).toBe('Briançon');
    expect(names('l isle sur la sorgue', ['84'])[0]).toBe("L'Isle-sur-la-Sorgue");
    expect(names('ILE D YEU')[0]).toBe("L'Île-d'Yeu");
  });

  it("ranks the structure's territory first, the rest of France after", () => {
    const inVar = searchCommuneIndex(index, 'saint', { territory: ['83'], limit: 30 });
    const firstOutside = inVar.findIndex((c) => c.departement !== '83');
    expect(firstOutside).toBeGreaterThan(0);
    expect(inVar.slice(firstOutside).every((c) => c.departement !== '83')).toBe(true);
    // Postcode digits typed: the territory's postcodes first.
    expect(searchCommuneIndex(index, '04', { territory: ['04'] })[0]!.departement).toBe('04');
  });

  it('answers nothing for an empty query and bounds the result count', () => {
    expect(searchCommuneIndex(index, '  ')).toEqual([]);
    expect(searchCommuneIndex(index, 'saint', { limit: 10 })).toHaveLength(10);
  });
});
