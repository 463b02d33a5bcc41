import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

// Record keys of the cell-key method (docs/public-figures.md): each version of an activity gets
// a permanent pseudo-random key from a secret of the hub. Stored in activity_facts.record_key
// by the ingest (migration 013) so a public table's key is one SUM in SQL.

/** Meta key of the hub's secret for record and cell keys: made on first use, never exported nor shown. */
export const PUBLIC_SECRET_META = 'public_figures_secret';

/** The hub's secret for record and cell keys (32 random bytes, base64url in `meta`). */
export async function publicFiguresSecret(db: DB): Promise<string> {
  const read = async () => (await db.selectFrom('meta').select('value').where('key', '=', PUBLIC_SECRET_META).executeTakeFirst())?.value;
  const found = await read();
  if (found) return found;
  // Two first requests at once: the first insert wins, both read it back.
  await db
    .insertInto('meta')
    .values({ key: PUBLIC_SECRET_META, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await read())!;
}

/**
 * The key of one version of a record: 32 bits of HMAC-SHA256(secret, id:revision), never 0
 * (0 marks a fact row stored before migration 013, keyed on first public read). An edit or a
 * deletion (new revision) is a new key.
 */
export function recordKey(secret: string, activityId: string, revision: number): number {
  return createHmac('sha256', secret).update(`${activityId}:${revision}`).digest().readUInt32BE(0) || 1;
}

/**
 * The record_key column of activity_facts, created when missing (migration 013, and 005's
 * createStatsTables: the migrations that write facts with the current ingest code).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ensureRecordKeyColumn(db: Kysely<any>): Promise<void> {
  const tables = await db.introspection.getTables();
  const facts = tables.find((t) => t.name === 'activity_facts');
  if (facts && !facts.columns.some((c) => c.name === 'record_key')) {
    await db.schema.alterTable('activity_facts').addColumn('record_key', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  }
}
