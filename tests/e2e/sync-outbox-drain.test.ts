import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goOffline, goOnline, launchDevice, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { deviceState, enrolThroughScreen, queueSessionsOffline, reloadApp } from './sync-device.ts';

// A long outbox drains completely: records queued offline, more than several push batches of
// 500, all reach the hub exactly once and end synced on the device. How fast is measured by
// the bench (bench/app/push.ts, `push10kMs`), not here.

const COUNT = 2_300;

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

describe('a long outbox', () => {
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

  it(`pushes ${COUNT} records queued offline, each once`, async () => {
    await goOffline(device.context);
    for (let done = 0; done < COUNT; done += 1_000) await queueSessionsOffline(page, Math.min(1_000, COUNT - done), { startDay: done });
    await reloadApp(page);
    const db = served.hub.database.db;
    const count = async () => Number((await db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect(await outboxSize(page)).toBe(COUNT);

    await goOnline(device.context);
    while ((await outboxSize(page)) > 0) await new Promise((r) => setTimeout(r, 200));
    expect((await count()) - before).toBe(COUNT);
    const state = await deviceState(page);
    expect(state.rows.filter((r) => r.syncState !== 'synced')).toHaveLength(0);
  });
});
