import { propagate, type Interval, type Relation } from './bounds.ts';
import { TOTAL_IDS, breakdownId, publishedCounts, seriesId, statsRelations } from './relations.ts';
import { NOISE_MAX, type CellNoise } from './perturbation.ts';
import { HIDDEN_COUNT, MASK_THRESHOLD, SMALL_COUNT, type Count, type PublicStats, type Stats } from './types.ts';

// Public pages (share links): every count below 11 becomes "< 11", and further counts are
// hidden ("masqué") until no masked count can be deduced from what is shown — through a
// breakdown adding up to its total, series adding up to totals, days to months, or several
// breakdowns of the same total. A reader is assumed to know that "< 11" means 0–10 and that a
// hidden count is at least 11. On share pages the shown counts are perturbed (±D,
// docs/public-figures.md) and the reasoning uses what the reader knows of them: intervals.

const TOTAL_SET = new Set<string>(Object.values(TOTAL_IDS));

/**
 * What the reader sees of the shown counts when they are perturbed (share pages): the published
 * value of each, and the noise bound D. The reader then knows each shown count only within
 * [published − D, published + D] (and ≥ 11), and a masked count "leaks" when the relations pin
 * it down to one value (a hidden one) or to two (a small one).
 */
export interface PerturbedView {
  published: ReadonlyMap<string, number>;
  noiseMax: number;
}

/** Which counts to hide, by id: "small" (below 11) or "hidden" (to protect a small one). */
export function maskPlan(s: Stats, view?: PerturbedView): Map<string, 'small' | 'hidden'> {
  const values = publishedCounts(s);
  const relations = statsRelations(s);
  const plan = new Map<string, 'small' | 'hidden'>();
  for (const [id, v] of values) if (v < MASK_THRESHOLD) plan.set(id, 'small');

  const related = relatedIds(relations);
  for (let guard = 0; guard <= values.size; guard++) {
    const leak = firstLeak(values, relations, plan, view);
    if (!leak) return plan;
    const pick = chooseComplement(leak, related, values, relations, plan, view);
    if (!pick) break;
    plan.set(pick, 'hidden');
  }
  // Nothing left to hide around a deducible count: hide everything rather than leak.
  for (const [id, v] of values) plan.set(id, v < MASK_THRESHOLD ? 'small' : 'hidden');
  return plan;
}

/** A masked count the reader can pin down (to one value; a small one to two when counts are perturbed), if any. */
function firstLeak(
  values: Map<string, number>,
  relations: Relation[],
  plan: Map<string, 'small' | 'hidden'>,
  view?: PerturbedView,
  only?: string,
): string | undefined {
  const domains = new Map<string, Interval>();
  for (const [id, v] of values) {
    const m = plan.get(id);
    const p = view?.published.get(id);
    const shown: Interval = view && p !== undefined ? { lo: Math.max(MASK_THRESHOLD, p - view.noiseMax), hi: p + view.noiseMax } : { lo: v, hi: v };
    domains.set(id, m === 'small' ? { lo: 0, hi: MASK_THRESHOLD - 1 } : m === 'hidden' ? { lo: MASK_THRESHOLD, hi: Infinity } : shown);
  }
  propagate(domains, relations);
  const ids = only ? [only] : [...plan.keys()];
  return ids.find((id) => {
    const d = domains.get(id)!;
    return d.hi - d.lo <= (view && plan.get(id) === 'small' ? 1 : 0);
  });
}

function relatedIds(relations: readonly Relation[]): Map<string, Set<string>> {
  const related = new Map<string, Set<string>>();
  for (const r of relations) {
    for (const t of r.terms) {
      const set = related.get(t.id) ?? new Set<string>();
      for (const u of r.terms) if (u.id !== t.id) set.add(u.id);
      related.set(t.id, set);
    }
  }
  return related;
}

/**
 * A shown count to hide so that `leak` is no longer deducible: among the counts near it in
 * the relations, breakdown cells before headline totals, the nearest and smallest first, the
 * first whose hiding actually protects it (else the first candidate, and the loop goes on).
 */
function chooseComplement(
  leak: string,
  related: Map<string, Set<string>>,
  values: Map<string, number>,
  relations: Relation[],
  plan: Map<string, 'small' | 'hidden'>,
  view?: PerturbedView,
): string | undefined {
  const distance = new Map<string, number>([[leak, 0]]);
  let frontier = [leak];
  for (let depth = 1; depth <= 3 && frontier.length; depth++) {
    const next: string[] = [];
    for (const f of frontier) {
      for (const c of related.get(f) ?? []) {
        if (distance.has(c)) continue;
        distance.set(c, depth);
        next.push(c);
      }
    }
    frontier = next;
  }
  const candidates = [...distance.keys()]
    .filter((c) => !plan.has(c))
    .sort(
      (a, b) =>
        Number(TOTAL_SET.has(a)) - Number(TOTAL_SET.has(b)) ||
        distance.get(a)! - distance.get(b)! ||
        values.get(a)! - values.get(b)! ||
        a.localeCompare(b),
    );
  for (const c of candidates.slice(0, 24)) {
    const trial = new Map(plan).set(c, 'hidden');
    if (!firstLeak(values, relations, trial, view, leak)) return c;
  }
  return candidates[0];
}

