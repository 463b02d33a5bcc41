import { randomInt, randomUUID } from 'node:crypto';
import { kioskPinHash } from '../../shared/portal/pin.ts';
import type { DB } from '../db/schema.ts';
import { nowIso } from '../lib/time.ts';
import { timeZoneForDepartements } from '../../shared/time/zoned-date.ts';

export interface StructureTag {
  id: string;
  label: string;
}

/** What a structure decides for its devices (sent through GET /api/v1/sync/settings). */
export interface StructureSettings {
  /** venueIds of the structure's places of activity */
  placesOfActivity: string[];
  tags: StructureTag[];
  kioskIdleSeconds: number;
  /** sha256 hex of "kariole-kiosk:" + PIN; null until set */
  kioskPinHash: string | null;
  languages: string[];
}

export const DEFAULT_SETTINGS: StructureSettings = {
  placesOfActivity: [],
  tags: [],
  kioskIdleSeconds: 120,
  kioskPinHash: null,
  languages: ['fr', 'en', 'ar', 'es', 'pt', 'tr', 'uk'],
};

export interface Structure {
  id: string;
  name: string;
  departements: string[];
  settings: StructureSettings;
  /** IANA time zone of the structure's dates (Europe/Paris, or the overseas one of its départements) */
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

type Row = { id: string; name: string; departements: string; settings: string; time_zone: string; created_at: string; updated_at: string };

function toStructure(r: Row): Structure {
  return {
    id: r.id,
    name: r.name,
    departements: JSON.parse(r.departements) as string[],
    settings: { ...DEFAULT_SETTINGS, ...(JSON.parse(r.settings) as Partial<StructureSettings>) },
    timeZone: r.time_zone,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A random 6-digit kiosk exit PIN (leading zeros kept). */
export function newKioskPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Creates a structure. Unless the settings carry a kioskPinHash, a random 6-digit kiosk PIN is
 * generated: only its hash is stored; the PIN itself is returned once (`kioskPin`) to be shown.
 */
export async function createStructure(
  db: DB,
  input: { name: string; departements?: string[]; settings?: Partial<StructureSettings>; id?: string; timeZone?: string },
): Promise<Structure & { kioskPin?: string }> {
  const now = nowIso();
  const kioskPin = input.settings?.kioskPinHash === undefined ? newKioskPin() : undefined;
  const row: Row = {
    id: input.id ?? randomUUID(),
    name: input.name,
    departements: JSON.stringify(input.departements ?? []),
    settings: JSON.stringify({ ...DEFAULT_SETTINGS, ...(kioskPin ? { kioskPinHash: kioskPinHash(kioskPin) } : {}), ...input.settings }),
    time_zone: input.timeZone ?? timeZoneForDepartements(input.departements ?? []),
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('structures').values(row).execute();
  return { ...toStructure(row), ...(kioskPin ? { kioskPin } : {}) };
}

export async function getStructure(db: DB, id: string): Promise<Structure | undefined> {
  const row = await db.selectFrom('structures').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStructure(row) : undefined;
}

/** All structures, or only those in `ids` (a coordinator's scope). */
export async function listStructures(db: DB, ids?: string[]): Promise<Structure[]> {
  let q = db.selectFrom('structures').selectAll().orderBy('name');
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return (await q.execute()).map(toStructure);
}

export async function updateStructure(
  db: DB,
  id: string,
  patch: { name?: string; departements?: string[]; settings?: Partial<StructureSettings>; timeZone?: string },
): Promise<Structure | undefined> {
  const current = await getStructure(db, id);
  if (!current) return undefined;
  // A zone chosen by hand stays; one that followed the départements follows their change.
  const followed = current.timeZone === timeZoneForDepartements(current.departements);
  const next = {
    name: patch.name ?? current.name,
    departements: JSON.stringify(patch.departements ?? current.departements),
    settings: JSON.stringify({ ...current.settings, ...patch.settings }),
    time_zone: patch.timeZone ?? (followed && patch.departements ? timeZoneForDepartements(patch.departements) : current.timeZone),
    updated_at: nowIso(),
  };
  await db.updateTable('structures').set(next).where('id', '=', id).execute();
  return getStructure(db, id);
}

export async function countStructures(db: DB): Promise<number> {
  const r = await db.selectFrom('structures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
