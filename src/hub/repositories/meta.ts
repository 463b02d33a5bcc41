import { sql } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function getMeta(db: DB, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setMeta(db: DB, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** A trivial query that proves the database answers (health check). */
export async function ping(db: DB): Promise<void> {
  await sql`select 1`.execute(db);
}
