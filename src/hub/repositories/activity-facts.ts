import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ActivityFactTable } from '../db/tables/coordination.ts';
import { recordFacts, type MeasuredRecord } from '../../shared/stats/record-measures.ts';
import { publicFiguresSecret, recordKey } from './record-keys.ts';
import { writeExtraFacts } from './activity-facts-extra.ts';

/** An activity record as stored by the hub after a push (set by the sync ingest). */
export interface StoredActivity {
  id: string;
  structureId: string;
  deviceId: string;
  mediatorId: string;
  revision: number;
  deleted: boolean;
  /** the anonymised record (src/shared/activity), null for a tombstone */
  record: Record<string, unknown> | null;
  receivedAt: string;
  updatedAt: string;
}

type FactRow = ActivityFactTable & Record<string, number | string | null>;

const CHUNK = 200;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Keeps the statistics tables in step with the records of one push; called by the ingest
 * inside the same transaction as the upserts, so figures never disagree with records.
 *
 * A handful of set-based statements per batch: drop the previous facts, insert the new facts
 * and their themes, mark the (structure, day) pairs dirty. Roll-ups are rebuilt later by the
 * stats query (stats-rollup.ts), never here, so concurrent pushes never wait on shared counters.
 */
export async function writeActivityFactsBatch(trx: Transaction<Database>, stored: StoredActivity[]): Promise<void> {
  if (stored.length === 0) return;
  const dirty = new Map<string, { structure_id: string; date: string; claim: null }>();
  const mark = (structure_id: string, date: string) => dirty.set(`${structure_id} ${date}`, { structure_id, date, claim: null });

  const deltas: Database['stats_dims_delta'][] = [];
  for (const ids of chunks(stored.map((s) => s.id))) {
    const previous = await trx
      .deleteFrom('activity_facts')
      .where('activity_id', 'in', ids)
      .returning(['activity_id', 'structure_id', 'date', 'type', 'venue_id', 'commune', 'accompaniments'])
      .execute();
    if (previous.length) {
      const oldThemes = await trx.deleteFrom('activity_fact_themes').where('activity_id', 'in', previous.map((p) => p.activity_id)).returning(['activity_id', 'theme']).execute();
      for (const p of previous) {
        mark(p.structure_id, p.date);
        const themes = oldThemes.filter((t) => t.activity_id === p.activity_id).map((t) => t.theme);
        deltas.push(delta(p.structure_id, p.date, p.type, p.venue_id, p.commune, themes, -1, -Number(p.accompaniments)));
      }
    }
  }

  const rows: FactRow[] = [];
  const themes: { activity_id: string; theme: string }[] = [];
  // Record keys of public figures (docs/public-figures.md): one read of the hub's secret per batch.
  const secret = stored.some((s) => !s.deleted && s.record) ? await publicFiguresSecret(trx) : '';
  for (const s of stored) {
    const record = s.deleted ? null : (s.record as MeasuredRecord | null);
    if (!record) continue;
    const facts = recordFacts(record);
    rows.push({
      activity_id: s.id,
      structure_id: s.structureId,
      mediator_id: s.mediatorId,
      date: record.date,
      type: record.type,
      venue_id: facts.venueId,
      commune: facts.commune,
      record_key: recordKey(secret, s.id, s.revision),
      ...facts.measures,
    } as FactRow);
    for (const theme of facts.themes) themes.push({ activity_id: s.id, theme });
    mark(s.structureId, record.date);
    deltas.push(delta(s.structureId, record.date, record.type, facts.venueId, facts.commune, facts.themes, 1, facts.measures.accompaniments ?? 0));
  }
  for (const part of chunks(rows)) await trx.insertInto('activity_facts').values(part).execute();
  for (const part of chunks(themes, 1000)) await trx.insertInto('activity_fact_themes').values(part).execute();
  for (const part of chunks([...dirty.values()], 1000)) await trx.insertInto('stats_dirty').values(part).execute();
  for (const part of chunks(deltas, 500)) await trx.insertInto('stats_dims_delta').values(part).execute();
  await writeExtraFacts(trx, stored);
}

function delta(
  structure_id: string,
  date: string,
  type: string,
  venue_id: string | null,
  commune: string,
  themes: string[],
  activities: number,
  accompaniments: number,
): Database['stats_dims_delta'] {
  return { structure_id, month: date.slice(0, 7), type, venue_id, commune, themes: [...themes].sort().join(','), activities, accompaniments, claim: null };
}

/** The same for one record (contracts.md signature). */
export async function writeActivityFacts(trx: Transaction<Database>, stored: StoredActivity): Promise<void> {
  await writeActivityFactsBatch(trx, [stored]);
}
