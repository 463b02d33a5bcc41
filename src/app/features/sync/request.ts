// Tiny entry any feature may import (dynamically) after a save: asks the sync loop to run
// soon. The loop itself is loaded on first use; when the device is not enrolled, nothing is sent.

import { appDatabaseExists } from '../../db/kv.ts';
import { syncBadge } from './badge.ts';

type Handler = (reason: string) => void;

let handler: Handler | undefined;
let loading: Promise<void> | undefined;

/** Called by the engine once it listens. */
export function setSyncHandler(h: Handler): void {
  handler = h;
}

function load(): Promise<void> {
  loading ??= import('./engine.ts').then((m) => m.startSyncEngine());
  return loading;
}

/** Asks the sync loop to run soon (no-op when the device is not enrolled). */
export function requestSync(reason: string): void {
  if (handler) return handler(reason);
  void load().then(() => handler?.(reason));
}

/**
 * Starts the loop at application start (its first run happens right away). On a device that
 * never stored anything (a first visit: no database), there is nothing to send and no
 * enrolment: the loop and IndexedDB's code wait for the first save or enrolment, which call
 * requestSync; the header shows that the device is not enrolled.
 */
export async function startSyncOnLaunch(): Promise<void> {
  if (!handler && !loading && !(await appDatabaseExists())) {
    syncBadge.value = { ...syncBadge.value, needsEnrolment: true };
    return;
  }
  return load();
}
