import type { Kysely } from 'kysely';

// Who changed what in the venue directory (issue 16): one row per write of a place — an
// import row created or updated, a coordinator's edit, a deletion, an applied field report —
// with the fields' values before and after (JSON of [{ field, before, after }], values as
// in the national standard's CSV). Written in the same transaction as the place.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('venue_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('user_email', 'text')
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venue_changes_venue_at_idx').on('venue_changes').columns(['venue_id', 'at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('venue_changes').execute();
}
