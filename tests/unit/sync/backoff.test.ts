import { describe, expect, it } from 'vitest';
import { BASE_DELAY_MS, MAX_DELAY_MS, backoffDelay, parseRetryAfter } from '../../../src/app/features/sync/lib/backoff.ts';

describe('retry backoff', () => {
  it('doubles with each failure, between half and all of the step', () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const step = BASE_DELAY_MS * 2 ** (attempt - 1);
      expect(backoffDelay(attempt, () => 0)).toBe(step / 2);
      expect(backoffDelay(attempt, () => 0.999999)).toBeLessThanOrEqual(step);
      expect(backoffDelay(attempt, () => 0.999999)).toBeGreaterThan(step * 0.99);
    }
  });

  it('spreads devices apart with jitter', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(delays.size).toBeGreaterThan(40);
  });

  it('never waits more than 5 minutes, even after many failures or a long Retry-After', () => {
    expect(MAX_DELAY_MS).toBe(300_000);
    for (const attempt of [8, 20, 1000]) expect(backoffDelay(attempt, () => 1)).toBe(MAX_DELAY_MS);
    expect(backoffDelay(1, () => 0, 3_600_000)).toBe(MAX_DELAY_MS);
  });

  it("waits at least the hub's Retry-After", () => {
    expect(backoffDelay(1, () => 0, 42_000)).toBe(42_000);
    expect(parseRetryAfter('42')).toBe(42_000);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8_000);
    expect(parseRetryAfter('soon')).toBe(0);
    expect(parseRetryAfter(null)).toBe(0);
  });
});
