// Tiny entry any feature may import (dynamically) after a save: asks the sync loop to run
// soon. The loop itself is loaded on first use; when the device is not enrolled, nothing is sent.

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

/** Starts the loop at application start (its first run happens right away). */
export function startSyncOnLaunch(): Promise<void> {
  return load();
}
