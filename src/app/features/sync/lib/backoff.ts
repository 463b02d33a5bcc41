// Retry delays after a failed sync: exponential, with jitter so that the tablets of a
// structure do not all come back at once, capped at 5 minutes.

export const BASE_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 5 * 60_000;

/**
 * Delay before retry number `attempt` (1 = first retry): between half and all of
 * min(cap, base × 2^(attempt-1)), never shorter than the hub's Retry-After, never over the cap.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, retryAfterMs = 0): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, Math.min(attempt - 1, 20)));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.round(Math.min(MAX_DELAY_MS, Math.max(jittered, retryAfterMs)));
}

/** Retry-After as milliseconds (seconds or an HTTP date), 0 when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number {
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}
