import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { maskStats } from '../../shared/stats/masking.ts';
import { perturbCount, type CellNoise } from '../../shared/stats/perturbation.ts';
import { lastDayOfMonth } from '../../shared/stats/public-period.ts';
import type { PublicStats, Stats, StatsFilters } from '../../shared/stats/types.ts';
import { DATE_MIN, clampToWindow, dateMax, utcToday } from '../../shared/stats/window.ts';
import { computeStats, factsWhere, type StructureSelection } from './stats.ts';
import { publicFiguresSecret, recordKey } from './record-keys.ts';

// Public figures (share links): the exact figures of computeStats, masked below 11, then every
// shown count moved by the cell-key noise of its table (docs/public-figures.md). Authenticated
// views never come here.

export { PUBLIC_SECRET_META, publicFiguresSecret, recordKey } from './record-keys.ts';

/**
 * The key of a table from its records' keys: their count and their sum (exact integers, so
 * the same records give the same key and one record more or less, or one new version, another).
 */
export function tableKeyOf(recordKeys: Iterable<number | bigint>): string {
  let sum = 0n;
  let count = 0;
  for (const k of recordKeys) {
    sum += BigInt(k);
    count++;
  }
  return `${count}:${sum}`;
}

/**
 * The noise of a table: cell key u = HMAC(secret, tableKey | cell id) read as a number in
 * [0, 1) (48 bits), then the p-table (src/shared/stats/perturbation.ts).
 */
export function tableNoise(secret: string, tableKey: string): CellNoise {
  return (id, count) => {
    const u = createHmac('sha256', secret).update(`${tableKey}|${id}`).digest().readUIntBE(0, 6) / 2 ** 48;
    return perturbCount(count, u);
  };
}

/** Fact rows stored before migration 013 are keyed when a public table first counts them. */
async function keyMissingRecords(db: DB, secret: string, where: ReturnType<typeof factsWhere>): Promise<void> {
  const { rows } = await sql<{ id: string; revision: unknown }>`
    SELECT f.activity_id AS id, a.revision AS revision
    FROM activity_facts f JOIN activities a ON a.id = f.activity_id
    WHERE f.record_key = 0 AND ${where}`.execute(db);
  for (const r of rows) {
    await db.updateTable('activity_facts').set({ record_key: recordKey(secret, r.id, Number(r.revision)) }).where('activity_id', '=', r.id).where('record_key', '=', 0).execute();
  }
}

/** The key of the records a public table counts (the same rows computeStats sums): one SUM in SQL. */
export async function publicTableKey(db: DB, secret: string, filters: StatsFilters, sel: StructureSelection): Promise<string> {
  if ('ids' in sel && sel.ids.length === 0) return tableKeyOf([]);
  const shown = clampToWindow(filters);
  const f = { ...shown, from: shown.from ?? DATE_MIN, to: shown.to ?? dateMax() };
  const where = factsWhere(f, sel);
  const sums = async () =>
    (await sql<{ n: unknown; k: unknown; missing: unknown }>`
      SELECT COUNT(*) AS n, SUM(f.record_key) AS k, SUM(CASE WHEN f.record_key = 0 THEN 1 ELSE 0 END) AS missing
      FROM activity_facts f WHERE ${where}`.execute(db)).rows[0];
  let row = await sums();
  if (Number(row?.missing ?? 0) > 0) {
    await keyMissingRecords(db, secret, where);
    row = await sums();
  }
  return `${String(row?.n ?? 0)}:${BigInt(String(row?.k ?? 0)).toString()}`;
}

/** Whole months a link's period touches (older links may name any days): what a public page shows. */
export function publicPeriod(f: StatsFilters, today: string): { from: string; to: string } {
  const first = DATE_MIN.slice(0, 7);
  const last = dateMax(utcToday()).slice(0, 7);
  const clamp = (month: string) => (month < first ? first : month > last ? last : month);
  const fromMonth = clamp((f.from ?? DATE_MIN).slice(0, 7));
  const toMonth = clamp((f.to ?? today).slice(0, 7));
  return { from: `${fromMonth}-01`, to: lastDayOfMonth(toMonth < fromMonth ? fromMonth : toMonth) };
}

/**
 * The public figures of a share link: exact figures (labelled by `label`), masked, perturbed.
 * `filters` already hold whole months.
 */
export async function computePublicStats(
  db: DB,
  filters: StatsFilters,
  sel: StructureSelection,
  prepare: (s: Stats) => Stats | Promise<Stats> = (s) => s,
): Promise<PublicStats> {
  const [secret, exact] = await Promise.all([publicFiguresSecret(db), computeStats(db, filters, sel)]);
  const key = await publicTableKey(db, secret, filters, sel);
  return maskStats(await prepare(exact), tableNoise(secret, key));
}
