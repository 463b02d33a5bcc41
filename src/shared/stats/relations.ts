import type { Relation } from './bounds.ts';
import type { Stats } from './types.ts';

// Every relation between the figures of a stats answer that a reader knows from the data
// model (taxonomy.md): partitions of a total, series adding up to totals, multi-valued
// breakdowns bounded by their total. Ids name each published count.

export const TOTAL_IDS = {
  activities: 't.activities',
  accompaniments: 't.accompaniments',
  newBeneficiaries: 't.newBeneficiaries',
} as const;

export const seriesId = (grain: 'm' | 'd', period: string, measure: 'a' | 'c') => `${grain}.${period}.${measure}`;
export const breakdownId = (key: string, code: string) => `b.${key}.${code}`;

function sumEquals(total: string, cells: string[]): Relation {
  return { op: '=', terms: [...cells.map((id) => ({ id, coef: 1 as const })), { id: total, coef: -1 }] };
}
function atLeast(big: string, small: string): Relation {
  return { op: '>=', terms: [{ id: big, coef: 1 }, { id: small, coef: -1 }] };
}
function sumAtLeast(cells: string[], total: string): Relation {
  return { op: '>=', terms: [...cells.map((id) => ({ id, coef: 1 as const })), { id: total, coef: -1 }] };
}
function sumAtMost(cells: string[], total: string): Relation {
  return { op: '>=', terms: [{ id: total, coef: 1 }, ...cells.map((id) => ({ id, coef: -1 as const }))] };
}

/** Every published count by id. */
export function publishedCounts(s: Stats): Map<string, number> {
  const out = new Map<string, number>();
  out.set(TOTAL_IDS.activities, s.totals.activities);
  out.set(TOTAL_IDS.accompaniments, s.totals.accompaniments);
  out.set(TOTAL_IDS.newBeneficiaries, s.totals.newBeneficiaries);
  for (const [grain, points] of [['m', s.series.byMonth], ['d', s.series.byDay]] as const) {
    for (const p of points) {
      out.set(seriesId(grain, p.period, 'a'), p.activities);
      out.set(seriesId(grain, p.period, 'c'), p.accompaniments);
    }
  }
  for (const [key, entries] of Object.entries(s.breakdowns)) {
    for (const e of entries) out.set(breakdownId(key, e.key), e.count);
  }
  return out;
}

export function statsRelations(s: Stats): Relation[] {
  const A = TOTAL_IDS.activities;
  const C = TOTAL_IDS.accompaniments;
  const cells = (key: keyof Stats['breakdowns'], except?: string) =>
    s.breakdowns[key].filter((e) => e.key !== except).map((e) => breakdownId(key, e.key));
  const rel: Relation[] = [];
  // Every breakdown counts accompaniments (taxonomy.md): single-choice ones partition them.
  for (const key of ['type', 'channel', 'durationBucket'] as const) rel.push(sumEquals(C, cells(key)));
  for (const key of ['genre', 'ageBand', 'status', 'commune'] as const) if (s.breakdowns[key].length) rel.push(sumEquals(C, cells(key)));
  rel.push(atLeast(C, A), atLeast(C, TOTAL_IDS.newBeneficiaries));

  const individual = breakdownId('type', 'individuel');
  rel.push(sumEquals(individual, cells('oriented')));
  rel.push(sumEquals(breakdownId('channel', 'lieu_activite'), cells('venue')));
  // Residents' communes are known for individual sessions only.
  rel.push(sumAtMost(cells('commune', 'non_communique'), individual));

  // Every activity has at least one theme; each theme, piece of equipment, procedure ≤ the total.
  rel.push(sumAtLeast(cells('themes'), C));
  for (const key of ['themes', 'adminThemes', 'equipment'] as const) for (const id of cells(key)) rel.push(atLeast(C, id));
  for (const id of cells('adminThemes')) rel.push(atLeast(breakdownId('themes', 'aide_aux_demarches_administratives'), id));

  // Round 3 breakdowns (stats-contract.md), when present: Aidants Connect oui/non and the
  // activity's commune partition the accompaniments; autonomy covers individual ones at most;
  // each tag and portal site ≤ the total (Pass numérique counts passes, not people: no relation).
  const extra = s.breakdowns as Partial<Record<string, Stats['breakdowns']['venue']>>;
  const extraCells = (key: string) => (extra[key] ?? []).map((e) => breakdownId(key, e.key));
  if (extraCells('aidantsConnect').length) rel.push(sumEquals(C, extraCells('aidantsConnect')));
  if (extraCells('activityCommune').length) rel.push(sumEquals(C, extraCells('activityCommune')));
  if (extraCells('autonomy').length) rel.push(sumAtMost(extraCells('autonomy'), individual));
  for (const key of ['tags', 'portalSites']) for (const id of extraCells(key)) rel.push(atLeast(C, id));

  // Series: months and days add up to the totals, days add up to their month.
  for (const [measure, total] of [['a', A], ['c', C]] as const) {
    const months = s.series.byMonth.map((p) => seriesId('m', p.period, measure));
    const days = s.series.byDay.map((p) => seriesId('d', p.period, measure));
    if (months.length) rel.push(sumEquals(total, months));
    if (days.length) rel.push(sumEquals(total, days));
    for (const m of s.series.byMonth) {
      const inMonth = s.series.byDay.filter((d) => d.period.startsWith(m.period)).map((d) => seriesId('d', d.period, measure));
      if (inMonth.length) rel.push(sumEquals(seriesId('m', m.period, measure), inMonth));
    }
  }
  for (const [grain, points] of [['m', s.series.byMonth], ['d', s.series.byDay]] as const) {
    for (const p of points) rel.push(atLeast(seriesId(grain, p.period, 'c'), seriesId(grain, p.period, 'a')));
  }
  return rel;
}
