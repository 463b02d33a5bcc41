import type { Kysely } from 'kysely';

// Dialect-neutral: text ids and ISO timestamps, integer booleans, JSON kept as text.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();

  await db.schema
    .createTable('structures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('departements', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_structures')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_structures_pk', ['user_id', 'structure_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mediators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
    .addColumn('label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('enrolment_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
    .addColumn('mediator_label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediators.id'))
    .addColumn('label', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('last_sync_at', 'text')
    .addColumn('records_received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pending_count', 'integer')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('devices_structure_idx').on('devices').column('structure_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['devices', 'enrolment_codes', 'mediators', 'sessions', 'user_structures', 'users', 'structures', 'meta']) {
    await db.schema.dropTable(t).execute();
  }
}
