import type { ActivityDeletion, ActivityRecord } from './record.ts';

// The device-side record and the one step that turns it into what may leave the device.

export type SyncState = 'pending' | 'synced' | 'conflict' | 'rejected';

export interface SyncError {
  path: string;
  message: string;
}

/** An activity as kept on the device: the wire fields plus local-only ones. */
export interface LocalActivity extends ActivityRecord {
  /** free text about the session: never leaves the device */
  notes?: string;
  /** device timestamps (ISO): a time of day can single a person out, so they stay local */
  createdAt: string;
  updatedAt: string;
  syncState?: SyncState;
  syncErrors?: SyncError[];
  /** highest revision included in a push attempt */
  sentRevision?: number;
  /** a local tombstone: hidden from lists, sent as a deletion */
  deleted?: true;
}

function pick<T extends object, K extends keyof T>(o: T | undefined, keys: readonly K[]): Pick<T, K> | undefined {
  if (!o) return undefined;
  const out = {} as Pick<T, K>;
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * What may be sent for a local activity: only the fields of the national record, copied
 * field by field (so nothing local — notes, timestamps, sync state — can ride along);
 * a deleted activity becomes a deletion.
 */
export function toWire(local: LocalActivity): ActivityRecord | ActivityDeletion {
  if (local.deleted) return { id: local.id, revision: local.revision, deleted: true };
  const record: ActivityRecord = {
    id: local.id,
    revision: local.revision,
    type: local.type,
    date: local.date,
    durationMin: local.durationMin,
    place: pick(local.place, ['kind', 'venueId', 'communeInsee'])!,
    equipment: [...local.equipment],
    themes: [...local.themes],
    adminThemes: [...local.adminThemes],
    portalLinkIds: [...local.portalLinkIds],
    autonomy: local.autonomy,
    orientation: pick(local.orientation, ['oriented', 'towards', 'venueId']),
    workshop: pick(local.workshop, ['title', 'level']),
    beneficiaries: {
      ...pick(local.beneficiaries, ['total', 'alreadyAccompanied', 'communeInsee'])!,
      genre: { ...local.beneficiaries.genre },
      ageBand: { ...local.beneficiaries.ageBand },
      status: { ...local.beneficiaries.status },
    },
    aidantsConnect: local.aidantsConnect,
    passNumerique: local.passNumerique,
    tags: [...local.tags],
  };
  for (const k of Object.keys(record) as (keyof ActivityRecord)[]) if (record[k] === undefined) delete record[k];
  return record;
}
