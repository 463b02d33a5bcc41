import type { Kysely } from 'kysely';

// The venue directory: places, the change counter that orders them for device pulls, field reports.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('venues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('departement', 'text', (c) => c.notNull())
    .addColumn('previous_departement', 'text')
    .addColumn('nom', 'text', (c) => c.notNull())
    .addColumn('commune', 'text', (c) => c.notNull())
    .addColumn('code_postal', 'text', (c) => c.notNull())
    .addColumn('code_insee', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venues_seq_idx').on('venues').column('seq').execute();
  await db.schema.createIndex('venues_departement_seq_idx').on('venues').columns(['departement', 'seq']).execute();

  await db.schema
    .createTable('venue_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('venue_counter').values({ id: 1, value: 0 }).execute();

  await db.schema
    .createTable('venue_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('mediator_id', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('proposed', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .execute();
  await db.schema.createIndex('venue_reports_structure_idx').on('venue_reports').columns(['structure_id', 'status']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['venue_reports', 'venue_counter', 'venues']) await db.schema.dropTable(t).execute();
}
