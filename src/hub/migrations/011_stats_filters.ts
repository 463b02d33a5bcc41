import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { writeActivityFactsBatch, type StoredActivity } from '../repositories/activity-facts.ts';
import { ensureExtraFactSchema } from '../repositories/activity-facts-extra.ts';

// Filters and breakdowns of stats-contract.md (issue 16): the activity's commune and
// département on the facts, fact tables for tags and portal sites, measure columns for Aidants
// Connect, autonomy, Pass numérique and duration, and the mediators' conseiller numérique flag
// (also on enrolment codes, for the mediator a code creates). Every statistics row is rebuilt
// from the stored records so the new columns hold the figures of every record already pushed.

const PAGE = 1000;

interface Row {
  id: string;
  structure_id: string;
  device_id: string;
  mediator_id: string;
  revision: number;
  record: string | null;
  received_at: string;
  updated_at: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mediators').addColumn('conseiller_numerique', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('enrolment_codes').addColumn('mediator_conseiller_numerique', 'integer').execute();
  await ensureExtraFactSchema(db);

  for (const t of ['activity_fact_tags', 'activity_fact_portal_sites', 'activity_fact_months', 'stats_rollup_extra', 'stats_extra_dirty', 'activity_fact_themes', 'activity_facts', 'stats_rollup', 'stats_rollup_dims', 'stats_dims_delta', 'stats_dirty']) {
    await db.deleteFrom(t).execute();
  }
  // The migrator runs each migration in a transaction: `db` is that transaction.
  const trx = db as unknown as Transaction<Database>;
  let after = '';
  for (;;) {
    const rows = (await db
      .selectFrom('activities')
      .select(['id', 'structure_id', 'device_id', 'mediator_id', 'revision', 'record', 'received_at', 'updated_at'])
      .where('id', '>', after)
      .where('deleted', '=', 0)
      .orderBy('id')
      .limit(PAGE)
      .execute()) as Row[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const live: StoredActivity[] = rows
      .filter((r) => r.record)
      .map((r) => ({
        id: r.id,
        structureId: r.structure_id,
        deviceId: r.device_id,
        mediatorId: r.mediator_id,
        revision: Number(r.revision),
        deleted: false,
        record: JSON.parse(r.record!) as Record<string, unknown>,
        receivedAt: r.received_at,
        updatedAt: r.updated_at,
      }));
    await writeActivityFactsBatch(trx, live);
    if (rows.length < PAGE) break;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['stats_extra_lock', 'stats_extra_dirty', 'stats_rollup_extra', 'activity_fact_months']) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.dropTable('activity_fact_portal_sites').ifExists().execute();
  await db.schema.dropTable('activity_fact_tags').ifExists().execute();
  await db.schema.alterTable('enrolment_codes').dropColumn('mediator_conseiller_numerique').execute();
  await db.schema.alterTable('mediators').dropColumn('conseiller_numerique').execute();
}
