import type { Kysely } from 'kysely';

// Account lifecycle and shared attempt limits (issue #12):
// - users.disabled_at: a disabled account cannot log in and its sessions answer 401.
// - auth_attempts: failed logins and enrolments counted in the database, so every instance
//   of the hub shares them; keyed by a sha256 of "<kind>:<value>" (an address, an account,
//   an enrolment code), never the value itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
  await db.schema
    .createTable('auth_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema.createIndex('auth_attempts_first_at').on('auth_attempts').column('first_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_attempts').execute();
  await db.schema.alterTable('users').dropColumn('disabled_at').execute();
}
