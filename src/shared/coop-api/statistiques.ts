import { ACTIVITY_TYPES, ADMIN_THEMES, DURATION_BUCKETS, EQUIPMENT, GENRES, AGE_BANDS, PLACE_KINDS, STATUSES, THEMES, type Coded } from '../activity/codes.ts';
import type { BreakdownEntry, SeriesPoint, Stats } from '../stats/types.ts';
import type { StatistiquesAttributes } from './resources.ts';

// GET /api/v1/statistiques from the hub's own figures (src/hub/repositories/stats.ts, the
// dashboard's): whatever unit the dashboard counts in, the API serves the same numbers.
// Shapes, labels and `value`s as La Coop's /api/v1/statistiques writes them: `value` is the
// name of La Coop's internal enumeration (PascalCase of its API value: `a_distance` →
// `ADistance`), the duration buckets are keyed 30 / 60 / 120 / more, proportions are
// percentages of the breakdown's sum rounded to 3 decimals.

/** La Coop's enumeration name for an API value. */
export function coopEnumName(code: string): string {
  return code
    .split('_')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join('');
}

/** La Coop's keys of the four duration buckets, in DURATION_BUCKETS' order. */
export const COOP_DURATION_KEYS = ['30', '60', '120', 'more'] as const;

export function proportion(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((100_000 * count) / total) / 1000;
}

type Share = { value: string; label: string; count: number; proportion: number };

function shares(codes: readonly Coded[], entries: readonly BreakdownEntry[] | undefined, value: (c: Coded, i: number) => string = (c) => coopEnumName(c.code)): Share[] {
  const byKey = new Map((entries ?? []).map((e) => [e.key, e.count]));
  const counts = codes.map((c) => byKey.get(c.code) ?? 0);
  const sum = counts.reduce((a, b) => a + b, 0);
  return codes.map((c, i) => ({ value: value(c, i), label: c.label, count: counts[i]!, proportion: proportion(counts[i]!, sum) }));
}

/** La Coop's tag figures: label, count, percentage of the tags' sum. */
function tagShares(entries: readonly BreakdownEntry[] | undefined): { label: string; count: number; proportion: number }[] {
  const list = entries ?? [];
  const sum = list.reduce((a, e) => a + e.count, 0);
  return list.map((e) => ({ label: e.label, count: e.count, proportion: proportion(e.count, sum) }));
}

/** `DD/MM` of a day, `MM/YY` of a month, as La Coop labels its series. */
const dayLabel = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}`;
const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(2, 4)}`;

/** Adds (sign 1) or takes away (sign -1) the figures of b to those of a, key by key. */
export function combineStats(a: Stats, b: Stats, sign: 1 | -1 = 1): Stats {
  const series = (x: SeriesPoint[], y: SeriesPoint[]) => {
    const m = new Map(x.map((p) => [p.period, { ...p }]));
    for (const p of y) {
      const q = m.get(p.period) ?? { period: p.period, activities: 0, accompaniments: 0 };
      m.set(p.period, { period: p.period, activities: q.activities + sign * p.activities, accompaniments: q.accompaniments + sign * p.accompaniments });
    }
    return [...m.values()].sort((p, q) => p.period.localeCompare(q.period));
  };
  const breakdowns = { ...a.breakdowns };
  for (const key of Object.keys(b.breakdowns) as (keyof Stats['breakdowns'])[]) {
    const m = new Map((a.breakdowns[key] ?? []).map((e) => [e.key, { ...e }]));
    for (const e of b.breakdowns[key]) {
      const q = m.get(e.key) ?? { ...e, count: 0 };
      m.set(e.key, { ...q, count: q.count + sign * e.count });
    }
    breakdowns[key] = [...m.values()];
  }
  const t = (k: keyof Stats['totals']) => a.totals[k] + sign * b.totals[k];
  return {
    totals: { activities: t('activities'), accompaniments: t('accompaniments'), beneficiaries: t('beneficiaries'), newBeneficiaries: t('newBeneficiaries') },
    series: { byMonth: series(a.series.byMonth, b.series.byMonth), byDay: series(a.series.byDay, b.series.byDay) },
    breakdowns,
  };
}

/**
 * The attributes of the statistiques resource: `main` over the requested period, `days` and
 * `months` over La Coop's series windows (the period's days, or the last 30; the last 12 months).
 */
export function toStatistiques(main: Stats, days: SeriesPoint[], months: SeriesPoint[]): StatistiquesAttributes {
  const b = main.breakdowns;
  const individuels = b.type.find((e) => e.key === ACTIVITY_TYPES[0].code)?.count ?? 0;
  const activities = main.totals.activities;
  const accompaniments = main.totals.accompaniments;
  // An individual session is one activity and one accompaniment: the rest are workshops.
  const collectifs = Math.max(0, activities - individuels);
  const participants = Math.max(0, accompaniments - individuels);
  return {
    accompagnements_par_jour: days.map((p) => ({ label: dayLabel(p.period), count: p.accompaniments })),
    accompagnements_par_mois: months.map((p) => ({ label: monthLabel(p.period), count: p.accompaniments })),
    beneficiaires: {
      total: main.totals.beneficiaries,
      genres: shares(GENRES, b.genre),
      tranche_ages: shares(AGE_BANDS, b.ageBand),
      statuts_social: shares(STATUSES, b.status),
    },
    activites: {
      total: accompaniments,
      type_activites: shares(ACTIVITY_TYPES, b.type),
      durees: shares(DURATION_BUCKETS, b.durationBucket, (_c, i) => COOP_DURATION_KEYS[i] ?? String(i)),
      type_lieu: shares(PLACE_KINDS, b.channel),
      thematiques: shares(THEMES, b.themes),
      thematiques_demarches: shares(ADMIN_THEMES, b.adminThemes),
      materiels: shares(EQUIPMENT, b.equipment),
      tags: tagShares(b.tags),
    },
    totaux: {
      activites: {
        total: activities,
        individuels: { total: individuels, proportion: proportion(individuels, individuels + collectifs) },
        collectifs: { total: collectifs, proportion: proportion(collectifs, individuels + collectifs), participants },
      },
      accompagnements: {
        total: accompaniments,
        individuels: { total: individuels, proportion: proportion(individuels, individuels + participants) },
        collectifs: { total: participants, proportion: proportion(participants, individuels + participants) },
      },
      beneficiaires: {
        total: main.totals.beneficiaries,
        nouveaux: main.totals.newBeneficiaries,
        // Kariole keeps no identified beneficiary: every one is anonymous.
        suivis: 0,
        anonymes: main.totals.beneficiaries,
      },
    },
  };
}
