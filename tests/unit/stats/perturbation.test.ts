import { describe, expect, it } from 'vitest';
import { recordKey, tableKeyOf, tableNoise } from '../../../src/hub/repositories/public-stats.ts';
import { AGE_BANDS, GENRES, STATUSES } from '../../../src/shared/activity/codes.ts';
import { NOISE_MAX, noiseAt, pTableRow, perturbCount } from '../../../src/shared/stats/perturbation.ts';
import { breakdownId } from '../../../src/shared/stats/relations.ts';
import type { CellNoise } from '../../../src/shared/stats/perturbation.ts';
import { groupOpenLists, maskPlan, maskStats } from '../../../src/shared/stats/masking.ts';
import { emptyStats } from '../../../src/hub/repositories/stats.ts';
import { publishedCounts } from '../../../src/shared/stats/relations.ts';
import type { Stats } from '../../../src/shared/stats/types.ts';

/** A seeded PRNG (mulberry32): the same crowds at every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the p-table', () => {
  it('has mean 0, stays within ±D, never publishes a shown count below 11', () => {
    for (let v = 11; v <= 60; v++) {
      const row = pTableRow(v);
      const sum = row.reduce((n, c) => n + c.probability, 0);
      const mean = row.reduce((n, c) => n + c.noise * c.probability, 0);
      expect(sum).toBeCloseTo(1, 12);
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      for (const c of row) {
        expect(Math.abs(c.noise)).toBeLessThanOrEqual(NOISE_MAX);
        expect(v + c.noise).toBeGreaterThanOrEqual(11);
      }
    }
    expect(pTableRow(11)).toEqual([{ noise: 0, probability: 1 }]);
    expect(pTableRow(14).length).toBe(2 * NOISE_MAX + 1);
  });

  it('keeps zero at zero and leaves small counts to the mask', () => {
    for (const u of [0, 0.3, 0.999999]) {
      expect(perturbCount(0, u)).toBe(0);
      expect(perturbCount(7, u)).toBe(7);
    }
  });

  it('reads every noise of the row as u runs over [0, 1)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(noiseAt(40, i / 1000));
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 2 * NOISE_MAX + 1 }, (_, i) => i - NOISE_MAX));
  });
});

describe('cell keys', () => {
  const secret = 'unit-test-secret';
  it('give the same value for the same records, whatever their order, and another when one record changes', () => {
    const keys = [recordKey(secret, 'a', 1), recordKey(secret, 'b', 1), recordKey(secret, 'c', 2)];
    expect(tableKeyOf(keys)).toBe(tableKeyOf([...keys].reverse()));
    expect(tableKeyOf(keys)).not.toBe(tableKeyOf([...keys, recordKey(secret, 'd', 1)]));
    // An edit (new revision) is a new record key.
    expect(recordKey(secret, 'a', 2)).not.toBe(recordKey(secret, 'a', 1));
    // Without the secret, the keys cannot be computed.
    expect(recordKey('another-secret', 'a', 1)).not.toBe(recordKey(secret, 'a', 1));
    const noise = tableNoise(secret, tableKeyOf(keys));
    expect(noise('b.genre.feminin', 30)).toBe(tableNoise(secret, tableKeyOf(keys))('b.genre.feminin', 30));
  });
});

// The differencing attack over many targets, on the cell values themselves: a crowd where every
// genre, age band and status holds 11 to 40 people, published with and without the target.
describe('differencing over 4,000 seeded targets', () => {
  const DIMS = [
    { key: 'genre', codes: GENRES.map((c) => c.code) },
    { key: 'ageBand', codes: AGE_BANDS.map((c) => c.code) },
    { key: 'status', codes: STATUSES.map((c) => c.code) },
  ];
  const secret = 'differencing-secret';

  /** The attacker's guess: the only category that moved, else the one that moved up most (random among ties). */
  function guess(d: number[], rand: () => number): number {
    const moved = d.map((v, i) => [v, i] as const).filter(([v]) => v !== 0);
    if (moved.length === 1) return moved[0]![1];
    const best = Math.max(...d);
    const top = d.map((v, i) => [v, i] as const).filter(([v]) => v === best);
    return top[Math.floor(rand() * top.length)]![1];
  }

  /**
   * Runs the attack; `design` says how a table's noise is keyed: 'table' (the hub's: every cell
   * keyed by all the table's records) or 'cell' (textbook cell keys: each cell keyed by its own
   * records only).
   */
  function attack(design: 'table' | 'cell', n: number) {
    const rand = rng(design === 'table' ? 16 : 61);
    const learnt = [0, 0, 0];
    let twoOrMore = 0;
    let three = 0;
    for (let t = 0; t < n; t++) {
      // The crowd's records, their keys, and their categories.
      const counts = DIMS.map((d) => d.codes.map(() => 11 + Math.floor(rand() * 30)));
      const target = DIMS.map((d) => Math.floor(rand() * d.codes.length));
      const targetKey = recordKey(secret, `target-${t}`, 1);
      // A cell's crowd key is the sum of its records' keys, uniform: drawn directly, for speed.
      const cellSums = DIMS.map((d) => d.codes.map(() => Math.floor(rand() * 2 ** 32) * counts.length));
      const crowdSum = Math.floor(rand() * 2 ** 40);
      const crowdKey = tableKeyOf([crowdSum]);
      const withTarget = tableKeyOf([crowdSum, targetKey]);
      let right = 0;
      DIMS.forEach((d, di) => {
        const publish = (plus: boolean): number[] =>
          d.codes.map((code, ci) => {
            const inCell = plus && target[di] === ci;
            const v = counts[di]![ci]! + (inCell ? 1 : 0);
            const key =
              design === 'table'
                ? plus ? withTarget : crowdKey
                : inCell ? tableKeyOf([cellSums[di]![ci]!, targetKey]) : tableKeyOf([cellSums[di]![ci]!]);
            const noise: CellNoise = tableNoise(secret, key);
            return noise(breakdownId(d.key, code), v);
          });
        const after = publish(true);
        const before = publish(false);
        const g = guess(after.map((v, i) => v - before[i]!), rand);
        if (g === target[di]) {
          learnt[di]!++;
          right++;
        }
      });
      if (right >= 2) twoOrMore++;
      if (right === 3) three++;
    }
    return { accuracy: learnt.map((l) => l / n), twoOrMore: twoOrMore / n, three: three / n };
  }

  it('the hub’s keys: the attacker learns two of the three for few targets, all three almost never', { timeout: 60_000 }, () => {
    const r = attack('table', 4000);
    // Blind guessing: 1/3, 1/8, 1/5 per dimension; two or more right for 11.7 % of targets, three for 0.8 %.
    expect(r.accuracy[0]).toBeLessThan(1 / 3 + 0.15);
    expect(r.accuracy[1]).toBeLessThan(1 / 8 + 0.15);
    expect(r.accuracy[2]).toBeLessThan(1 / 5 + 0.15);
    expect(r.twoOrMore).toBeLessThan(0.3);
    expect(r.three).toBeLessThan(0.06);
  });

  it('textbook cell keys alone would not do: the only cell that moves names the target', { timeout: 60_000 }, () => {
    const r = attack('cell', 1000);
    expect(r.twoOrMore).toBeGreaterThan(0.8);
  });
});