/** Key of the bucket grouping the values of an open list shown below the threshold. */
export const OTHERS_KEY = 'autres';

/**
 * Open lists (venues, communes, tags, portal sites, communes of the activity) name only the values that occur, so an absent value would
 * read as an exact 0: public pages list the values of 11 and more and group the rest under
 * "Autres" (and always show "Non communiqué" for communes).
 */
export function groupOpenLists(s: Stats): Stats {
  const group = (entries: Stats['breakdowns']['venue'], keep: string[]) => {
    const shown = entries.filter((e) => e.count >= MASK_THRESHOLD && !keep.includes(e.key));
    const others = entries.filter((e) => e.count < MASK_THRESHOLD && !keep.includes(e.key)).reduce((n, e) => n + e.count, 0);
    const kept = keep.map((k) => entries.find((e) => e.key === k) ?? { key: k, label: 'Non communiqué', count: 0 });
    return [...shown, { key: OTHERS_KEY, label: 'Autres', count: others }, ...kept];
  };
  const breakdowns = { ...s.breakdowns, venue: group(s.breakdowns.venue, []), commune: group(s.breakdowns.commune, ['non_communique']) };
  // The open lists of round 3 (stats-contract.md), when the figures have them.
  const more = breakdowns as Partial<Record<string, Stats['breakdowns']['venue']>>;
  for (const [key, keep] of [['tags', []], ['portalSites', []], ['activityCommune', ['non_communique']]] as const) {
    const entries = more[key];
    if (entries) more[key] = group(entries, [...keep]);
  }
  return { ...s, breakdowns };
}

/** Open lists are sorted by count: on a public page, by the published count (the true order would tell more). */
const OPEN_LIST_KEYS = new Set(['venue', 'commune', 'tags', 'portalSites', 'activityCommune']);

function byPublishedCount(a: { key: string; count: Count }, b: { key: string; count: Count }): number {
  if (a.key === OTHERS_KEY || b.key === OTHERS_KEY || a.key === 'non_communique' || b.key === 'non_communique') return 0;
  const n = (c: Count) => (typeof c === 'number' ? c : -1);
  return n(b.count) - n(a.count) || a.key.localeCompare(b.key);
}

/**
 * The public version of the figures: masked counts replaced by "< 11" or "masqué", and every
 * shown count passed through the table's cell-key noise when one is given (share pages,
 * docs/public-figures.md). The mask is planned on the true counts.
 */
export function maskStats(full: Stats, noise?: CellNoise): PublicStats {
  const s = groupOpenLists(full);
  // Perturbed values first (they depend on the cell and its count only), then the mask planned
  // on what a reader of those values can deduce.
  const published = new Map<string, number>();
  if (noise) for (const [id, v] of publishedCounts(s)) if (v >= MASK_THRESHOLD) published.set(id, noise(id, v));
  const plan = maskPlan(s, noise ? { published, noiseMax: NOISE_MAX } : undefined);
  const c = (id: string, v: number): Count => {
    const m = plan.get(id);
    return m === 'small' ? SMALL_COUNT : m === 'hidden' ? HIDDEN_COUNT : (published.get(id) ?? v);
  };
  const accompaniments = c(TOTAL_IDS.accompaniments, s.totals.accompaniments);
  const breakdowns = Object.fromEntries(
    Object.entries(s.breakdowns).map(([key, entries]) => {
      const shown = entries.map((e) => ({ ...e, count: c(breakdownId(key, e.key), e.count) }));
      if (noise && OPEN_LIST_KEYS.has(key)) {
        const named = shown.filter((e) => e.key !== OTHERS_KEY && e.key !== 'non_communique').sort(byPublishedCount);
        return [key, [...named, ...shown.filter((e) => e.key === OTHERS_KEY || e.key === 'non_communique')]];
      }
      return [key, shown];
    }),
  ) as PublicStats['breakdowns'];
  return {
    totals: {
      activities: c(TOTAL_IDS.activities, s.totals.activities),
      accompaniments,
      // The same figure as accompaniments (each accompaniment is one beneficiary's).
      beneficiaries: accompaniments,
      newBeneficiaries: c(TOTAL_IDS.newBeneficiaries, s.totals.newBeneficiaries),
    },
    series: {
      byMonth: s.series.byMonth.map((p) => ({ period: p.period, activities: c(seriesId('m', p.period, 'a'), p.activities), accompaniments: c(seriesId('m', p.period, 'c'), p.accompaniments) })),
      byDay: s.series.byDay.map((p) => ({ period: p.period, activities: c(seriesId('d', p.period, 'a'), p.activities), accompaniments: c(seriesId('d', p.period, 'c'), p.accompaniments) })),
    },
    breakdowns,
  };
}
