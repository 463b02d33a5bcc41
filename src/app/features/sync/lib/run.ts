import { getDeviceIdentity, isFreshStart, markDeviceRevoked, setFreshStart, updateSyncStatus } from '../../../db/settings.ts';
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

/**
 * One complete sync: push the outbox (records, then venue reports), then pull settings, portal
 * and venues. Status (last success, last error) is stored for every tab. A 401 marks the
 * device revoked and keeps every record for after re-enrolment.
 */
export async function syncOnce(): Promise<SyncOutcome> {
  const identity = await getDeviceIdentity();
  if (!identity) return { ok: 'skipped', why: 'not-enrolled' };
  if (identity.revokedAt) return { ok: 'skipped', why: 'revoked' };
  const result = await withLock(async (): Promise<SyncOutcome> => {
    const startedAt = new Date().toISOString();
    await updateSyncStatus({ lastAttemptAt: startedAt });
    try {
      await pushActivities(identity);
      await pushVenueReports(identity);
      await pullSettings(identity);
      await pullPortal(identity);
      await pullVenues(identity);
      if (await isFreshStart()) await setFreshStart(false);
      await updateSyncStatus({ lastSuccessAt: new Date().toISOString(), lastError: undefined, nextAttemptAt: undefined });
      return { ok: true };
    } catch (e) {
      const failure = e instanceof SyncFailure ? e : new SyncFailure('network');
      if (!(e instanceof SyncFailure)) console.warn('sync failed', e);
      const at = new Date().toISOString();
      if (failure.kind === 'auth') await markDeviceRevoked(at);
      await updateSyncStatus({ lastError: { kind: failure.kind, at, ...(failure.status ? { status: failure.status } : {}) } });
      return { ok: false, failure };
    }
  });
  return result === 'busy' ? { ok: 'skipped', why: 'busy' } : result;
}
