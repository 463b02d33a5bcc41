// A hostile reader of a public stats page: knows the data model's relations, sees the shown
// counts, knows "< 11" is 0–10 and a hidden count is ≥ 11, and searches exhaustively (interval
// propagation + splitting) for another set of figures consistent with everything shown.
import type { PublicStats } from '../../../src/shared/stats/types.ts';

type Dom = [number, number];
interface Rel {
  plus: string[];
  minus: string[];
  eq: boolean;
}

const BIG = 1_000_000;

/** Every count of a page by id, shown or masked. */
export function cellsOf(p: PublicStats): Map<string, number | string> {
  const out = new Map<string, number | string>();
  out.set('A', p.totals.activities);
  out.set('C', p.totals.accompaniments);
  out.set('N', p.totals.newBeneficiaries);
  for (const [g, pts] of [['m', p.series.byMonth], ['d', p.series.byDay]] as const) {
    for (const pt of pts) {
      out.set(`${g}a${pt.period}`, pt.activities);
      out.set(`${g}c${pt.period}`, pt.accompaniments);
    }
  }
  for (const [k, es] of Object.entries(p.breakdowns)) for (const e of es) out.set(`${k}:${e.key}`, e.count);
  return out;
}

/** What the reader knows of the data model (taxonomy.md), written out independently of the hub. */
export function readerRelations(p: PublicStats): Rel[] {
  const keys = (k: string, except?: string) => (p.breakdowns as Record<string, { key: string }[]>)[k]!.filter((e) => e.key !== except).map((e) => `${k}:${e.key}`);
  const R: Rel[] = [];
  const eq = (total: string, parts: string[]) => parts.length && R.push({ plus: parts, minus: [total], eq: true });
  const ge = (plus: string[], minus: string[]) => R.push({ plus, minus, eq: false });
  // Every breakdown counts accompaniments, as the Coop counts.
  eq('C', keys('type'));
  eq('C', keys('channel'));
  eq('C', keys('durationBucket'));
  for (const k of ['genre', 'ageBand', 'status', 'commune']) eq('C', keys(k));
  eq('type:individuel', keys('oriented'));
  eq('channel:lieu_activite', keys('venue'));
  ge(['type:individuel'], keys('commune', 'non_communique'));
  ge(['C'], ['A']);
  ge(['C'], ['N']);
  ge(keys('themes'), ['C']);
  for (const k of [...keys('themes'), ...keys('adminThemes'), ...keys('equipment')]) ge(['C'], [k]);
  for (const k of keys('adminThemes')) ge(['themes:aide_aux_demarches_administratives'], [k]);
  for (const [m, total] of [['a', 'A'], ['c', 'C']] as const) {
    eq(total, p.series.byMonth.map((x) => `m${m}${x.period}`));
    eq(total, p.series.byDay.map((x) => `d${m}${x.period}`));
    for (const mo of p.series.byMonth) eq(`m${m}${mo.period}`, p.series.byDay.filter((d) => d.period.startsWith(mo.period)).map((d) => `d${m}${d.period}`));
  }
  for (const g of ['m', 'd']) for (const pt of g === 'm' ? p.series.byMonth : p.series.byDay) ge([`${g}c${pt.period}`], [`${g}a${pt.period}`]);
  return R;
}

function narrow(d: Map<string, Dom>, rels: Rel[]): boolean {
  for (let pass = 0; pass < 500; pass++) {
    let changed = false;
    for (const r of rels) {
      const lo = r.plus.reduce((s, x) => s + d.get(x)![0], 0) - r.minus.reduce((s, x) => s + d.get(x)![1], 0);
      const hi = r.plus.reduce((s, x) => s + d.get(x)![1], 0) - r.minus.reduce((s, x) => s + d.get(x)![0], 0);
      if (hi < 0 || (r.eq && lo > 0)) return false;
      // Σplus − Σminus ∈ [0, 0] (eq) or [0, ∞): tighten each variable.
      for (const x of r.plus) {
        const [a, b] = d.get(x)!;
        const na = Math.max(a, b - hi);
        const nb = r.eq ? Math.min(b, a - lo) : b;
        if (na > nb) return false;
        if (na !== a || nb !== b) {
          d.set(x, [na, nb]);
          changed = true;
        }
      }
      for (const x of r.minus) {
        const [a, b] = d.get(x)!;
        const na = r.eq ? Math.max(a, b + lo) : a;
        const nb = Math.min(b, a + hi);
        if (na > nb) return false;
        if (na !== a || nb !== b) {
          d.set(x, [na, nb]);
          changed = true;
        }
      }
    }
    if (!changed) return true;
  }
  return true;
}

function solvable(d: Map<string, Dom>, rels: Rel[], budget: { n: number }): boolean {
  if (--budget.n < 0) throw new Error('search budget exhausted');
  if (!narrow(d, rels)) return false;
  let pick: string | undefined;
  let width = Infinity;
  for (const [k, [a, b]] of d) {
    if (b > a && b - a < width) {
      pick = k;
      width = b - a;
    }
  }
  if (!pick) return true;
  const [a, b] = d.get(pick)!;
  const mid = Math.floor((a + b) / 2);
  for (const half of [[a, mid], [mid + 1, b]] as Dom[]) {
    const copy = new Map(d);
    copy.set(pick, half);
    if (solvable(copy, rels, budget)) return true;
  }
  return false;
}

/** The masked counts whose true value is the only one consistent with the page. */
export function recoverable(page: PublicStats, truth: Map<string, number>): string[] {
  const cells = cellsOf(page);
  const rels = readerRelations(page);
  const base = new Map<string, Dom>();
  for (const [k, v] of cells) base.set(k, typeof v === 'number' ? [v, v] : v === '< 11' ? [0, 10] : [11, BIG]);
  const out: string[] = [];
  for (const [k, v] of cells) {
    if (typeof v === 'number') continue;
    const t = truth.get(k)!;
    const other = [[base.get(k)![0], t - 1], [t + 1, base.get(k)![1]]].filter(([a, b]) => a! <= b!) as Dom[];
    const alternative = other.some((dom) => solvable(new Map(base).set(k, dom), rels, { n: 20_000 }));
    if (!alternative) out.push(k);
  }
  return out;
}
