// Repeated wrong enrolment codes from one address are slowed down: after MAX failures in the
// window, every attempt is answered 429 with Retry-After until the window has passed.

export interface FailureLimiter {
  /** seconds to wait, or 0 when the address may try */
  retryAfter(key: string, now?: number): number;
  fail(key: string, now?: number): void;
}

export function createFailureLimiter(max = 10, windowMs = 15 * 60_000): FailureLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  return {
    retryAfter(key, now = Date.now()) {
      const list = recent(key, now);
      if (list.length < max) return 0;
      return Math.max(1, Math.ceil((list[list.length - max]! + windowMs - now) / 1000));
    },
    fail(key, now = Date.now()) {
      const list = recent(key, now);
      list.push(now);
      failures.set(key, list);
      // Bounded memory under a flood of addresses.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
  };
}
