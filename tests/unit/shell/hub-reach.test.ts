import { afterEach, describe, expect, it, vi } from 'vitest';
import { online } from '../../../src/app/shell/network.ts';
import { hubReach, probeHub } from '../../../src/app/shell/hub-reach.ts';

// The header's "Hub injoignable": the browser may say "online" while the hub is down or out of
// reach (a Wi-Fi with no way to it). Only an answer of the hub's health route counts.

describe('whether the hub answers', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    online.value = true;
    hubReach.value = 'unknown';
  });

  it('is reachable when the health route answers 200, asked without any cache', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    expect(await probeHub()).toBe('reachable');
    expect(fetch).toHaveBeenCalledWith('/api/health', expect.objectContaining({ cache: 'no-store' }));
  });

  it('is unreachable when the hub is down (503) or nothing answers, although the browser says online', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 503 })));
    expect(await probeHub()).toBe('unreachable');
    hubReach.value = 'reachable';
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await probeHub()).toBe('unreachable');
    expect(hubReach.value).toBe('unreachable');
  });

  it('asks nothing while the browser is offline: the header says "Hors ligne" then', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    online.value = false;
    expect(await probeHub()).toBe('unknown');
    expect(fetch).not.toHaveBeenCalled();
  });
});
