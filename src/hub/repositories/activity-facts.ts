import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ActivityFactTable } from '../db/tables/coordination.ts';
import { recordFacts, type MeasuredRecord } from '../../shared/stats/record-measures.ts';
import { publicFiguresSecret, recordKey } from './record-keys.ts';
import { writeExtraFacts } from './activity-facts-extra.ts';
import { MEASURE_COLUMNS } from '../../shared/stats/measures.ts';
import { dialectOfDb, insertRows } from './bulk-sql.ts';

/** An activity record as stored by the hub after a push (set by the sync ingest). */
export interface StoredActivity {
  id: string;
  structureId: string;
  deviceId: string;
  mediatorId: string;
  revision: number;
  deleted: boolean;
  /** the anonymised record (src/shared/activity), null for a tombstone */
  record: Record<string, unknown> | null;
  receivedAt: string;
  updatedAt: string;
}

type FactRow = ActivityFactTable & Record<string, number | string | null>;

const CHUNK = 200;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const FACT_KEYS = ['activity_id', 'structure_id', 'mediator_id', 'date', 'type', 'venue_id', 'commune', 'record_key'] as const;
const FACT_COLUMNS = [...FACT_KEYS, ...MEASURE_COLUMNS];
const ROLLUP_KEYS = ['structure_id', 'theme', 'date', 'type'] as const;
const ROLLUP_COLUMNS = [...ROLLUP_KEYS, ...MEASURE_COLUMNS];
const ROLLUP_UPSERT = `ON CONFLICT (${ROLLUP_KEYS.join(', ')}) DO UPDATE SET ${MEASURE_COLUMNS.map((c) => `${c} = stats_rollup.${c} + excluded.${c}`).join(', ')}`;
const DIM_KEYS = ['structure_id', 'theme', 'dim', 'month', 'type', 'value'] as const;
const DIM_COLUMNS = [...DIM_KEYS, 'activities', 'accompaniments'];
const DIM_UPSERT = `ON CONFLICT (${DIM_KEYS.join(', ')}) DO UPDATE SET activities = stats_rollup_dims.activities + excluded.activities, accompaniments = stats_rollup_dims.accompaniments + excluded.accompaniments`;

/** One fact as the roll-ups see it: its keys, its measures, its themes. */
interface FactContribution {
  structureId: string;
  date: string;
  type: string;
  venueId: string | null;
  commune: string;
  themes: string[];
  measures: Record<string, number>;
}

/**
 * The roll-ups' changes of one batch, summed in memory: daily rows per structure, for all
 * structures ('*'), and for all structures per theme; monthly venue / commune counts with the
 * same keys. A fact leaving (edit, deletion) counts negatively.
 */
class RollupChanges {
  private readonly days = new Map<string, { keys: string[]; sums: number[] }>();
  private readonly dims = new Map<string, { keys: string[]; activities: number; accompaniments: number }>();
  /** days and months a fact left (rows there may now be empty) */
  readonly leftDays = new Set<string>();
  readonly leftMonths = new Set<string>();

  add(f: FactContribution, sign: 1 | -1): void {
    const month = f.date.slice(0, 7);
    if (sign < 0) {
      this.leftDays.add(f.date);
      this.leftMonths.add(month);
    }
    const day = (structure: string, theme: string) => {
      const k = `${structure}\u0000${theme}\u0000${f.date}\u0000${f.type}`;
      let row = this.days.get(k);
      if (!row) this.days.set(k, (row = { keys: [structure, theme, f.date, f.type], sums: new Array<number>(MEASURE_COLUMNS.length).fill(0) }));
      for (let i = 0; i < MEASURE_COLUMNS.length; i++) row.sums[i]! += sign * (f.measures[MEASURE_COLUMNS[i]!] ?? 0);
    };
    day(f.structureId, '');
    day('*', '');
    for (const t of f.themes) day('*', t);
    const accompaniments = f.measures.accompaniments ?? 0;
    const dim = (structure: string, theme: string) => {
      for (const [name, value] of [['venue', f.venueId], ['commune', f.commune]] as const) {
        if (value === null) continue;
        const k = `${structure}\u0000${theme}\u0000${name}\u0000${month}\u0000${f.type}\u0000${value}`;
        let row = this.dims.get(k);
        if (!row) this.dims.set(k, (row = { keys: [structure, theme, name, month, f.type, value], activities: 0, accompaniments: 0 }));
        row.activities += sign;
        row.accompaniments += sign * accompaniments;
      }
    };
    dim(f.structureId, '');
    dim('*', '');
    for (const t of f.themes) dim('*', t);
  }

