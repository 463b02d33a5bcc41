import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupOpenLists, maskPlan, maskStats } from '../../../src/shared/stats/masking.ts';
import { FIXED_BREAKDOWNS, measureColumn } from '../../../src/shared/stats/measures.ts';
import { recordFacts, type MeasuredRecord } from '../../../src/shared/stats/record-measures.ts';
import { daysBetween, monthsBetween } from '../../../src/shared/stats/periods.ts';
import type { Stats } from '../../../src/shared/stats/types.ts';
import { cellsOf, recoverable } from './reader.ts';

/** Figures of a small set of records over a period (the shape the hub answers). */
function statsOf(records: MeasuredRecord[], from: string, to: string): Stats {
  const sum: Record<string, number> = {};
  const days = new Map(daysBetween(from, to).map((d) => [d, { period: d, activities: 0, accompaniments: 0 }]));
  const months = new Map(monthsBetween(from, to).map((m) => [m, { period: m, activities: 0, accompaniments: 0 }]));
  const venue: Record<string, number> = {};
  const commune: Record<string, number> = {};
  for (const r of records) {
    const f = recordFacts(r);
    for (const [k, v] of Object.entries(f.measures)) sum[k] = (sum[k] ?? 0) + v;
    for (const p of [days.get(r.date)!, months.get(r.date.slice(0, 7))!]) {
      p.activities += 1;
      p.accompaniments += r.beneficiaries.total;
    }
    // Like every breakdown, venues count accompaniments.
    if (f.venueId) venue[f.venueId] = (venue[f.venueId] ?? 0) + r.beneficiaries.total;
    const c = f.commune || 'non_communique';
    commune[c] = (commune[c] ?? 0) + r.beneficiaries.total;
  }
  const open = (o: Record<string, number>) => Object.entries(o).map(([key, count]) => ({ key, label: key, count }));
  const breakdowns = Object.fromEntries(
    FIXED_BREAKDOWNS.map((b) => [b.key, b.codes.map((c) => ({ key: c.code, label: c.label, count: sum[measureColumn(b, c.code)] ?? 0 }))]),
  ) as Stats['breakdowns'];
  breakdowns.venue = open(venue);
  breakdowns.commune = open(commune);
  return {
    totals: { activities: sum.activities ?? 0, accompaniments: sum.accompaniments ?? 0, beneficiaries: sum.accompaniments ?? 0, newBeneficiaries: sum.new_beneficiaries ?? 0 },
    series: { byMonth: [...months.values()], byDay: [...days.values()] },
    breakdowns,
  };
}

function truthOf(s: Stats): Map<string, number> {
  return cellsOf(groupOpenLists(s) as never) as Map<string, number>;
}

const individual = (date: string, over: Partial<MeasuredRecord> = {}): MeasuredRecord => ({
  type: 'individuel',
  date,
  durationMin: 30,
  place: { kind: 'lieu_activite', venueId: 'v1' },
  equipment: ['ordinateur'],
  themes: ['email'],
  beneficiaries: { total: 1, alreadyAccompanied: 0, genre: { feminin: 1 } },
  ...over,
});

describe('public page masking', () => {
  it('shows counts of 11 and more untouched when nothing small needs protecting', () => {
    const s = statsOf(Array.from({ length: 30 }, () => individual('2025-03-03')), '2025-03-03', '2025-03-03');
    const page = maskStats(s);
    expect(page.totals).toMatchObject({ activities: 30, accompaniments: 30, beneficiaries: 30 });
    // Zero buckets are counts below 11 too; then the single full bucket must not equal the total.
    expect(page.breakdowns.genre.find((e) => e.key === 'masculin')?.count).toBe('< 11');
    expect(page.breakdowns.genre.find((e) => e.key === 'feminin')?.count).toBe('masqué');
    expect(maskPlan(groupOpenLists(s)).has('t.activities')).toBe(false);
  });

  it('hides a complementary cell when a breakdown would give a small count away by subtraction', () => {
    const records = [
      ...Array.from({ length: 25 }, () => individual('2025-03-03')),
      ...Array.from({ length: 3 }, () => individual('2025-03-03', { type: 'collectif', beneficiaries: { total: 1 } })),
    ];
    const s = statsOf(records, '2025-03-03', '2025-03-03');
    const page = maskStats(s);
    const types = Object.fromEntries(page.breakdowns.type.map((e) => [e.key, e.count]));
    expect(types.collectif).toBe('< 11');
    // 28 in total, 25 individual sessions: showing both would give the 3 workshops away.
    expect(typeof page.totals.activities !== 'number' || typeof types.individuel !== 'number').toBe(true);
    expect(recoverable(page, truthOf(s))).toEqual([]);
  });

  it('hides days that would give a small day away from its month, and months from the total', () => {
    const records = [
      ...Array.from({ length: 40 }, () => individual('2025-03-03')),
      ...Array.from({ length: 2 }, () => individual('2025-03-04')),
      ...Array.from({ length: 30 }, () => individual('2025-04-01')),
    ];
    const s = statsOf(records, '2025-03-03', '2025-04-01');
    const page = maskStats(s);
    expect(page.series.byDay.find((d) => d.period === '2025-03-04')?.activities).toBe('< 11');
    expect(recoverable(page, truthOf(s))).toEqual([]);
  }, 30_000);

  it('leaves no masked count recoverable on random record sets (exhaustive reader)', () => {
    const arb = fc.array(
      fc.record({
        day: fc.constantFrom('2025-03-30', '2025-03-31', '2025-04-01', '2025-04-02'),
        type: fc.constantFrom('individuel', 'collectif'),
        total: fc.integer({ min: 2, max: 15 }),
        duration: fc.constantFrom(10, 45, 90, 150),
        kind: fc.constantFrom('lieu_activite', 'a_distance', 'domicile'),
        venue: fc.constantFrom('v1', 'v2'),
        theme: fc.subarray(['email', 'sante', 'bureautique', 'aide_aux_demarches_administratives'], { minLength: 1 }),
        genre: fc.constantFrom('masculin', 'feminin'),
        oriented: fc.boolean(),
        commune: fc.option(fc.constantFrom('13055', '84007'), { nil: undefined }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const records: MeasuredRecord[] = rows.map((r) => {
          const total = r.type === 'individuel' ? 1 : r.total;
          return {
            type: r.type,
            date: r.day,
            durationMin: r.duration,
            place: r.kind === 'lieu_activite' ? { kind: r.kind, venueId: r.venue } : r.kind === 'domicile' ? { kind: r.kind, communeInsee: '13055' } : { kind: r.kind },
            equipment: ['telephone'],
            themes: r.theme,
            ...(r.type === 'individuel' ? { orientation: { oriented: r.oriented } } : {}),
            beneficiaries: { total, alreadyAccompanied: Math.floor(total / 2), genre: { [r.genre]: total }, ...(r.type === 'individuel' && r.commune ? { communeInsee: r.commune } : {}) },
          };
        });
        const s = statsOf(records, '2025-03-30', '2025-04-02');
        const page = maskStats(s);
        for (const [, v] of cellsOf(page)) if (typeof v === 'number') expect(v).toBeGreaterThanOrEqual(11);
        expect(recoverable(page, truthOf(s))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
