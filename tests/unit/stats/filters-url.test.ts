import { describe, expect, it } from 'vitest';
import { statsFiltersFromSearchParams, statsFiltersToSearchParams } from '../../../src/shared/stats/filters-url.ts';
import { MAX_FILTER_VALUES, StatsFiltersSchema, type StatsFilters } from '../../../src/shared/stats/types.ts';
import { storedFilters } from '../../../src/hub/repositories/share-links.ts';

describe('stats filters in URLs (stats-contract.md)', () => {
  const full: StatsFilters = {
    from: '2026-01-01',
    to: '2026-03-31',
    structureId: ['s1', 's2'],
    mediatorId: ['m1'],
    type: ['individuel', 'collectif'],
    theme: ['email', 'sante'],
    adminTheme: ['social_sante'],
    venueId: ['dora:1', 'cartographie:a b'],
    commune: ['13055', '2A004'],
    departement: ['13', '2A', '971'],
    tag: ['t1'],
    conseillerNumerique: 'oui',
  };

  it('writes multi-value filters as repeated parameters and reads them back', () => {
    const sp = statsFiltersToSearchParams(full);
    expect(sp.getAll('theme')).toEqual(['email', 'sante']);
    expect(sp.toString()).toContain('theme=email&theme=sante');
    expect(statsFiltersFromSearchParams(new URLSearchParams(sp.toString()))).toEqual(full);
    expect(StatsFiltersSchema.parse(Object.fromEntries([...new Set(sp.keys())].map((k) => [k, sp.getAll(k).length > 1 ? sp.getAll(k) : sp.get(k)])))).toEqual(full);
  });

  it('leaves empty values and unknown keys aside', () => {
    expect(statsFiltersFromSearchParams(new URLSearchParams('theme=&from=&layout=national&conseillerNumerique=peut-etre'))).toEqual({});
    expect(statsFiltersToSearchParams({ theme: [] }).toString()).toBe('');
  });

  it('accepts one value (old links) or a list, and bounds each list and value', () => {
    expect(StatsFiltersSchema.parse({ theme: 'email', structureId: 's1' })).toEqual({ theme: ['email'], structureId: ['s1'] });
    expect(StatsFiltersSchema.safeParse({ tag: Array.from({ length: MAX_FILTER_VALUES }, (_, i) => `t${i}`) }).success).toBe(true);
    expect(StatsFiltersSchema.safeParse({ tag: Array.from({ length: MAX_FILTER_VALUES + 1 }, (_, i) => `t${i}`) }).success).toBe(false);
    expect(StatsFiltersSchema.safeParse({ tag: ['x'.repeat(200)] }).success).toBe(true);
    expect(StatsFiltersSchema.safeParse({ tag: ['x'.repeat(201)] }).success).toBe(false);
    expect(StatsFiltersSchema.safeParse({ departement: ['20'] }).success).toBe(false);
    expect(StatsFiltersSchema.safeParse({ commune: ['1305'] }).success).toBe(false);
    expect(StatsFiltersSchema.safeParse({ theme: ['navigation_internet'] }).success).toBe(false);
  });

  it('reads share-link filters stored with single values before round 3', () => {
    expect(storedFilters(JSON.stringify({ from: '2025-01-01', to: '2025-01-31', structureId: 's1', type: 'collectif', theme: 'email' }))).toEqual({
      from: '2025-01-01',
      to: '2025-01-31',
      structureId: ['s1'],
      type: ['collectif'],
      theme: ['email'],
    });
    // A value the schema now refuses is kept (as a list), never dropped: the link never widens.
    expect(storedFilters(JSON.stringify({ theme: 'code_disparu' }))).toEqual({ theme: ['code_disparu'] });
  });
});
