// Full screen and screen wake lock: both best effort (a browser may refuse, an iPad has no
// element full screen); the kiosk works without them.

let sentinel: WakeLockSentinel | undefined;
let wanted = false;

async function acquire(): Promise<void> {
  if (!wanted || sentinel || document.visibilityState !== 'visible') return;
  try {
    sentinel = await navigator.wakeLock?.request('screen');
    sentinel?.addEventListener('release', () => (sentinel = undefined));
  } catch {
    sentinel = undefined;
  }
}

// The lock is dropped whenever the page is hidden; take it again when the kiosk comes back.
if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => void acquire());
}

/** Keeps the screen on while the kiosk runs. */
export function keepScreenAwake(): void {
  wanted = true;
  void acquire();
}

export function letScreenSleep(): void {
  wanted = false;
  void sentinel?.release().catch(() => undefined);
  sentinel = undefined;
}

/** Must run inside a user gesture (a tap). */
export function enterFullscreen(): void {
  const el = document.documentElement;
  if (!document.fullscreenElement && el.requestFullscreen) void el.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
}

export function exitFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}
