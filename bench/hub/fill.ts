// Puts generated activity history into a hub database through the sync ingest (the same
// code path as a device push, so the statistics tables are filled as in production).
import { createStructure } from '../../src/hub/repositories/structures.ts';
import { ingestActivities, type IngestItem } from '../../src/hub/repositories/activities.ts';
import type { DB, Dialect } from '../../src/hub/db/schema.ts';
import { writeVenues } from '../../src/hub/repositories/venue-write.ts';
import { normaliseVenueRow } from '../../src/shared/venues/normalise.ts';
import type { Venue } from '../../src/shared/venues/schema.ts';
import type { GeneratedActivity, StructureSpec } from '../generators/activities.ts';

const DEPARTEMENTS = [['13'], ['59', '62'], ['33'], ['69'], ['35'], ['44'], ['67'], ['31'], ['93'], ['34']];

/** `n` structures on the hub, each with three places of activity (ids only). */
export async function givenStructures(db: DB, n: number): Promise<StructureSpec[]> {
  const out: StructureSpec[] = [];
  for (let i = 0; i < n; i++) {
    const s = await createStructure(db, { name: `Structure bench ${i + 1}`, departements: DEPARTEMENTS[i % DEPARTEMENTS.length]! });
    out.push({ id: s.id, venueIds: [1, 2, 3].map((k) => `${s.id}-lieu-${k}`) });
  }
  return out;
}

/**
 * The structures' places of activity in the directory (in their first département), so that
 * pushed records naming them pass the hub's territory check.
 */
export async function givenStructureVenues(db: DB, specs: StructureSpec[]): Promise<void> {
  const venues: Venue[] = [];
  for (const [i, s] of specs.entries()) {
    const dep = DEPARTEMENTS[i % DEPARTEMENTS.length]![0]!;
    for (const id of s.venueIds ?? []) {
      const r = normaliseVenueRow({ id, pivot: '00000000000000', nom: `Lieu ${id}`, commune: 'Commune', code_postal: `${dep}100`, adresse: '1 rue de la Gare', date_maj: '2026-01-10' });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      venues.push(r.venue);
    }
  }
  await writeVenues(db, venues);
}

export interface DeviceBatch {
  device: { deviceId: string; structureId: string; mediatorId: string };
  items: IngestItem[];
}

/** Groups records into push-sized batches per device (a device only pushes its own records). */
export function* deviceBatches(activities: Iterable<GeneratedActivity>, size = 500): Generator<DeviceBatch> {
  const open = new Map<string, DeviceBatch>();
  for (const a of activities) {
    let b = open.get(a.deviceId);
    if (!b) {
      b = { device: { deviceId: a.deviceId, structureId: a.structureId, mediatorId: a.mediatorId }, items: [] };
      open.set(a.deviceId, b);
    }
    b.items.push({ index: b.items.length, id: a.record.id, revision: a.record.revision, deleted: false, record: a.record as unknown as Record<string, unknown> });
    if (b.items.length >= size) {
      open.delete(a.deviceId);
      yield b;
    }
  }
  yield* open.values();
}

/** Ingests every batch; returns the records stored and any record not `created`. */
export async function ingestBatches(db: DB, dialect: Dialect, batches: Iterable<DeviceBatch>, onBatch?: (done: number) => void): Promise<{ stored: number; notCreated: number }> {
  const now = new Date().toISOString();
  let stored = 0;
  let notCreated = 0;
  for (const b of batches) {
    const { results } = await ingestActivities(db, dialect, b.device, b.items, now);
    for (const r of results.values()) if (r.status !== 'created') notCreated++;
    stored += b.items.length;
    onBatch?.(stored);
  }
  return { stored, notCreated };
}
