// The service worker's own sync: with the app closed, the worker runs the same sync as the pages
// (push, then pulls) under the same cross-tab Web Lock, so a page and the worker never sync at
// once. Triggered by Background Sync (the connection is back), Periodic Background Sync (when
// the browser grants it to the installed app) and, failing both, the next start of the app.
import { syncOnce, type SyncOutcome } from './features/sync/lib/run.ts';

export type WorkerSyncTrigger = 'background-sync' | 'periodic' | 'test';

/**
 * One sync run by the worker. Resolves with the outcome; `strict` (Background Sync) throws when
 * the sync failed for a reason worth retrying, so that the browser tries again later.
 */
export async function syncFromWorker(trigger: WorkerSyncTrigger, strict = trigger === 'background-sync'): Promise<SyncOutcome> {
  const outcome = await syncOnce();
  if (strict && outcome.ok === false && outcome.failure.kind !== 'auth') throw new Error(`sync failed (${outcome.failure.kind}); the browser will retry`);
  return outcome;
}
