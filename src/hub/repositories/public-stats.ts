import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { maskStats } from '../../shared/stats/masking.ts';
import { perturbCount, type CellNoise } from '../../shared/stats/perturbation.ts';
import { lastDayOfMonth } from '../../shared/stats/public-period.ts';
import type { PublicStats, Stats, StatsFilters } from '../../shared/stats/types.ts';
import { DATE_MIN, clampToWindow, dateMax, utcToday } from '../../shared/stats/window.ts';
import { computeStats, factsWhere, type StructureSelection } from './stats.ts';

// Public figures (share links): the exact figures of computeStats, masked below 11, then every
// shown count moved by the cell-key noise of its table (docs/public-figures.md). Authenticated
// views never come here.

/** Meta key of the hub's secret for record keys: made on first use, never exported nor shown. */
export const PUBLIC_SECRET_META = 'public_figures_secret';

/** The hub's secret for record and cell keys (32 random bytes, base64url in `meta`). */
export async function publicFiguresSecret(db: DB): Promise<string> {
  const read = async () => (await db.selectFrom('meta').select('value').where('key', '=', PUBLIC_SECRET_META).executeTakeFirst())?.value;
  const found = await read();
  if (found) return found;
  // Two first requests at once: the first insert wins, both read it back.
  await db
    .insertInto('meta')
    .values({ key: PUBLIC_SECRET_META, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await read())!;
}

const MOD = 1n << 64n;

/**
 * A record's permanent key: 64 bits of HMAC-SHA256(secret, id:revision). A new revision of a
 * record (an edit, a deletion) is a new key, so a table that changed in any record gets new
 * cell keys everywhere.
 */
export function recordKey(secret: string, activityId: string, revision: number): bigint {
  return createHmac('sha256', secret).update(`${activityId}:${revision}`).digest().readBigUInt64BE(0);
}

/** The key of a table: the sum of its records' keys modulo 2^64, in hex. */
export function tableKeyOf(recordKeys: Iterable<bigint>): string {
  let sum = 0n;
  for (const k of recordKeys) sum = (sum + k) % MOD;
  return sum.toString(16).padStart(16, '0');
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

/** The key of the records a public table counts (the same rows computeStats sums). */
export async function publicTableKey(db: DB, secret: string, filters: StatsFilters, sel: StructureSelection): Promise<string> {
  if ('ids' in sel && sel.ids.length === 0) return tableKeyOf([]);
  const shown = clampToWindow(filters);
  const f = { ...shown, from: shown.from ?? DATE_MIN, to: shown.to ?? dateMax() };
  const { rows } = await sql<{ id: string; revision: unknown }>`
    SELECT f.activity_id AS id, a.revision AS revision
    FROM activity_facts f JOIN activities a ON a.id = f.activity_id
    WHERE ${factsWhere(f, sel)}`.execute(db);
  return tableKeyOf(rows.map((r) => recordKey(secret, r.id, Number(r.revision))));
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
