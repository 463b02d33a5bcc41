import type { Kysely } from 'kysely';

// Ingest speed: activities_updated_idx (updated_at) is the prefix of
// activities_updated_public_idx (updated_at, public_id, migration 007), which serves every query
// the first one did; dropping it saves one index write per stored record.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activities_updated_idx').ifExists().execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('activities_updated_idx').on('activities').column('updated_at').execute();
}
