import type { Kysely } from 'kysely';

// The portal catalogue, versioned (one row per published version; the highest wins), and each
// structure's customisation of it (added, hidden, pinned, ordered entries), JSON kept as text.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_catalogues')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('catalogue', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('portal_customisations')
    .addColumn('structure_id', 'text', (c) => c.primaryKey().references('structures.id').onDelete('cascade'))
    .addColumn('customisation', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_customisations').execute();
  await db.schema.dropTable('portal_catalogues').execute();
}
