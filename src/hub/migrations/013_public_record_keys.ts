import type { Kysely } from 'kysely';
import { ensureRecordKeyColumn } from '../repositories/record-keys.ts';

// Public figures (docs/public-figures.md): each fact row carries the record key of its
// activity's version (32 bits, never 0), written by the ingest. Rows stored before this
// migration hold 0 and are keyed on the first public read that counts them
// (src/hub/repositories/public-stats.ts), so the migration itself reads no secret.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // 005 creates it already on a new database (it writes facts with the current code).
  await ensureRecordKeyColumn(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activity_facts').dropColumn('record_key').execute();
}
