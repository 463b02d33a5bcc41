import { liveQuery } from 'dexie';
import type { DeviceSettings } from '../../shared/protocol/settings.ts';
import { db } from './index.ts';
import { kvDelete, kvGet, kvSet } from './kv.ts';

// What the device keeps about itself: its enrolment (identity + token), the settings its
// structure sends, and the sync status shown on every screen that matters.

export interface DeviceIdentity {
  deviceId: string;
  /** bearer token for the hub; kept on the device only */
  token: string;
  structure: { id: string; name: string };
  mediatorId: string;
  /** the hub's origin (the app is served by its hub) */
  hubUrl: string;
  enrolledAt: string;
  /** set when the hub answered 401: the data stays, the device must be enrolled again */
  revokedAt?: string;
}

export interface SyncErrorInfo {
  /** network | timeout | server | malformed | auth | rate-limited | refused */
  kind: string;
  at: string;
  status?: number;
}

/** Persisted so that every tab and every reload shows the same status. */
export interface StoredSyncStatus {
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  lastError?: SyncErrorInfo;
  nextAttemptAt?: string;
  /** when the places of the directory were last pulled in full (the last page received) */
  venuesPulledAt?: string;
  /** when the portal catalogue was last checked with the hub (stored or confirmed unchanged) */
  portalPulledAt?: string;
}

const IDENTITY = 'device.identity';
const SETTINGS = 'device.settings';
const SETTINGS_ETAG = 'device.settingsEtag';
const STATUS = 'sync.status';
const FRESH_START = 'sync.freshStart';

/** The structure's settings last pulled from the hub (undefined before the first sync). */
export function loadDeviceSettings(): Promise<DeviceSettings | undefined> {
  return kvGet<DeviceSettings>(SETTINGS);
}

export async function saveDeviceSettings(settings: DeviceSettings, etag?: string): Promise<void> {
  await kvSet(SETTINGS, settings);
  if (etag) await kvSet(SETTINGS_ETAG, etag);
}

export function getSettingsEtag(): Promise<string | undefined> {
  return kvGet<string>(SETTINGS_ETAG);
}

/** The device's enrolment, or undefined when it was never enrolled. */
export function getDeviceIdentity(): Promise<DeviceIdentity | undefined> {
  return kvGet<DeviceIdentity>(IDENTITY);
}

export async function saveDeviceIdentity(identity: DeviceIdentity): Promise<void> {
  await kvSet(IDENTITY, identity);
}

/** Keeps the identity (to show which structure it was) but marks it revoked. */
export async function markDeviceRevoked(at: string): Promise<void> {
  const current = await getDeviceIdentity();
  if (current && !current.revokedAt) await kvSet(IDENTITY, { ...current, revokedAt: at });
}

export async function forgetDeviceIdentity(): Promise<void> {
  await kvDelete(IDENTITY);
}

/**
 * After an enrolment into another structure, the next pulls start from scratch (no ETag, no
 * cursor: those belonged to the previous structure's territory) until one sync succeeds.
 */
export async function setFreshStart(on: boolean): Promise<void> {
  if (on) await kvSet(FRESH_START, true);
  else await kvDelete(FRESH_START);
  if (on) await kvDelete(SETTINGS_ETAG);
}

export async function isFreshStart(): Promise<boolean> {
  return (await kvGet<boolean>(FRESH_START)) === true;
}

export async function loadSyncStatus(): Promise<StoredSyncStatus> {
  return (await kvGet<StoredSyncStatus>(STATUS)) ?? {};
}

export async function updateSyncStatus(patch: Partial<StoredSyncStatus>): Promise<StoredSyncStatus> {
  const next = { ...(await loadSyncStatus()), ...patch };
  for (const k of Object.keys(next) as (keyof StoredSyncStatus)[]) if (next[k] === undefined) delete next[k];
  await kvSet(STATUS, next);
  return next;
}

function watch<T>(key: string, cb: (v: T | undefined) => void): () => void {
  // Read through Dexie: a live query re-runs only on changes to what it read through Dexie.
  const sub = liveQuery(async () => (await db.kv.get(key))?.value as T | undefined).subscribe({ next: cb, error: () => undefined });
  return () => sub.unsubscribe();
}

/** Calls `cb` now and whenever the enrolment changes (in any tab). */
export const watchDeviceIdentity = (cb: (v: DeviceIdentity | undefined) => void) => watch(IDENTITY, cb);
/** Calls `cb` now and whenever the sync status changes (in any tab). */
export const watchSyncStatus = (cb: (v: StoredSyncStatus | undefined) => void) => watch(STATUS, cb);
