import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goOffline, launchDevice, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { choice, givenStructureSettings, tabletRecords } from './activities-device.ts';

// quality.md item 6: a full quota gives a clear message and loses nothing already saved.
describe('a tablet whose storage is full', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let page: Page;

  // Chromium's quota override (CDP Storage.overrideQuotaForOrigin) does not reach IndexedDB writes in
  // headless mode, so the disk is "filled" at the lowest level instead: IndexedDB's own put/add
  // throw the browser's QuotaExceededError, exactly as on a full tablet; everything above
  // (Dexie, the app's save path and its message) is the real code.
  async function setDiskFull(full: boolean) {
    await page.evaluate((f) => localStorage.setItem('test.diskFull', f ? '1' : '0'), full);
  }

  async function logEmailSession() {
    await page.goto(`${served.url}/accompagnements/nouveau`);
    await choice(page, 'Enregistrer').waitFor();
    await choice(page, 'Marché de Wazemmes').click();
    await choice(page, 'E-mail').click();
    await choice(page, 'Autonome').click();
    await choice(page, 'Enregistrer').click();
  }

  beforeAll(async () => {
    served = await serveHub({ seed: false });
    device = await launchDevice();
    await device.context.addInitScript(() => {
      for (const method of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
          if (localStorage.getItem('test.diskFull') === '1') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        } as typeof original;
      }
    });
    page = await device.context.newPage();
    await page.goto(`${served.url}/accompagnements`);
    await waitForServiceWorker(page);
    await givenStructureSettings(page);
    await goOffline(device.context);
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it('says the storage is full in plain words and keeps every record already saved', async () => {
    await logEmailSession();
    await page.locator('[data-testid="saved-notice"]').waitFor();
    expect((await tabletRecords(page)).rows).toHaveLength(1);

    // The tablet's disk is now full: every new write is refused.
    await setDiskFull(true);
    await logEmailSession();
    await page.getByText("L'espace de stockage de la tablette est plein", { exact: false }).first().waitFor({ timeout: 15_000 });

    // Space comes back (the mediator synced and freed some): nothing was lost, the new one can be saved.
    await setDiskFull(false);
    await page.goto(`${served.url}/accompagnements`);
    await page.locator('[data-testid="activity-item"]').first().waitFor();
    const { rows, outbox } = await tabletRecords(page);
    expect(rows).toHaveLength(1);
    expect(outbox).toHaveLength(1);
    await logEmailSession();
    await page.locator('[data-testid="saved-notice"]').waitFor();
    expect((await tabletRecords(page)).rows).toHaveLength(2);
  });
});
