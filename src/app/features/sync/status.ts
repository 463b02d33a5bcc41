import { computed, signal } from '@preact/signals';
import { watchPendingCount } from '../../db/outbox.ts';
import { SYNC_LOCK } from './lib/lock.ts';
import { watchDeviceIdentity, watchSyncStatus, type DeviceIdentity, type StoredSyncStatus } from '../../db/settings.ts';

/** True while this tab runs a sync. */
export const syncRunning = signal(false);
const pending = signal<number | undefined>(undefined);
const stored = signal<StoredSyncStatus>({});
const identity = signal<DeviceIdentity | undefined>(undefined);
const loaded = signal(false);

/** True while any tab holds the sync lock (Web Locks), polled while a status is shown. */
const lockHeld = signal(false);

async function pollLock(): Promise<void> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks?.query) return;
  const state = await locks.query().catch(() => undefined);
  lockHeld.value = !!state?.held?.some((l) => l.name === SYNC_LOCK);
}

export interface SyncView {
  loaded: boolean;
  enrolled: boolean;
  revoked: boolean;
  structureName?: string;
  /** undefined until the outbox was counted */
  pending: number | undefined;
  running: boolean;
  lastSuccessAt?: string;
  nextAttemptAt?: string;
  lastError?: StoredSyncStatus['lastError'];
}

/** Everything the status shows, kept current across tabs. */
export const syncStatus = computed<SyncView>(() => {
  const s = stored.value;
  return {
    loaded: loaded.value,
    enrolled: !!identity.value,
    revoked: !!identity.value?.revokedAt,
    structureName: identity.value?.structure.name,
    pending: pending.value,
    running: syncRunning.value || lockHeld.value,
    lastSuccessAt: s.lastSuccessAt,
    nextAttemptAt: s.nextAttemptAt,
    lastError: s.lastError,
  };
});

let watchers = 0;
let stop: (() => void) | undefined;

/** Starts following the stored status (returns the stop function); shared by every mounted view. */
export function followSyncStatus(): () => void {
  if (watchers++ === 0) {
    const stops = [
      watchPendingCount((n) => (pending.value = n)),
      watchSyncStatus((s) => (stored.value = s ?? {})),
      watchDeviceIdentity((d) => {
        identity.value = d;
        loaded.value = true;
      }),
    ];
    void pollLock();
    const poll = setInterval(() => void pollLock(), 1_000);
    stop = () => {
      clearInterval(poll);
      stops.forEach((f) => f());
    };
  }
  return () => {
    if (--watchers === 0) stop?.();
  };
}

