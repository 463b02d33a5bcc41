// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SyncOutcome } from '../../../src/app/features/sync/lib/run.ts';
import { SyncFailure } from '../../../src/app/features/sync/lib/http.ts';
import { appEngineDeps, createSyncEngine } from '../../../src/app/features/sync/engine.ts';
import { requestSync, setSyncHandler } from '../../../src/app/features/sync/request.ts';
import { forgetDeviceIdentity, loadSyncStatus, saveDeviceIdentity } from '../../../src/app/db/settings.ts';

// The scheduler of the sync loop: which trigger runs a sync when, and how failures back off.
// The engine is an instance made with its dependencies: the sync itself is a script of
// outcomes (the network is not the point here); enrolment and status are the real db's.

const outcomes: SyncOutcome[] = [];
const runs: number[] = [];
const backgroundSyncs: number[] = [];
const engine = createSyncEngine({
  ...appEngineDeps,
  sync: async () => {
    runs.push(Date.now());
    return outcomes.shift() ?? { ok: true };
  },
  registerBackgroundSync: async () => void backgroundSyncs.push(Date.now()),
  random: () => 0.5,
  setRunning: () => undefined,
});

const fail = (kind: SyncFailure['kind'], retryAfterMs = 0): SyncOutcome => ({ ok: false, failure: new SyncFailure(kind, undefined, retryAfterMs) });

// IndexedDB (fake-indexeddb) runs on real setImmediate ticks: let them complete between steps.
async function settle() {
  for (let i = 0; i < 30; i++) await new Promise((r) => setImmediate(r));
}

async function advance(ms: number) {
  const step = ms > 20_000 ? 5_000 : 100;
  await settle();
  for (let done = 0; done < ms; done += step) {
    await vi.advanceTimersByTimeAsync(Math.min(step, ms - done));
    await settle();
  }
}

describe('sync scheduler', () => {
  beforeAll(async () => {
    // The scheduler runs the sync only on an enrolled device (see the last test).
    await saveDeviceIdentity({ deviceId: 'd-1', token: 't', structure: { id: 's-1', name: 'Centre' }, mediatorId: 'm-1', hubUrl: 'http://hub', enrolledAt: '2026-11-01T09:00:00.000Z' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  let detach: (() => void) | undefined;
  afterAll(() => {
    detach?.();
    vi.useRealTimers();
  });

  it('syncs at start, backs off after failures, and a reconnection or the button resets the backoff', async () => {
    outcomes.push(fail('network'), fail('server'), fail('timeout'));
    setSyncHandler(engine.request);
    detach = engine.attach({ window, document });
    await advance(10);
    expect(runs).toHaveLength(1);
    // A failed sync asks the browser to wake the service worker when the connection is back.
    expect(backgroundSyncs.length).toBe(1);
    // First retry between 2.5 and 5 s (jitter at 0.5 → 3.75 s), stored for the status screen.
    const status = await loadSyncStatus();
    expect(Date.parse(status.nextAttemptAt!) - Date.now()).toBeGreaterThan(3_000);
    await advance(3_000);
    expect(runs).toHaveLength(1);
    await advance(1_000);
    expect(runs).toHaveLength(2);
    // Coming back to the foreground does not jump the queue while backing off…
    document.dispatchEvent(new Event('visibilitychange'));
    requestSync('save');
    await advance(2_000);
    expect(runs).toHaveLength(2);
    // …the second retry waits about twice as long (7.5 s).
    await advance(5_600);
    expect(runs).toHaveLength(3);
    // The connection coming back resets: immediate run.
    window.dispatchEvent(new Event('online'));
    await advance(10);
    expect(runs).toHaveLength(4);
    expect((await loadSyncStatus()).nextAttemptAt).toBeUndefined();
  });

  it('groups the syncs asked right after saves', async () => {
    const before = runs.length;
    requestSync('save');
    requestSync('save');
    await advance(1_000);
    expect(runs.length).toBe(before);
    await advance(600);
    expect(runs.length).toBe(before + 1);
  });

  it("waits at least the hub's Retry-After, never more than 5 minutes, and stops on a revoked device", async () => {
    outcomes.push(fail('rate-limited', 60_000));
    requestSync('button');
    await advance(10);
    const n = runs.length;
    await advance(59_000);
    expect(runs.length).toBe(n);
    await advance(1_500);
    expect(runs.length).toBe(n + 1);

    outcomes.push(...Array.from({ length: 12 }, () => fail('server')));
    requestSync('button');
    await advance(10);
    for (let i = 0; i < 12; i++) await advance(300_000);
    const gaps = runs.slice(-8).map((t, i, a) => (i ? t - a[i - 1]! : 0)).slice(1);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(300_000);

    outcomes.push(fail('auth'));
    requestSync('button');
    await advance(10);
    const afterAuth = runs.length;
    await advance(600_000);
    // Only the periodic trigger (every 5 min) asks again; no backoff retries pile up.
    expect(runs.length - afterAuth).toBeLessThanOrEqual(2);
  });

  it('never runs (nor loads) the sync on a device that is not enrolled', async () => {
    await forgetDeviceIdentity();
    await advance(10);
    const before = runs.length;
    requestSync('button');
    await advance(10);
    requestSync('online');
    await advance(600_000);
    expect(runs.length).toBe(before);
  });
});
