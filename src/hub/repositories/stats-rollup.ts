import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB, Database } from '../db/schema.ts';
import { MEASURE_COLUMNS } from '../../shared/stats/measures.ts';
import { nowIso } from '../lib/time.ts';

// Lazy roll-ups: the ingest only marks (structure, day) dirty; the first stats query after it
// rebuilds the roll-up rows of those days (and of their months for the venue / commune counts)
// from the facts, set-based, in one transaction. A one-row lock serialises refreshes; markers
// are claimed with a token so a marker written by a push that commits during the refresh
// survives for the next one (read committed on PostgreSQL, a single writer on SQLite).

const ALL = sql.lit('*');
const measureList = sql.join(MEASURE_COLUMNS.map((c) => sql.ref(c)));
const measureSums = sql.join(MEASURE_COLUMNS.map((c) => sql`SUM(${sql.ref(`f.${c}`)})`));
const DAYS_PER_STATEMENT = 60;
const WHOLE_TABLE_DAYS = 120;

/** Whether some pushed records are not yet in the roll-ups. */
export async function rollupIsStale(db: DB): Promise<boolean> {
  const row = await db.selectFrom('stats_dirty').select('date').where('claim', 'is', null).limit(1).executeTakeFirst();
  return row !== undefined;
}

function dialectOf(db: DB): 'sqlite' | 'postgres' {
  return (db.getExecutor().adapter as object).constructor.name.toLowerCase().includes('postgres') ? 'postgres' : 'sqlite';
}

/**
 * One refresh transaction. On PostgreSQL it reads one snapshot (repeatable read), so the
 * changes it claims are exactly those its rebuild sees; a refresh that lost the race for the
 * lock is retried and then finds nothing left to do.
 */
async function inRefreshTransaction<T>(db: DB, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const tx = dialectOf(db) === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
      return await tx.execute(async (trx) => {
        await trx.updateTable('stats_lock').set({ refreshed_at: nowIso() }).where('key', '=', 'rollup').execute();
        return work(trx);
      });
    } catch (e) {
      if ((e as { code?: string }).code !== '40001' || attempt >= 5) throw e;
    }
  }
}

/** Folds the pending changes into the roll-ups; returns how many dirty-day markers it consumed. */
export async function refreshRollups(db: DB): Promise<number> {
  return inRefreshTransaction(db, async (trx) => {
    const token = randomUUID();
    const claimed = await trx.updateTable('stats_dirty').set({ claim: token }).where('claim', 'is', null).executeTakeFirst();
    await trx.updateTable('stats_dims_delta').set({ claim: token }).where('claim', 'is', null).execute();
    const n = Number(claimed.numUpdatedRows);
    if (n > 0) {
      const dates = (await trx.selectFrom('stats_dirty').select('date').distinct().where('claim', '=', token).execute()).map((r) => r.date).sort();
      // After a bulk load most days are dirty: whole-table scans beat thousands of index probes.
      if (dates.length > WHOLE_TABLE_DAYS) {
        await rebuildDays(trx, null);
        await rebuildMonths(trx);
      } else {
        for (let i = 0; i < dates.length; i += DAYS_PER_STATEMENT) await rebuildDays(trx, dates.slice(i, i + DAYS_PER_STATEMENT), token);
        await foldDeltas(trx, token);
      }
    }
    await trx.deleteFrom('stats_dirty').where('claim', '=', token).execute();
    await trx.deleteFrom('stats_dims_delta').where('claim', '=', token).execute();
    return n;
  });
}

/** Rebuilds every roll-up row from the facts (after a bulk load or a repair). */
export async function rebuildAllRollups(db: DB): Promise<void> {
  await inRefreshTransaction(db, async (trx) => {
    await trx.deleteFrom('stats_dirty').where('claim', 'is', null).execute();
    await trx.deleteFrom('stats_dims_delta').where('claim', 'is', null).execute();
    await rebuildDays(trx, null);
    await rebuildMonths(trx);
  });
}

/** Refreshes when needed: the stats query calls it first. */
export async function ensureFreshRollups(db: DB): Promise<void> {
  if (await rollupIsStale(db)) await refreshRollups(db);
}

/**
 * Daily rows: per structure for the claimed (structure, day) pairs, then all structures for
 * those days (summed from the per-structure rows, and per theme from the facts). `null`: every
 * day, from full scans.
 */
