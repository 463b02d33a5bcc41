import type { Kysely } from 'kysely';

// The activity records pushed by devices (one row per id, latest revision; tombstones kept).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('mediator_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('record', 'text')
    .addColumn('date', 'text')
    .addColumn('type', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activities_structure_date_idx').on('activities').columns(['structure_id', 'date']).execute();
  await db.schema.createIndex('activities_updated_idx').on('activities').column('updated_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activities').execute();
}
