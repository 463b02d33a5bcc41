import { countPending, watchPendingCount } from '../../db/outbox.ts';
import { getDeviceIdentity, updateSyncStatus, watchDeviceIdentity } from '../../db/settings.ts';
import { syncBadge } from './badge.ts';
import { backoffDelay } from './lib/backoff.ts';
import type { SyncOutcome } from './lib/run.ts';
import { BACKGROUND_SYNC_TAG, PERIODIC_SYNC_TAG } from './lib/lock.ts';
import { setSyncHandler } from './request.ts';
import { syncRunning } from './status.ts';

// The sync loop: runs at start, when the network comes back, when the app comes to the
// foreground, every few minutes while open, after a save and on the button. Failures back off
// exponentially (with jitter, capped at 5 min); the connection coming back or the button
// resets the backoff. With the app closed, the service worker syncs by itself (sw-sync.ts):
// the page registers Background Sync when something waits, and periodic sync when granted.

const PERIOD_MS = 5 * 60_000;
/** After a save (or a deletion, a venue report…) the sync waits a little, to take several at once. */
const AFTER_CHANGE_MS = 1_500;
const IMMEDIATE = new Set(['start', 'visible', 'periodic']);
/** Reasons that cancel a running backoff: the situation has changed. */
const RESETS = new Set(['online', 'button', 'enrolled']);
export { BACKGROUND_SYNC_TAG };

/** What the loop needs; the app's own are `appEngineDeps`, tests give theirs. */
export interface SyncEngineDeps {
  /** is the device enrolled? (the sync is never loaded otherwise) */
  enrolled(): Promise<boolean>;
  /** one complete sync */
  sync(): Promise<SyncOutcome>;
  /** stores when the next attempt is due (for the status screen) */
  saveNextAttempt(at: string | undefined): Promise<void>;
  /** asks the browser to wake the service worker when the connection is back */
  registerBackgroundSync(): Promise<void>;
  random(): number;
  setRunning(running: boolean): void;
}

export interface SyncEngine {
  /** runs one sync now (or joins the one under way) and plans the next attempt */
  runNow(): Promise<SyncOutcome>;
  /** what every trigger calls */
  request(reason: string): void;
  /** listens to the page's triggers (network, foreground, every 5 min); returns the stop function */
  attach(env: { window: Window; document: Document }): () => void;
}

/** A sync loop with its own state: one per page in the app, one per test. */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
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

  function runNow(): Promise<SyncOutcome> {
    if (running) {
      again = true;
      return running;
    }
    deps.setRunning(true);
    running = (async () => {
      const outcome = await deps
        .enrolled()
        .then((yes) => (yes ? deps.sync() : ({ ok: 'skipped', why: 'not-enrolled' } as const)))
        .catch((): SyncOutcome => ({ ok: 'skipped', why: 'busy' }));
      if (outcome.ok === true) {
        failures = 0;
      } else if (outcome.ok === false && outcome.failure.kind !== 'auth') {
        failures++;
        const delay = backoffDelay(failures, deps.random, outcome.failure.retryAfterMs);
        await deps.saveNextAttempt(new Date(Date.now() + delay).toISOString());
        schedule(delay);
        void deps.registerBackgroundSync().catch(() => undefined);
      }
      return outcome;
    })().finally(() => {
      running = undefined;
      deps.setRunning(false);
      if (again) {
        again = false;
        if (failures === 0) schedule(0);
      }
    });
    return running;
  }

  function request(reason: string): void {
    if (RESETS.has(reason)) {
      failures = 0;
      void deps.saveNextAttempt(undefined);
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

  function attach({ window, document }: { window: Window; document: Document }): () => void {
    const online = () => request('online');
    const visible = () => {
      if (document.visibilityState === 'visible') request('visible');
    };
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', visible);
    const periodic = setInterval(() => {
      if (document.visibilityState === 'visible') request('periodic');
    }, PERIOD_MS);
    request('start');
    return () => {
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visible);
      clearInterval(periodic);
      clearTimeout(timer);
    };
  }

  return { runNow, request, attach };
}

type SyncRegistration = ServiceWorkerRegistration & {
  sync?: { register(tag: string): Promise<void> };
  periodicSync?: { register(tag: string, opts: { minInterval: number }): Promise<void> };
};

/** Background Sync (when something waits) and, when the browser grants it, periodic sync: the worker then syncs with the app closed. */
async function registerBackgroundSync(): Promise<void> {
  const reg = (await navigator.serviceWorker?.getRegistration().catch(() => undefined)) as SyncRegistration | undefined;
  if (!reg) return;
  if ((await countPending()) > 0) await reg.sync?.register(BACKGROUND_SYNC_TAG).catch(() => undefined);
  const permissions = (navigator as Navigator & { permissions?: Permissions }).permissions;
  const granted = await permissions
    ?.query({ name: 'periodic-background-sync' as PermissionName })
    .then((p) => p.state === 'granted')
    .catch(() => false);
  if (granted) await reg.periodicSync?.register(PERIODIC_SYNC_TAG, { minInterval: 12 * 3_600_000 }).catch(() => undefined);
}

/** The app's dependencies: the stored identity and status, the sync chunk loaded on first use. */
export const appEngineDeps: SyncEngineDeps = {
  enrolled: async () => !!(await getDeviceIdentity()),
  // The sync itself (schemas, push, pulls) is its own chunk, loaded once the device is
  // enrolled: a tablet in demo mode never parses it, and the first screen stays light.
  sync: () => import('./lib/run.ts').then((m) => m.syncOnce()),
  saveNextAttempt: async (at) => void (await updateSyncStatus({ nextAttemptAt: at })),
  registerBackgroundSync,
  random: Math.random,
  setRunning: (r) => (syncRunning.value = r),
};

let appEngine: SyncEngine | undefined;

/** Starts the page's sync loop and its triggers; idempotent. */
export function startSyncEngine(): void {
  if (appEngine) return;
  const engine = createSyncEngine(appEngineDeps);
  appEngine = engine;
  setSyncHandler(engine.request);
  watchPendingCount((pending) => {
    syncBadge.value = { ...syncBadge.value, pending };
    // Something waits: let the worker send it even if the app is closed before the next sync.
    if (pending > 0) void registerBackgroundSync().catch(() => undefined);
  });
  watchDeviceIdentity((d) => (syncBadge.value = { ...syncBadge.value, needsEnrolment: !d || !!d.revokedAt }));
  engine.attach({ window, document });
}
