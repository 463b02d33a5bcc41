import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB, Database } from '../db/schema.ts';
import { DURATION_COLUMN } from '../../shared/stats/measures.ts';
import { addDays } from '../../shared/stats/periods.ts';
import type { StatsFilters } from '../../shared/stats/types.ts';

// The round-3 open breakdowns (tags, portal sites, commune of the activity) and the
// per-mediator table, summed per month (migration 011, stats_rollup_extra) so a dashboard over
// a million records reads a few thousand rows instead of scanning the facts. Rows are keyed
// (structure, theme, month, type, dim, value), theme '' = any theme; the ingest marks the
// (structure, month) pairs it touches (activity-facts-extra.ts), and the first read after it
// rebuilds those pairs from the facts. Months a period cuts through are read from the facts.

export type ExtraDim = 'activityCommune' | 'tag' | 'portal' | 'mediator';
export interface ExtraRow {
  dim: ExtraDim;
  value: string;
  activities: number;
  accompaniments: number;
  minutes: number;
}

const num = (v: unknown) => Number(v ?? 0);

/** The source of each dimension over facts aliased `f` (a join, and the grouped value). */
const SOURCES: Record<ExtraDim, { join: RawBuilder<unknown>; value: RawBuilder<unknown> }> = {
  activityCommune: { join: sql``, value: sql`f.activity_commune` },
  mediator: { join: sql``, value: sql`f.mediator_id` },
  tag: { join: sql`JOIN activity_fact_tags x ON x.activity_id = f.activity_id`, value: sql`x.tag` },
  portal: { join: sql`JOIN activity_fact_portal_sites x ON x.activity_id = f.activity_id`, value: sql`x.link_id` },
};
const DIMS = Object.keys(SOURCES) as ExtraDim[];

const sums = sql`COUNT(*) AS activities, SUM(f.accompaniments) AS accompaniments, SUM(${sql.ref(`f.${DURATION_COLUMN}`)}) AS minutes`;

/** The extra breakdowns of facts matching `where` (facts aliased `f`), grouped by dimension and value. */
export async function extraFromFacts(db: DB | Transaction<Database>, where: RawBuilder<unknown>): Promise<ExtraRow[]> {
  const out: ExtraRow[] = [];
  for (const dim of DIMS) {
    const { join, value } = SOURCES[dim];
    const { rows } = await sql<{ value: string; activities: unknown; accompaniments: unknown; minutes: unknown }>`
      SELECT ${value} AS value, ${sums} FROM activity_facts f ${join} WHERE ${where} GROUP BY ${value}`.execute(db);
    for (const r of rows) out.push({ dim, value: r.value, activities: num(r.activities), accompaniments: num(r.accompaniments), minutes: num(r.minutes) });
  }
  return out;
}

/** Rebuilds the rows of the dirty (structure, month) pairs, month by month. */
export async function refreshExtraRollups(db: DB): Promise<void> {
  const pending = await db.selectFrom('stats_extra_dirty').select('month').limit(1).executeTakeFirst();
  if (!pending) return;
  await db.transaction().execute(async (trx) => {
    // One refresh at a time (a one-row lock), so two never rebuild the same pair together;
    // markers are claimed by deleting them: one a push writes meanwhile waits for the next.
    await sql`UPDATE stats_extra_lock SET refreshed_at = ${new Date().toISOString()} WHERE lock_key = 'extra'`.execute(trx);
    const claimed = await trx.deleteFrom('stats_extra_dirty').returning(['structure_id', 'month']).execute();
    const byMonth = new Map<string, Set<string>>();
    for (const c of claimed) byMonth.set(c.month, (byMonth.get(c.month) ?? new Set()).add(c.structure_id));
    for (const [month, set] of byMonth) {
      const structures = [...set];
      for (let i = 0; i < structures.length; i += 500) await rebuild(trx, month, structures.slice(i, i + 500));
    }
  });
}

async function rebuild(trx: Transaction<Database>, month: string, structures: string[]): Promise<void> {
  await trx.deleteFrom('stats_rollup_extra').where('month', '=', month).where('structure_id', 'in', structures).execute();
  const where = sql`f.structure_id IN (${sql.join(structures)}) AND f.date >= ${`${month}-01`} AND f.date <= ${`${month}-31`}`;
  for (const dim of DIMS) {
    const { join, value } = SOURCES[dim];
    await sql`INSERT INTO stats_rollup_extra (structure_id, theme, month, type, dim, value, activities, accompaniments, minutes)
      SELECT f.structure_id, '', ${month}, f.type, ${dim}, ${value}, ${sums} FROM activity_facts f ${join}
      WHERE ${where} GROUP BY f.structure_id, f.type, ${value}`.execute(trx);
    await sql`INSERT INTO stats_rollup_extra (structure_id, theme, month, type, dim, value, activities, accompaniments, minutes)
      SELECT f.structure_id, t.theme, ${month}, f.type, ${dim}, ${value}, ${sums} FROM activity_facts f
      JOIN activity_fact_themes t ON t.activity_id = f.activity_id ${join}
      WHERE ${where} GROUP BY f.structure_id, t.theme, f.type, ${value}`.execute(trx);
  }
}

