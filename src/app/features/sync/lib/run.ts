import { getDeviceIdentity, isFreshStart, type DeviceIdentity, markDeviceRevoked, setFreshStart, updateSyncStatus } from '../../../db/settings.ts';
import { pullPortal, pullSettings, pullVenues } from './pulls.ts';
import { pushActivities, pushVenueReports } from './push.ts';
import { SyncFailure } from './http.ts';
import { SYNC_LOCK } from './lock.ts';

export type SyncOutcome = { ok: true } | { ok: false; failure: SyncFailure } | { ok: 'skipped'; why: 'not-enrolled' | 'revoked' | 'busy' };

/** Runs `fn` while holding the cross-tab sync lock; 'busy' when another tab holds it. */
async function withLock<T>(fn: () => Promise<T>): Promise<T | 'busy'> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (!locks) return fn();
  return locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) => (lock ? fn() : ('busy' as const)));
}

/** Failures after which nothing else can get through: the other steps wait for the next sync. */
const STOPS_ALL = new Set<SyncFailure['kind']>(['network', 'timeout', 'auth']);

function asFailure(e: unknown): SyncFailure {
  if (e instanceof SyncFailure) return e;
  console.warn('sync failed', e);
  return new SyncFailure('network');
}

/**
 * One complete sync: push the outbox (records, then venue reports), then pull settings, portal
 * and venues. A step that fails for a reason other than the network or the device's rights
 * does not stop the others (a hub refusing the records still sends places); the first failure
 * is the outcome. Status (last success, last error) is stored for every tab. A 401 marks the
 * device revoked and keeps every record for after re-enrolment.
 */
export async function syncOnce(): Promise<SyncOutcome> {
  const identity = await getDeviceIdentity();
  if (!identity) return { ok: 'skipped', why: 'not-enrolled' };
  if (identity.revokedAt) return { ok: 'skipped', why: 'revoked' };
  const result = await withLock(async (): Promise<SyncOutcome> => {
    const startedAt = new Date().toISOString();
    await updateSyncStatus({ lastAttemptAt: startedAt });
    const stamp = (field: 'venuesPulledAt' | 'portalPulledAt') => updateSyncStatus({ [field]: new Date().toISOString() });
    const steps: [kind: 'push' | 'pull', run: (identity: DeviceIdentity) => Promise<unknown>][] = [
      ['push', pushActivities],
      ['push', pushVenueReports],
      ['pull', pullSettings],
      ['pull', (id) => pullPortal(id).then(() => stamp('portalPulledAt'))],
      ['pull', (id) => pullVenues(id).then(() => stamp('venuesPulledAt'))],
    ];
    let failure: SyncFailure | undefined;
    let pullsOk = true;
    for (const [kind, run] of steps) {
      try {
        await run(identity);
      } catch (e) {
        const f = asFailure(e);
        failure ??= f;
        if (kind === 'pull') pullsOk = false;
        if (STOPS_ALL.has(f.kind)) {
          pullsOk = false;
          break;
        }
      }
    }
    if (pullsOk && (await isFreshStart())) await setFreshStart(false);
    if (!failure) {
      await updateSyncStatus({ lastSuccessAt: new Date().toISOString(), lastError: undefined, nextAttemptAt: undefined });
      return { ok: true };
    }
    const at = new Date().toISOString();
    if (failure.kind === 'auth') await markDeviceRevoked(at);
    await updateSyncStatus({ lastError: { kind: failure.kind, at, ...(failure.status ? { status: failure.status } : {}) } });
    return { ok: false, failure };
  });
  return result === 'busy' ? { ok: 'skipped', why: 'busy' } : result;
}
