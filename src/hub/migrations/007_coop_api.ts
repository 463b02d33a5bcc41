import { sql, type Kysely } from 'kysely';

// The Coop-compatible read API (docs/coop-api.md):
// - api_clients: the machine clients an admin creates (secret stored as a sha256 of a 256-bit
//   random secret, like device tokens; scopes as a comma-separated list).
// - activities.public_id: an opaque random UUID v4 per activity, the `id` every reader outside
//   the sync sees (Coop API, Kariole-layout export). The device's record id is never served: a
//   UUID v7 carries its creation time. Filled by a trigger on insert (so the ingest and the bench
//   fill need no change), backfilled here for the rows already held.
// - (updated_at, public_id) index: the keyset of /api/v1/activites (modification, id); deletions
//   are the tombstones the ingest already keeps (deleted = 1, updated_at = the deletion time).
// - (created_at, id) on venues: the keyset of /api/v1/structures.

/** A random UUID v4 as SQLite builds it (no extension needed). */
const SQLITE_UUID_V4 = `lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))`;

async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`SELECT version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  await db.schema
    .createTable('api_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema.alterTable('activities').addColumn('public_id', 'text').execute();
  if (pg) {
    await sql`UPDATE activities SET public_id = gen_random_uuid()::text WHERE public_id IS NULL`.execute(db);
    await sql`CREATE OR REPLACE FUNCTION activities_public_id() RETURNS trigger AS $$
      BEGIN
        IF NEW.public_id IS NULL THEN NEW.public_id := gen_random_uuid()::text; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER activities_public_id BEFORE INSERT ON activities FOR EACH ROW EXECUTE FUNCTION activities_public_id()`.execute(db);
  } else {
    await sql.raw(`UPDATE activities SET public_id = ${SQLITE_UUID_V4} WHERE public_id IS NULL`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER activities_public_id AFTER INSERT ON activities FOR EACH ROW WHEN NEW.public_id IS NULL
         BEGIN UPDATE activities SET public_id = ${SQLITE_UUID_V4} WHERE rowid = NEW.rowid; END`,
      )
      .execute(db);
  }
  await db.schema.createIndex('activities_public_id_idx').on('activities').column('public_id').unique().execute();
  await db.schema.createIndex('activities_updated_public_idx').on('activities').columns(['updated_at', 'public_id']).execute();
  await db.schema.createIndex('venues_created_id_idx').on('venues').columns(['created_at', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  await db.schema.dropIndex('venues_created_id_idx').execute();
  await db.schema.dropIndex('activities_updated_public_idx').execute();
  await db.schema.dropIndex('activities_public_id_idx').execute();
  if (pg) {
    await sql`DROP TRIGGER IF EXISTS activities_public_id ON activities`.execute(db);
    await sql`DROP FUNCTION IF EXISTS activities_public_id()`.execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS activities_public_id`.execute(db);
  }
  await db.schema.alterTable('activities').dropColumn('public_id').execute();
  await db.schema.dropTable('api_clients').execute();
}