/** YYYY-MM-DD of the last day of a YYYY-MM month. */
function lastDayOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/**
 * The extra breakdowns of a query the roll-ups cover (period, structures, types, at most one
 * theme): whole months from stats_rollup_extra, the months the period cuts from the facts.
 */
export async function extraFromRollups(
  db: DB,
  f: StatsFilters & { from: string; to: string },
  structureCond: RawBuilder<unknown>[],
  factsIn: (range: { from: string; to: string }) => RawBuilder<unknown>,
): Promise<ExtraRow[]> {
  await refreshExtraRollups(db);
  const first = f.from.slice(0, 7);
  const last = f.to.slice(0, 7);
  const startCut = f.from !== `${first}-01`;
  const endCut = f.to !== lastDayOfMonth(last);
  const out: ExtraRow[] = [];
  if (first === last && (startCut || endCut)) return extraFromFacts(db, factsIn({ from: f.from, to: f.to }));
  if (startCut) out.push(...(await extraFromFacts(db, factsIn({ from: f.from, to: lastDayOfMonth(first) }))));
  if (endCut) out.push(...(await extraFromFacts(db, factsIn({ from: `${last}-01`, to: f.to }))));
  const parts: RawBuilder<unknown>[] = [
    ...structureCond,
    sql`f.theme = ${f.theme?.[0] ?? ''}`,
    startCut ? sql`f.month > ${first}` : sql`f.month >= ${first}`,
    endCut ? sql`f.month < ${last}` : sql`f.month <= ${last}`,
  ];
  if (f.type?.length) parts.push(sql`f.type IN (${sql.join(f.type)})`);
  const { rows } = await sql<{ dim: ExtraDim; value: string; activities: unknown; accompaniments: unknown; minutes: unknown }>`
    SELECT f.dim AS dim, f.value AS value, SUM(f.activities) AS activities, SUM(f.accompaniments) AS accompaniments, SUM(f.minutes) AS minutes
    FROM stats_rollup_extra f WHERE ${sql.join(parts, sql` AND `)} GROUP BY f.dim, f.value`.execute(db);
  for (const r of rows) out.push({ dim: r.dim, value: r.value, activities: num(r.activities), accompaniments: num(r.accompaniments), minutes: num(r.minutes) });
  return out;
}

/** Marks (structure, month) pairs for the next refresh (ingest, migration). */
export async function markExtraDirty(trx: Transaction<Database>, pairs: Iterable<{ structure_id: string; month: string }>): Promise<void> {
  const list = [...new Map([...pairs].map((p) => [`${p.structure_id} ${p.month}`, p])).values()];
  for (let i = 0; i < list.length; i += 500) await trx.insertInto('stats_extra_dirty').values(list.slice(i, i + 500)).execute();
}

/** Tables of the extra roll-ups (created when missing). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ensureExtraRollupSchema(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stats_rollup_extra')
    .ifNotExists()
    .addColumn('structure_id', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('activities', 'integer', (c) => c.notNull())
    .addColumn('accompaniments', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_rollup_extra_pk', ['theme', 'month', 'structure_id', 'type', 'dim', 'value'])
    .execute();
  await db.schema.createIndex('stats_rollup_extra_structure_idx').ifNotExists().on('stats_rollup_extra').columns(['structure_id', 'month']).execute();
  // No key: the same pair may be marked by several pushes before a refresh (all claimed at once).
  await db.schema
    .createTable('stats_extra_dirty')
    .ifNotExists()
    .addColumn('structure_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('stats_extra_lock')
    .ifNotExists()
    .addColumn('lock_key', 'text', (c) => c.primaryKey())
    .addColumn('refreshed_at', 'text', (c) => c.notNull())
    .execute();
  const lock = await sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM stats_extra_lock`.execute(db);
  if (Number(lock.rows[0]?.n ?? 0) === 0) await sql`INSERT INTO stats_extra_lock (lock_key, refreshed_at) VALUES ('extra', '')`.execute(db);
  await db.schema
    .createTable('activity_fact_months')
    .ifNotExists()
    .addColumn('activity_id', 'text', (c) => c.primaryKey())
    .addColumn('structure_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .execute();
}
