import { sql, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import { FIXED_BREAKDOWNS, MEASURE_COLUMNS, measureColumn } from '../../shared/stats/measures.ts';
import { addDays, daysBetween, monthsBetween } from '../../shared/stats/periods.ts';
import { THEMES } from '../../shared/activity/codes.ts';
import type { BreakdownEntry, SeriesPoint, Stats, StatsFilters } from '../../shared/stats/types.ts';
import { ensureFreshRollups } from './stats-rollup.ts';
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
  if (f.type) out.push(sql`f.type = ${f.type}`);
  return out;
}

function structureCond(sel: StructureSelection, rollup: boolean): RawBuilder<unknown>[] {
  if ('all' in sel) return rollup ? [sql`f.structure_id = '*'`] : [];
  return [sql`f.structure_id IN (${sql.join(sel.ids)})`];
}

/** The theme filter on facts: each theme is a measure column (th_<code>), its participants when chosen. */
function themeFlag(theme: string): RawBuilder<unknown> {
  if (!THEME_CODES.has(theme)) throw new Error(`unknown theme ${theme}`);
  return sql`${sql.ref(`f.th_${theme}`)} > 0`;
}

/** Conditions on activity_facts aliased `f` (exports read through them too). */
export function factsWhere(f: StatsFilters, sel: StructureSelection, range?: { from: string; to: string }): RawBuilder<unknown> {
  const parts = [...structureCond(sel, false), ...periodAndType(range ? { ...f, ...range } : f)];
  if (f.mediatorId) parts.push(sql`f.mediator_id = ${f.mediatorId}`);
  if (f.theme) parts.push(themeFlag(f.theme));
  return and(parts);
}

function rollupWhere(f: StatsFilters, sel: StructureSelection): RawBuilder<unknown> {
  return and([...structureCond(sel, true), sql`f.theme = ${f.theme ?? ''}`, ...periodAndType(f)]);
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * The dashboard's figures (protocol.md GET /api/v1/stats). The daily roll-ups answer most
 * queries (a few thousand rows whatever the volume); a mediator's figures, or a theme within
 * chosen structures, are read from that slice of the facts.
 */
export async function computeStats(db: DB, asked: StatsFilters, sel: StructureSelection): Promise<Stats> {
  // Records outside the hub's time window (stored before it existed, or a share link's old
  // period) are left out: the series then never run past the window (docs/security.md).
  const shown = clampToWindow(asked);
  if ('ids' in sel && sel.ids.length === 0) return emptyStats(shown);
  const filters = { ...shown, from: shown.from ?? DATE_MIN, to: shown.to ?? dateMax() };
  const useFacts = Boolean(filters.mediatorId) || (Boolean(filters.theme) && !('all' in sel));
  if (!useFacts) await ensureFreshRollups(db);
  const from = useFacts ? sql`activity_facts f` : sql`stats_rollup f`;
  const where = useFacts ? factsWhere(filters, sel) : rollupWhere(filters, sel);

  const [sums, days, open] = await Promise.all([
    sql<Record<string, unknown>>`SELECT ${measureSums} FROM ${from} WHERE ${where}`.execute(db),
    sql<{ period: string; activities: unknown; accompaniments: unknown }>`
      SELECT f.date AS period, SUM(f.activities) AS activities, SUM(f.accompaniments) AS accompaniments
      FROM ${from} WHERE ${where} GROUP BY f.date ORDER BY f.date`.execute(db),
    useFacts ? openFromFacts(db, filters, sel) : openFromRollups(db, filters, sel),
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
  return stats;
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
  const where = and([...structureCond(sel, true), sql`f.theme = ${f.theme ?? ''}`, ...(f.type ? [sql`f.type = ${f.type}`] : []), ...monthParts]);
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
  return { totals: { activities: 0, accompaniments: 0, beneficiaries: 0, newBeneficiaries: 0 }, series: { byMonth, byDay }, breakdowns };
}
