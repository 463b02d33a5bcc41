import { sql, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  AIDANTS_CONNECT_COLUMNS,
  AUTONOMY_PREFIX,
  FIXED_BREAKDOWNS,
  MEASURE_COLUMNS,
  PASS_NUMERIQUE_COLUMN,
  measureColumn,
} from '../../shared/stats/measures.ts';
import { addDays, daysBetween, monthsBetween } from '../../shared/stats/periods.ts';
import { ADMIN_THEMES, AUTONOMY, THEMES } from '../../shared/activity/codes.ts';
import type { BreakdownEntry, MediatorStatsRow, SeriesPoint, Stats, StatsFilters } from '../../shared/stats/types.ts';
import { ensureFreshRollups } from './stats-rollup.ts';
import { extraFromFacts, extraFromRollups, type ExtraDim, type ExtraRow } from './stats-extra.ts';
import { DATE_MIN, clampToWindow, dateMax } from '../../shared/stats/window.ts';

/** Which structures a query covers: a list, or every structure of the hub. */
export type StructureSelection = { all: true } | { ids: string[] };

const COMMUNE_UNKNOWN = 'non_communique';
const THEME_CODES = new Set<string>(THEMES.map((t) => t.code));

const measureSums = sql.join(MEASURE_COLUMNS.map((c) => sql`SUM(${sql.ref(`f.${c}`)}) AS ${sql.ref(c)}`));

function and(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return parts.length ? sql.join(parts, sql` AND `) : sql`1 = 1`;
}

/** Conditions common to facts and roll-ups (both aliased `f`). */
function periodAndType(f: StatsFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.from) out.push(sql`f.date >= ${f.from}`);
  if (f.to) out.push(sql`f.date <= ${f.to}`);
  if (f.type?.length) out.push(sql`f.type IN (${sql.join(f.type)})`);
  return out;
}

function structureCond(sel: StructureSelection, rollup: boolean): RawBuilder<unknown>[] {
  if ('all' in sel) return rollup ? [sql`f.structure_id = '*'`] : [];
  return [sql`f.structure_id IN (${sql.join(sel.ids)})`];
}

const ADMIN_THEME_CODES = new Set<string>(ADMIN_THEMES.map((t) => t.code));

/** A multi-choice filter on facts: each code is a measure column (<prefix><code>), its participants when chosen; codes OR-ed. */
function anyFlag(prefix: string, codes: string[], known: Set<string>): RawBuilder<unknown> {
  for (const c of codes) if (!known.has(c)) throw new Error(`unknown code ${c}`);
  return sql`(${sql.join(codes.map((c) => sql`${sql.ref(`f.${prefix}${c}`)} > 0`), sql` OR `)})`;
}

/** Conditions on activity_facts aliased `f` (exports read through them too); values of one filter OR-ed, filters AND-ed. */
export function factsWhere(f: StatsFilters, sel: StructureSelection, range?: { from: string; to: string }): RawBuilder<unknown> {
  const parts = [...structureCond(sel, false), ...periodAndType(range ? { ...f, ...range } : f)];
  if (f.mediatorId?.length) parts.push(sql`f.mediator_id IN (${sql.join(f.mediatorId)})`);
  if (f.theme?.length) parts.push(anyFlag('th_', f.theme, THEME_CODES));
  if (f.adminTheme?.length) parts.push(anyFlag('at_', f.adminTheme, ADMIN_THEME_CODES));
  if (f.venueId?.length) parts.push(sql`f.venue_id IN (${sql.join(f.venueId)})`);
  if (f.commune?.length) parts.push(sql`f.activity_commune IN (${sql.join(f.commune)})`);
  if (f.departement?.length) parts.push(sql`f.activity_departement IN (${sql.join(f.departement)})`);
  if (f.tag?.length) parts.push(sql`f.activity_id IN (SELECT tg.activity_id FROM activity_fact_tags tg WHERE tg.tag IN (${sql.join(f.tag)}))`);
  if (f.conseillerNumerique) {
    parts.push(sql`f.mediator_id IN (SELECT md.id FROM mediators md WHERE md.conseiller_numerique = ${f.conseillerNumerique === 'oui' ? 1 : 0})`);
  }
  return and(parts);
}

