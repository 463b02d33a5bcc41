import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { contentHash } from '../repositories/activities.ts';
import { writeActivityFactsBatch, type StoredActivity } from '../repositories/activity-facts.ts';
import { LEGACY_THEMES, upgradeRecordCodes } from '../../shared/activity/legacy-codes.ts';
import { createStatsTables } from './005_coordination.ts';

// The Coop's codes (taxonomy.md): every stored record is converted from Kariole's earlier codes
// (legacy-codes.ts, the same mapping the devices apply in their database version 31) and its
// content hash recomputed, so a device pushing the same revision again after its own upgrade
// gets "unchanged", never a conflict or a second copy. The statistics tables name their
// measure columns after the codes and now count accompaniments: they are rebuilt from the
// converted records. Share links keep their theme filter, in the new code.

const STATS_TABLES = ['activity_facts', 'activity_fact_themes', 'stats_rollup', 'stats_rollup_dims', 'stats_dims_delta', 'stats_dirty', 'stats_lock'];
const PAGE = 1000;

interface Row {
  id: string;
  structure_id: string;
  device_id: string;
  mediator_id: string;
  revision: number;
  deleted: number;
  content_hash: string;
  record: string | null;
  received_at: string;
  updated_at: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const t of STATS_TABLES) await db.schema.dropTable(t).ifExists().execute();
  await createStatsTables(db);

  // The migrator runs each migration in a transaction: `db` is that transaction.
  const trx = db as unknown as Transaction<Database>;
  let after = '';
  for (;;) {
    const rows = (await db
      .selectFrom('activities')
      .select(['id', 'structure_id', 'device_id', 'mediator_id', 'revision', 'deleted', 'content_hash', 'record', 'received_at', 'updated_at'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()) as Row[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const live: StoredActivity[] = [];
    for (const r of rows) {
      if (!r.record) continue;
      const before = JSON.parse(r.record) as Record<string, unknown>;
      const record = upgradeRecordCodes(before);
      const json = JSON.stringify(record);
      if (json !== r.record) {
        const hash = Number(r.deleted) === 1 ? r.content_hash : contentHash({ deleted: false, record });
        await db.updateTable('activities').set({ record: json, content_hash: hash }).where('id', '=', r.id).execute();
      }
      if (Number(r.deleted) === 1) continue;
      live.push({
        id: r.id,
        structureId: r.structure_id,
        deviceId: r.device_id,
        mediatorId: r.mediator_id,
        revision: Number(r.revision),
        deleted: false,
        record,
        receivedAt: r.received_at,
        updatedAt: r.updated_at,
      });
    }
    await writeActivityFactsBatch(trx, live);
    if (rows.length < PAGE) break;
  }

  const links = (await db.selectFrom('share_links').select(['id', 'filters']).execute()) as { id: string; filters: string }[];
  for (const l of links) {
    const filters = JSON.parse(l.filters) as Record<string, unknown>;
    const theme = filters.theme;
    if (typeof theme === 'string' && Object.hasOwn(LEGACY_THEMES, theme)) {
      await db.updateTable('share_links').set({ filters: JSON.stringify({ ...filters, theme: LEGACY_THEMES[theme] }) }).where('id', '=', l.id).execute();
    }
  }
}

// The earlier codes are not restored: a hub going back to 005 would refuse its own records.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(_db: Kysely<any>): Promise<void> {
  throw new Error('006_coop_codes cannot be undone: restore the backup taken before the upgrade.');
}
