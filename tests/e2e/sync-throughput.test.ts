import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goOffline, goOnline, launchDevice, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { deviceState, enrolThroughScreen, queueSessionsOffline, reloadApp } from './sync-device.ts';

// quality.md: device push of 10,000 queued records to the hub on loopback (target ≤ 10 s).
// Prints the figure; asserts that every record arrived once. KARIOLE_PUSH_RECORDS changes the size.

const COUNT = Number(process.env.KARIOLE_PUSH_RECORDS ?? 10_000);

/** The outbox size, read cheaply (a count, not the rows) so measuring does not slow the device. */
async function outboxSize(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('kariole');
      r.onsuccess = () => resolve(r.result);
    });
    const n = await new Promise<number>((resolve) => {
      const c = idb.transaction('outbox').objectStore('outbox').count();
      c.onsuccess = () => resolve(c.result);
    });
    idb.close();
    return n;
  });
}

describe('push throughput', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let page: Page;

  beforeAll(async () => {
    served = await serveHub();
    device = await launchDevice();
    page = await device.context.newPage();
    await page.goto(`${served.url}/synchro`);
    await waitForServiceWorker(page);
    await enrolThroughScreen(page, served.url, served.hub.seeded!.enrolmentCode);
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-running') === '0');
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it(`pushes ${COUNT} queued records`, async () => {
    await goOffline(device.context);
    for (let done = 0; done < COUNT; done += 2_000) await queueSessionsOffline(page, Math.min(2_000, COUNT - done), { startDay: done });
    await reloadApp(page);
    const db = served.hub.database.db;
    const count = async () => Number((await db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();

    if (process.env.KARIOLE_DEBUG) {
      page.on('console', (m) => m.text().startsWith('PROF') && console.log(m.text()));
      page.on('request', (r) => r.url().includes('/api/') && console.log(((performance.now() - t0) / 1000).toFixed(2), 'start', r.method(), r.url().replace(served.url, '')));
      page.on('requestfinished', (r) => r.url().includes('/api/') && console.log(((performance.now() - t0) / 1000).toFixed(2), 'end', r.url().replace(served.url, '')));
    }
    const t0 = performance.now();
    await goOnline(device.context);
    let lastLog = 0;
    while ((await count()) - before < COUNT) {
      await new Promise((r) => setTimeout(r, 200));
      if (process.env.KARIOLE_DEBUG && performance.now() - lastLog > 3000) {
        lastLog = performance.now();
        console.log(((lastLog - t0) / 1000).toFixed(1), 's', (await count()) - before, 'on hub');
      }
    }
    const hubHasAll = performance.now() - t0;
    while ((await outboxSize(page)) > 0) await new Promise((r) => setTimeout(r, 200));
    const deviceDone = performance.now() - t0;
    console.log(
      `push of ${COUNT} queued records on loopback: hub holds all after ${(hubHasAll / 1000).toFixed(2)} s; device outbox empty after ${(deviceDone / 1000).toFixed(2)} s (target ≤ 10 s)`,
    );
    expect((await count()) - before).toBe(COUNT);
    const state = await deviceState(page);
    expect(state.rows.filter((r) => r.syncState !== 'synced')).toHaveLength(0);
  });
});