/** Whether the roll-ups can answer: they hold sums per structure, day and type, and per single theme for all structures. */
function rollupsCover(f: StatsFilters, sel: StructureSelection): boolean {
  if (f.mediatorId?.length || f.adminTheme?.length || f.venueId?.length || f.commune?.length || f.departement?.length || f.tag?.length || f.conseillerNumerique) return false;
  if (f.theme?.length) return f.theme.length === 1 && 'all' in sel;
  return true;
}

function rollupWhere(f: StatsFilters, sel: StructureSelection): RawBuilder<unknown> {
  return and([...structureCond(sel, true), sql`f.theme = ${f.theme?.[0] ?? ''}`, ...periodAndType(f)]);
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * The dashboard's figures (protocol.md GET /api/v1/stats). The daily roll-ups answer most
 * queries (a few thousand rows whatever the volume); a mediator's figures, or a theme within
 * chosen structures, are read from that slice of the facts.
 */
export async function computeStats(db: DB, asked: StatsFilters, sel: StructureSelection): Promise<Stats> {
  return (await computeStatsAndMediators(db, asked, sel)).stats;
}

/** The figures and the per-mediator table (authenticated dashboard only) of the same filtered set. */
export async function computeStatsAndMediators(db: DB, asked: StatsFilters, sel: StructureSelection): Promise<{ stats: Stats; mediators: MediatorStatsRow[] }> {
  // Records outside the hub's time window (stored before it existed, or a share link's old
  // period) are left out: the series then never run past the window (docs/security.md).
  const shown = clampToWindow(asked);
  if ('ids' in sel && sel.ids.length === 0) return { stats: emptyStats(shown), mediators: [] };
  const filters = { ...shown, from: shown.from ?? DATE_MIN, to: shown.to ?? dateMax() };
  const useFacts = !rollupsCover(filters, sel);
  if (!useFacts) await ensureFreshRollups(db);
  const from = useFacts ? sql`activity_facts f` : sql`stats_rollup f`;
  const where = useFacts ? factsWhere(filters, sel) : rollupWhere(filters, sel);

  const [sums, days, open, extra] = await Promise.all([
    sql<Record<string, unknown>>`SELECT ${measureSums} FROM ${from} WHERE ${where}`.execute(db),
    sql<{ period: string; activities: unknown; accompaniments: unknown }>`
      SELECT f.date AS period, SUM(f.activities) AS activities, SUM(f.accompaniments) AS accompaniments
      FROM ${from} WHERE ${where} GROUP BY f.date ORDER BY f.date`.execute(db),
    useFacts ? openFromFacts(db, filters, sel) : openFromRollups(db, filters, sel),
    useFacts
      ? extraFromFacts(db, factsWhere(filters, sel))
      : extraFromRollups(db, filters, 'all' in sel ? [] : [sql`f.structure_id IN (${sql.join(sel.ids)})`], (range) => factsWhere(filters, sel, range)),
  ]);
  const s = sums.rows[0] ?? {};
  const m = (col: string) => num(s[col]);

  const stats = emptyStats(shown, days.rows.map((r) => r.period));
  stats.totals = {
    activities: m('activities'),
    accompaniments: m('accompaniments'),
    beneficiaries: m('accompaniments'),
    newBeneficiaries: m('new_beneficiaries'),
  };
  for (const b of FIXED_BREAKDOWNS) {
    stats.breakdowns[b.key] = b.codes.map((c) => ({ key: c.code, label: c.label, count: m(measureColumn(b, c.code)) }));
  }
  const dayIndex = new Map(stats.series.byDay.map((p) => [p.period, p]));
  const monthIndex = new Map(stats.series.byMonth.map((p) => [p.period, p]));
  for (const r of days.rows) {
    const a = num(r.activities);
    const c = num(r.accompaniments);
    const d = dayIndex.get(r.period);
    const mo = monthIndex.get(r.period.slice(0, 7));
    if (d) Object.assign(d, { activities: a, accompaniments: c });
    if (mo) Object.assign(mo, { activities: mo.activities + a, accompaniments: mo.accompaniments + c });
  }
  stats.breakdowns.venue = open.venue.list();
  stats.breakdowns.commune = open.commune.list();
  stats.breakdowns.aidantsConnect = [
    { key: 'oui', label: 'Oui', count: m(AIDANTS_CONNECT_COLUMNS.oui) },
    { key: 'non', label: 'Non', count: m(AIDANTS_CONNECT_COLUMNS.non) },
  ];
  stats.breakdowns.passNumerique = [{ key: 'pass_numerique', label: PASS_NUMERIQUE_LABEL, count: m(PASS_NUMERIQUE_COLUMN) }];
  stats.breakdowns.autonomy = AUTONOMY.map((a) => ({ key: a.code, label: a.label, count: m(`${AUTONOMY_PREFIX}${a.code}`) }));
  const dim = (d: ExtraDim) => {
    const m = new Map<string, ExtraRow>();
    for (const r of extra) {
      if (r.dim !== d) continue;
      const e = m.get(r.value) ?? { ...r, activities: 0, accompaniments: 0, minutes: 0 };
      e.activities += r.activities;
      e.accompaniments += r.accompaniments;
      e.minutes += r.minutes;
      m.set(r.value, e);
    }
    return [...m.values()];
  };
  const list = (d: ExtraDim, unknownKey?: string) => openList(dim(d).map((r) => ({ key: r.value, acc: r.accompaniments })), unknownKey);
  stats.breakdowns.tags = list('tag');
  stats.breakdowns.portalSites = list('portal');
  stats.breakdowns.activityCommune = list('activityCommune', COMMUNE_UNKNOWN);
  return { stats, mediators: await mediatorRows(db, dim('mediator')) };
}

/** The per-mediator table from the mediator dimension: labels and flags from the mediators table. */
async function mediatorRows(db: DB, rows: ExtraRow[]): Promise<MediatorStatsRow[]> {
  const kept = rows.filter((r) => r.activities > 0);
  const known = new Map<string, { label: string | null; cn: number }>();
  for (let i = 0; i < kept.length; i += 500) {
    const ids = kept.slice(i, i + 500).map((r) => r.value);
    for (const m of await db.selectFrom('mediators').select(['id', 'label', 'conseiller_numerique']).where('id', 'in', ids).execute()) {
      known.set(m.id, { label: m.label, cn: Number(m.conseiller_numerique) });
    }
  }
  return kept
    .map((r) => ({
      mediatorId: r.value,
      label: known.get(r.value)?.label ?? null,
      conseillerNumerique: known.get(r.value)?.cn === 1,
      activities: r.activities,
      accompaniments: r.accompaniments,
      hours: Math.round(r.minutes / 6) / 10,
    }))
    .sort((a, b) => b.activities - a.activities || (a.label ?? '').localeCompare(b.label ?? '') || a.mediatorId.localeCompare(b.mediatorId));
}

export const PASS_NUMERIQUE_LABEL = 'Pass numérique acceptés';

function openList(rows: { key: string; acc: unknown }[], unknownKey?: string): BreakdownEntry[] {
  return rows
    .map((r) => ({ key: r.key || unknownKey || '', label: r.key || (unknownKey ? 'Non communiqué' : ''), count: num(r.acc) }))
    .filter((e) => e.count > 0 && e.key !== '')
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The per-mediator table of the filtered set (authenticated dashboard only): activities, accompaniments, hours. */
export async function computeMediatorTable(db: DB, asked: StatsFilters, sel: StructureSelection): Promise<MediatorStatsRow[]> {
  return (await computeStatsAndMediators(db, asked, sel)).mediators;
}

/** Counts per venue and per commune, in accompaniments like every breakdown, merged from several sources. */
class OpenCounts {
  private readonly counts = new Map<string, number>();
  constructor(private readonly dim: 'venue' | 'commune') {}
  add(value: string | null, activities: unknown, accompaniments: unknown) {
    if (value === null) return;
    const key = value || COMMUNE_UNKNOWN;
    void activities;
    this.counts.set(key, (this.counts.get(key) ?? 0) + num(accompaniments));
  }
  list(): BreakdownEntry[] {
    return [...this.counts]
      .filter(([, n]) => n > 0)
      .map(([key, count]) => ({ key, label: key === COMMUNE_UNKNOWN ? 'Non communiqué' : key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
}

type Open = { venue: OpenCounts; commune: OpenCounts };

async function addFromFacts(db: DB, f: StatsFilters, sel: StructureSelection, out: Open, range?: { from: string; to: string }) {
  const { rows } = await sql<{ venue_id: string | null; commune: string; n: unknown; acc: unknown }>`
    SELECT f.venue_id AS venue_id, f.commune AS commune, COUNT(*) AS n, SUM(f.accompaniments) AS acc
    FROM activity_facts f WHERE ${factsWhere(f, sel, range)} GROUP BY f.venue_id, f.commune`.execute(db);
  for (const r of rows) {
    out.venue.add(r.venue_id, r.n, r.acc);
    out.commune.add(r.commune, r.n, r.acc);
  }
}

async function openFromFacts(db: DB, f: StatsFilters, sel: StructureSelection): Promise<Open> {
  const out = { venue: new OpenCounts('venue'), commune: new OpenCounts('commune') };
  await addFromFacts(db, f, sel, out);
  return out;
}

/** Whether the selection has facts between two days (inclusive) — tells a real cut of a month from an empty edge. */
async function hasFacts(db: DB, f: StatsFilters, sel: StructureSelection, from: string, to: string): Promise<boolean> {
  if (from > to) return false;
  const { rows } = await sql`SELECT 1 AS x FROM activity_facts f WHERE ${factsWhere({ ...f, mediatorId: undefined }, sel, { from, to })} LIMIT 1`.execute(db);
  return rows.length > 0;
}

/**
 * Venue and commune counts: whole months from the monthly roll-ups; a month the period cuts
 * through (with data on the far side of the cut) is read from the facts for its covered days.
 */
async function openFromRollups(db: DB, f: StatsFilters, sel: StructureSelection): Promise<Open> {
  const out = { venue: new OpenCounts('venue'), commune: new OpenCounts('commune') };
  const first = f.from?.slice(0, 7);
  const last = f.to?.slice(0, 7);
  const startCut = Boolean(f.from && first && (await hasFacts(db, f, sel, `${first}-01`, addDays(f.from, -1))));
  const endCut = Boolean(f.to && last && (await hasFacts(db, f, sel, addDays(f.to, 1), `${last}-31`)));
  const monthParts: RawBuilder<unknown>[] = [];
  if (first) monthParts.push(startCut ? sql`f.month > ${first}` : sql`f.month >= ${first}`);
  if (last) monthParts.push(endCut ? sql`f.month < ${last}` : sql`f.month <= ${last}`);
  const where = and([
    ...structureCond(sel, true),
    sql`f.theme = ${f.theme?.[0] ?? ''}`,
    ...(f.type?.length ? [sql`f.type IN (${sql.join(f.type)})`] : []),
    ...monthParts,
  ]);
  const { rows } = await sql<{ dim: string; value: string; n: unknown; acc: unknown }>`
    SELECT f.dim AS dim, f.value AS value, SUM(f.activities) AS n, SUM(f.accompaniments) AS acc
    FROM stats_rollup_dims f WHERE ${where} GROUP BY f.dim, f.value`.execute(db);
  for (const r of rows) out[r.dim === 'venue' ? 'venue' : 'commune'].add(r.value, r.n, r.acc);
  if (first && last && first === last && (startCut || endCut)) {
    await addFromFacts(db, f, sel, out, { from: f.from!, to: f.to! });
  } else {
    if (startCut) await addFromFacts(db, f, sel, out, { from: f.from!, to: `${first}-31` });
    if (endCut) await addFromFacts(db, f, sel, out, { from: `${last}-01`, to: f.to! });
  }
  return out;
}

/** Zero figures over the period: series cover every month and day from `from` to `to` (or the days with data). */
export function emptyStats(f: StatsFilters, dataDays: string[] = []): Stats {
  const first = f.from ?? dataDays[0];
  const last = f.to ?? dataDays.at(-1);
  const zero = (period: string): SeriesPoint => ({ period, activities: 0, accompaniments: 0 });
  const byDay = first && last ? daysBetween(first, last).map(zero) : [];
  const byMonth = first && last ? monthsBetween(first, last).map(zero) : [];
  const breakdowns = Object.fromEntries(
    FIXED_BREAKDOWNS.map((b) => [b.key, b.codes.map((c) => ({ key: c.code, label: c.label, count: 0 }))]),
  ) as Stats['breakdowns'];
  breakdowns.venue = [];
  breakdowns.commune = [];
  breakdowns.aidantsConnect = [
    { key: 'oui', label: 'Oui', count: 0 },
    { key: 'non', label: 'Non', count: 0 },
  ];
  breakdowns.passNumerique = [{ key: 'pass_numerique', label: PASS_NUMERIQUE_LABEL, count: 0 }];
  breakdowns.autonomy = AUTONOMY.map((a) => ({ key: a.code, label: a.label, count: 0 }));
  breakdowns.tags = [];
  breakdowns.portalSites = [];
  breakdowns.activityCommune = [];
  return { totals: { activities: 0, accompaniments: 0, beneficiaries: 0, newBeneficiaries: 0 }, series: { byMonth, byDay }, breakdowns };
}
