import { countPending, watchPendingCount } from '../../db/outbox.ts';
import { getDeviceIdentity, updateSyncStatus, watchDeviceIdentity } from '../../db/settings.ts';
import { syncBadge } from './badge.ts';
import { isSwToPage, type PageToSw } from '../../sw-messages.ts';
import { backoffDelay } from './lib/backoff.ts';
import type { SyncOutcome } from './lib/run.ts';
import { setSyncHandler } from './request.ts';
import { syncRunning } from './status.ts';

// The sync loop: runs at start, when the network comes back, when the app comes to the
// foreground, every few minutes while open, on Background Sync, after a save and on the
// button. Failures back off exponentially (with jitter, capped at 5 min); the connection
// coming back or the button resets the backoff.

const PERIOD_MS = 5 * 60_000;
/** After a save (or a deletion, a venue report…) the sync waits a little, to take several at once. */
const AFTER_CHANGE_MS = 1_500;
const IMMEDIATE = new Set(['start', 'visible', 'periodic']);
/** Reasons that cancel a running backoff: the situation has changed. */
const RESETS = new Set(['online', 'button', 'enrolled']);
export const BACKGROUND_SYNC_TAG = 'kariole-sync';

let started = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = 0;
let failures = 0;
let running: Promise<SyncOutcome> | undefined;
let again = false;

function schedule(delayMs: number): void {
  const at = Date.now() + delayMs;
  if (timer !== undefined && timerAt <= at) return;
  clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(() => {
    timer = undefined;
    void runNow();
  }, delayMs);
}

async function registerBackgroundSync(): Promise<void> {
  const reg = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  const sync = (reg as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
  await sync?.register(BACKGROUND_SYNC_TAG).catch(() => undefined);
}

/** Runs one sync now (or joins the one under way) and plans the next attempt. */
export function runNow(): Promise<SyncOutcome> {
  if (running) {
    again = true;
    return running;
  }
  syncRunning.value = true;
  running = (async () => {
    // The sync itself (schemas, push, pulls) is its own chunk, loaded once the device is
    // enrolled: a tablet in demo mode never parses it, and the first screen stays light.
    const outcome = await getDeviceIdentity()
      .then((identity) => (identity ? import('./lib/run.ts').then((m) => m.syncOnce()) : ({ ok: 'skipped', why: 'not-enrolled' } as const)))
      .catch((): SyncOutcome => ({ ok: 'skipped', why: 'busy' }));
    if (outcome.ok === true) {
      failures = 0;
    } else if (outcome.ok === false && outcome.failure.kind !== 'auth') {
      failures++;
      const delay = backoffDelay(failures, Math.random, outcome.failure.retryAfterMs);
      await updateSyncStatus({ nextAttemptAt: new Date(Date.now() + delay).toISOString() });
      schedule(delay);
      if ((await countPending()) > 0) void registerBackgroundSync();
    }
    return outcome;
  })().finally(() => {
    running = undefined;
    syncRunning.value = false;
    if (again) {
      again = false;
      if (failures === 0) schedule(0);
    }
  });
  return running;
}

/** What every trigger calls: soon, unless a backoff is under way (which only a reset cancels). */
function onRequest(reason: string): void {
  if (RESETS.has(reason)) {
    failures = 0;
    void updateSyncStatus({ nextAttemptAt: undefined });
    schedule(0);
    return;
  }
  if (failures > 0 && timer !== undefined) return;
  if (running) {
    again = true;
    return;
  }
  schedule(IMMEDIATE.has(reason) ? 0 : AFTER_CHANGE_MS);
}

/** Starts listening to every trigger; idempotent. */
export function startSyncEngine(): void {
  if (started) return;
  started = true;
  setSyncHandler(onRequest);
  watchPendingCount((pending) => (syncBadge.value = { ...syncBadge.value, pending }));
  watchDeviceIdentity((d) => (syncBadge.value = { ...syncBadge.value, needsEnrolment: !d || !!d.revokedAt }));
  window.addEventListener('online', () => onRequest('online'));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') onRequest('visible');
  });
  setInterval(() => {
    if (document.visibilityState === 'visible') onRequest('periodic');
  }, PERIOD_MS);
  // Background Sync: the service worker wakes an open page when the connection is back.
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    const msg: unknown = event.data;
    if (!isSwToPage(msg) || msg.type !== 'SYNC_REQUESTED') return;
    failures = 0;
    void runNow().then((outcome) => {
      if (outcome.ok === 'skipped' && outcome.why === 'busy') return; // the tab that syncs answers
      const reply: PageToSw = { type: 'SYNC_FINISHED', ok: outcome.ok !== false };
      navigator.serviceWorker.controller?.postMessage(reply);
    });
  });
  onRequest('start');
}