  /** Rows to add, in key order (concurrent writers lock rows in the same order: no deadlock). */
  dayRows(): unknown[][] {
    return [...this.days.entries()]
      .filter(([, r]) => r.sums.some((v) => v !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => [...r.keys, ...r.sums]);
  }

  dimRows(): unknown[][] {
    return [...this.dims.entries()]
      .filter(([, r]) => r.activities !== 0 || r.accompaniments !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => [...r.keys, r.activities, r.accompaniments]);
  }
}

/**
 * Keeps the statistics tables in step with the records of one push (or of a group of pushes
 * committed together); called by the ingest inside the same transaction as the upserts, so
 * figures never disagree with records.
 *
 * A handful of set-based statements per batch: drop the previous facts (read back as they go),
 * insert the new facts and their themes, and add the batch's own changes to the roll-ups
 * (summed in memory, one multi-row upsert per table). The first dashboard read after any
 * number of pushes finds its roll-ups current: nothing is rebuilt from the facts.
 */
export async function writeActivityFactsBatch(trx: Transaction<Database>, stored: StoredActivity[], opts: { rollups?: boolean } = {}): Promise<void> {
  if (stored.length === 0) return;
  // A bulk load (a migration's backfill, the bench's history) may write the facts alone and
  // rebuild the roll-ups once at the end (stats-rollup.ts rebuildAllRollups): the same rows.
  const withRollups = opts.rollups ?? true;
  const db = trx as unknown as Kysely<unknown>;
  const dialect = dialectOfDb(db);
  const changes = new RollupChanges();

  for (const ids of chunks(stored.map((s) => s.id))) {
    const previous = (await trx.deleteFrom('activity_facts').where('activity_id', 'in', ids).returningAll().execute()) as unknown as FactRow[];
    if (previous.length) {
      const oldThemes = await trx.deleteFrom('activity_fact_themes').where('activity_id', 'in', previous.map((p) => p.activity_id)).returning(['activity_id', 'theme']).execute();
      const themesOf = new Map<string, string[]>();
      for (const t of oldThemes) themesOf.set(t.activity_id, [...(themesOf.get(t.activity_id) ?? []), t.theme]);
      for (const p of previous) {
        const measures: Record<string, number> = {};
        for (const c of MEASURE_COLUMNS) measures[c] = Number(p[c] ?? 0);
        changes.add({ structureId: p.structure_id, date: p.date, type: p.type, venueId: p.venue_id, commune: p.commune, themes: themesOf.get(p.activity_id) ?? [], measures }, -1);
      }
    }
  }

  const rows: unknown[][] = [];
  const themes: unknown[][] = [];
  // Record keys of public figures (docs/public-figures.md): one read of the hub's secret per batch.
  const secret = stored.some((s) => !s.deleted && s.record) ? await publicFiguresSecret(trx) : '';
  for (const s of stored) {
    const record = s.deleted ? null : (s.record as MeasuredRecord | null);
    if (!record) continue;
    const facts = recordFacts(record);
    rows.push([s.id, s.structureId, s.mediatorId, record.date, record.type, facts.venueId, facts.commune, recordKey(secret, s.id, s.revision), ...MEASURE_COLUMNS.map((c) => facts.measures[c] ?? 0)]);
    for (const theme of facts.themes) themes.push([s.id, theme]);
    changes.add({ structureId: s.structureId, date: record.date, type: record.type, venueId: facts.venueId, commune: facts.commune, themes: facts.themes, measures: facts.measures }, 1);
  }
  await insertRows(db, dialect, 'activity_facts', FACT_COLUMNS, rows);
  await insertRows(db, dialect, 'activity_fact_themes', ['activity_id', 'theme'], themes);
  await writeExtraFacts(trx, stored);
  if (!withRollups) return;
  await insertRows(db, dialect, 'stats_rollup', ROLLUP_COLUMNS, changes.dayRows(), ROLLUP_UPSERT);
  await insertRows(db, dialect, 'stats_rollup_dims', DIM_COLUMNS, changes.dimRows(), DIM_UPSERT);
  // A day or month a fact left may hold rows with nothing left in them: dropped, so that the
  // figures' series never start or end on an empty day.
  for (const part of chunks([...changes.leftDays], 500)) {
    await sql`DELETE FROM stats_rollup WHERE activities <= 0 AND date IN (${sql.join(part)})`.execute(trx);
  }
  for (const part of chunks([...changes.leftMonths], 500)) {
    await trx.deleteFrom('stats_rollup_dims').where('activities', '<=', 0).where('month', 'in', part).execute();
  }
}

/** The same for one record (contracts.md signature). */
export async function writeActivityFacts(trx: Transaction<Database>, stored: StoredActivity): Promise<void> {
  await writeActivityFactsBatch(trx, [stored]);
}