// The mask around small counts, when shown counts are perturbed: the reader knows each shown
// count within ±D, so a small count hides behind the noise unless the published values happen
// to pin it down — then a complement is hidden, as without noise.
describe('the mask plan on perturbed counts', () => {
  /** 138 individual remote sessions, everything else zero: many small cells, each a total minus a shown count. */
  function crowd(): Stats {
    const s = emptyStats({});
    const n = 138;
    s.totals = { activities: n, accompaniments: n, beneficiaries: n, newBeneficiaries: n };
    const set = (key: string, code: string) => {
      const entries = (s.breakdowns as Record<string, { key: string; label: string; count: number }[]>)[key]!;
      const e = entries.find((x) => x.key === code);
      if (e) e.count = n;
      else entries.push({ key: code, label: code, count: n });
    };
    for (const [k, c] of [['type', 'individuel'], ['channel', 'a_distance'], ['durationBucket', '60'], ['genre', 'non_communique'], ['ageBand', 'non_communique'], ['status', 'non_communique'], ['themes', 'email'], ['equipment', 'telephone'], ['oriented', 'non'], ['commune', 'non_communique'], ['aidantsConnect', 'non'], ['autonomy', 'autonome'], ['activityCommune', 'non_communique']] as const) set(k, c);
    // As a public page plans it: open lists grouped ("Autres").
    return groupOpenLists(s);
  }
  const hidden = (plan: Map<string, string>) => [...plan].filter(([, m]) => m === 'hidden').map(([id]) => id);

  it('hides complements on exact counts, not when the noise already covers the small ones', () => {
    const s = crowd();
    expect(hidden(maskPlan(s)).length).toBeGreaterThan(0);
    const exactValues = new Map([...publishedCounts(s)].filter(([, v]) => v >= 11));
    expect(hidden(maskPlan(s, { published: exactValues, noiseMax: NOISE_MAX }))).toEqual([]);
  });

  it('hides a complement when the published values pin a small count down', () => {
    const s = crowd();
    const published = new Map([...publishedCounts(s)].filter(([, v]) => v >= 11));
    // Total published 3 below, "Aidants Connect: non" 3 above: "oui" = total − non ≤ 0, hence 0.
    published.set('t.accompaniments', 135);
    published.set('b.aidantsConnect.non', 141);
    const plan = maskPlan(s, { published, noiseMax: NOISE_MAX });
    expect(hidden(plan).length).toBeGreaterThan(0);
  });

  it('publishes through the noise every count it shows, and masks every small one', () => {
    const s = crowd();
    const page = maskStats(s, (_id, v) => v + 2);
    expect(page.totals.accompaniments).toBe(140);
    expect(page.breakdowns.type.find((e) => e.key === 'collectif')?.count).toBe('< 11');
    expect(page.breakdowns.genre.find((e) => e.key === 'non_communique')?.count).toBe(140);
  });
});