async function rebuildDays(trx: Transaction<Database>, dates: string[] | null, token?: string): Promise<void> {
  const cols = sql`structure_id, date, type, theme, ${measureList}`;
  const inDates = dates ? sql`f.date IN (${sql.join(dates)})` : sql`1 = 1`;
  const pairs = (alias: string) =>
    dates && token
      ? sql`${inDates} AND EXISTS (SELECT 1 FROM stats_dirty d WHERE d.claim = ${token} AND d.structure_id = ${sql.ref(`${alias}.structure_id`)} AND d.date = ${sql.ref(`${alias}.date`)})`
      : inDates;
  if (dates) {
    const claimedPair = token
      ? sql` AND EXISTS (SELECT 1 FROM stats_dirty d WHERE d.claim = ${token} AND d.structure_id = stats_rollup.structure_id AND d.date = stats_rollup.date)`
      : sql``;
    await sql`DELETE FROM stats_rollup WHERE structure_id <> ${ALL} AND date IN (${sql.join(dates)})${claimedPair}`.execute(trx);
    await trx.deleteFrom('stats_rollup').where('structure_id', '=', '*').where('date', 'in', dates).execute();
  } else {
    await trx.deleteFrom('stats_rollup').execute();
  }
  await sql`INSERT INTO stats_rollup (${cols})
    SELECT f.structure_id, f.date, f.type, '', ${measureSums} FROM activity_facts f
    WHERE ${pairs('f')} GROUP BY f.structure_id, f.date, f.type`.execute(trx);
  await sql`INSERT INTO stats_rollup (${cols})
    SELECT ${ALL}, f.date, f.type, '', ${measureSums} FROM stats_rollup f
    WHERE ${inDates} AND f.structure_id <> ${ALL} GROUP BY f.date, f.type`.execute(trx);
  await sql`INSERT INTO stats_rollup (${cols})
    SELECT ${ALL}, f.date, f.type, t.theme, ${measureSums} FROM activity_facts f
    JOIN activity_fact_themes t ON t.activity_id = f.activity_id
    WHERE ${inDates} GROUP BY f.date, f.type, t.theme`.execute(trx);
}

type DimRow = Database['stats_rollup_dims'];

/** Venue and commune counts of every month, from two grouped scans of the facts, split in code. */
async function rebuildMonths(trx: Transaction<Database>): Promise<void> {
  await trx.deleteFrom('stats_rollup_dims').execute();
  const monthOf = sql`substr(f.date, 1, 7)`;
  type Group = { key: string; month: string; type: string; venue_id: string | null; commune: string; n: unknown; acc: unknown };
  const perStructure = await sql<Group>`SELECT f.structure_id AS key, ${monthOf} AS month, f.type AS type, f.venue_id AS venue_id,
      f.commune AS commune, COUNT(*) AS n, SUM(f.accompaniments) AS acc FROM activity_facts f
      GROUP BY f.structure_id, ${monthOf}, f.type, f.venue_id, f.commune`.execute(trx);
  const perTheme = await sql<Group>`SELECT t.theme AS key, ${monthOf} AS month, f.type AS type, f.venue_id AS venue_id,
      f.commune AS commune, COUNT(*) AS n, SUM(f.accompaniments) AS acc FROM activity_facts f
      JOIN activity_fact_themes t ON t.activity_id = f.activity_id
      GROUP BY t.theme, ${monthOf}, f.type, f.venue_id, f.commune`.execute(trx);
  const rows = new Map<string, DimRow>();
  const add = (structure_id: string, theme: string, g: Group) => {
    for (const [dim, value] of [['venue', g.venue_id], ['commune', g.commune]] as const) {
      if (value === null) continue;
      const k = [structure_id, theme, dim, g.month, g.type, value].join('|');
      const row = rows.get(k) ?? { structure_id, month: g.month, type: g.type, theme, dim, value, activities: 0, accompaniments: 0 };
      row.activities += Number(g.n);
      row.accompaniments += Number(g.acc);
      rows.set(k, row);
    }
  };
  for (const g of perStructure.rows) {
    add(g.key, '', g);
    add('*', '', g);
  }
  for (const g of perTheme.rows) add('*', g.key, g);
  const list = [...rows.values()];
  for (let i = 0; i < list.length; i += 500) await trx.insertInto('stats_rollup_dims').values(list.slice(i, i + 500)).execute();
}

/** Adds the claimed venue / commune changes to the monthly counts (a few rows per push). */
async function foldDeltas(trx: Transaction<Database>, token: string): Promise<void> {
  const groups = await trx
    .selectFrom('stats_dims_delta')
    .select(['structure_id', 'month', 'type', 'venue_id', 'commune', 'themes'])
    .select((eb) => [eb.fn.sum<number>('activities').as('n'), eb.fn.sum<number>('accompaniments').as('acc')])
    .where('claim', '=', token)
    .groupBy(['structure_id', 'month', 'type', 'venue_id', 'commune', 'themes'])
    .execute();
  const rows = new Map<string, DimRow>();
  const add = (structure_id: string, theme: string, g: (typeof groups)[number]) => {
    for (const [dim, value] of [['venue', g.venue_id], ['commune', g.commune]] as const) {
      if (value === null) continue;
      const k = [structure_id, theme, dim, g.month, g.type, value].join('|');
      const row = rows.get(k) ?? { structure_id, month: g.month, type: g.type, theme, dim, value, activities: 0, accompaniments: 0 };
      row.activities += Number(g.n);
      row.accompaniments += Number(g.acc);
      rows.set(k, row);
    }
  };
  for (const g of groups) {
    add(g.structure_id, '', g);
    add('*', '', g);
    for (const theme of g.themes ? g.themes.split(',') : []) add('*', theme, g);
  }
  const list = [...rows.values()].filter((r) => r.activities !== 0 || r.accompaniments !== 0);
  for (let i = 0; i < list.length; i += 500) {
    await trx
      .insertInto('stats_rollup_dims')
      .values(list.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['structure_id', 'theme', 'dim', 'month', 'type', 'value']).doUpdateSet((eb) => ({
          activities: eb(eb.ref('stats_rollup_dims.activities'), '+', eb.ref('excluded.activities')),
          accompaniments: eb(eb.ref('stats_rollup_dims.accompaniments'), '+', eb.ref('excluded.accompaniments')),
        })),
      )
      .execute();
  }
}
