import type { CreateTableBuilder, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { writeActivityFactsBatch, type StoredActivity } from '../repositories/activity-facts.ts';
import { MEASURE_COLUMNS, isFlagColumn } from '../../shared/stats/measures.ts';
import { ensureExtraFactSchema } from '../repositories/activity-facts-extra.ts';
import { ensureRecordKeyColumn } from '../repositories/record-keys.ts';

// Statistics storage designed for a million records (quality.md: stats ≤ 300 ms):
// - activity_facts: one narrow-typed row per live activity with every filter and every measure
//   (0/1 flags and counts), so any figure is a SUM; indexed by structure, mediator and date.
// - stats_rollup: the same sums per day, structure ('*' = all structures) and type, and for
//   '*' per theme too; stats_rollup_dims: venue / commune counts per month (same keys). Both are
//   rebuilt lazily for the days the ingest marks dirty; the dashboard reads a few thousand
//   roll-up rows instead of a million facts.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTable = CreateTableBuilder<any, any>;

function withMeasures(t: AnyTable, flagsSmall: boolean): AnyTable {
  let out = t;
  for (const col of MEASURE_COLUMNS) {
    out = out.addColumn(col, flagsSmall && isFlagColumn(col) ? 'smallint' : 'integer', (c) => c.notNull().defaultTo(0));
  }
  return out;
}

/** The statistics tables (also rebuilt by 006 when the codes, hence the measure columns, changed). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createStatsTables(db: Kysely<any>): Promise<void> {
  await withMeasures(
    db.schema
      .createTable('activity_facts')
      .addColumn('activity_id', 'text', (c) => c.primaryKey())
      .addColumn('structure_id', 'text', (c) => c.notNull())
      .addColumn('mediator_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('venue_id', 'text')
      .addColumn('commune', 'text', (c) => c.notNull().defaultTo('')),
    true,
  ).execute();
  await db.schema.createIndex('activity_facts_structure_date_idx').on('activity_facts').columns(['structure_id', 'date']).execute();
  await db.schema.createIndex('activity_facts_mediator_date_idx').on('activity_facts').columns(['mediator_id', 'date']).execute();
  await db.schema.createIndex('activity_facts_date_idx').on('activity_facts').column('date').execute();

  await db.schema
    .createTable('activity_fact_themes')
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_fact_themes_pk', ['activity_id', 'theme'])
    .execute();

  await withMeasures(
    db.schema
      .createTable('stats_rollup')
      .addColumn('structure_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('theme', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_rollup_pk', ['structure_id', 'theme', 'date', 'type']),
    false,
  ).execute();
  // Columns and fact tables of 011 too: 005/006 write facts with the current code.
  await ensureExtraFactSchema(db);
  await ensureRecordKeyColumn(db);

  await db.schema
    .createTable('stats_rollup_dims')
    .addColumn('structure_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('activities', 'integer', (c) => c.notNull())
    .addColumn('accompaniments', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_rollup_dims_pk', ['structure_id', 'theme', 'dim', 'month', 'type', 'value'])
    .execute();

  // Venue / commune changes of each pushed record (+1 / -1), folded into the monthly counts
  // by the refresh: appended, never updated, so pushes never wait on shared counters.
  await db.schema
    .createTable('stats_dims_delta')
    .addColumn('structure_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text')
    .addColumn('commune', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('activities', 'integer', (c) => c.notNull())
    .addColumn('accompaniments', 'integer', (c) => c.notNull())
    .addColumn('claim', 'text')
    .execute();
  await db.schema.createIndex('stats_dims_delta_claim_idx').on('stats_dims_delta').column('claim').execute();

  await db.schema
    .createTable('stats_dirty')
    .addColumn('structure_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('claim', 'text')
    .execute();
  await db.schema.createIndex('stats_dirty_claim_idx').on('stats_dirty').columns(['claim', 'structure_id', 'date']).execute();

  await db.schema
    .createTable('stats_lock')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('refreshed_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('stats_lock').values({ key: 'rollup', refreshed_at: new Date(0).toISOString() }).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await createStatsTables(db);
  await db.schema
    .createTable('share_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('structure_ids', 'text')
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await backfillFacts(db);
}

// Records stored before the statistics tables existed get their facts now, so an upgraded hub
// counts every record it already holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function backfillFacts(db: Kysely<any>): Promise<void> {
  const PAGE = 1000;
  for (let offset = 0; ; offset += PAGE) {
    const rows = (await db
      .selectFrom('activities')
      .select(['id', 'structure_id', 'device_id', 'mediator_id', 'revision', 'deleted', 'record', 'received_at', 'updated_at'])
      .where('deleted', '=', 0)
      .orderBy('id')
      .limit(PAGE)
      .offset(offset)
      .execute()) as { id: string; structure_id: string; device_id: string; mediator_id: string; revision: number; deleted: number; record: string | null; received_at: string; updated_at: string }[];
    if (rows.length === 0) return;
    const stored: StoredActivity[] = rows.map((r) => ({
      id: r.id,
      structureId: r.structure_id,
      deviceId: r.device_id,
      mediatorId: r.mediator_id,
      revision: Number(r.revision),
      deleted: false,
      record: r.record ? (JSON.parse(r.record) as Record<string, unknown>) : null,
      receivedAt: r.received_at,
      updatedAt: r.updated_at,
    }));
    // The migrator runs each migration in a transaction: `db` is that transaction.
    await writeActivityFactsBatch(db as unknown as Transaction<Database>, stored);
    if (rows.length < PAGE) return;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['share_links', 'stats_lock', 'stats_dirty', 'stats_dims_delta', 'stats_rollup_dims', 'stats_rollup', 'activity_fact_themes', 'activity_facts']) {
    await db.schema.dropTable(t).execute();
  }
}
