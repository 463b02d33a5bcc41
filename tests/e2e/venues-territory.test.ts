import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDevice, screenshot, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { createStructure } from '../../src/hub/repositories/structures.ts';
import { createEnrolmentCode } from '../../src/hub/repositories/devices.ts';
import { DEMO_OWN_PLACES } from '../../src/hub/seed/venues.ts';

// Issue 13, in Chromium: a tablet of a structure of the Bouches-du-Rhône (13) whose territory
// becomes the Alpes-de-Haute-Provence (04) keeps no place of 13 after its next sync — in
// IndexedDB and in the search — and the directory was replaced, not emptied and refilled.

async function departementsOnDevice(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve) => {
        const req = indexedDB.open('kariole');
        // never create the database nor block the app's own upgrade of it: the app opens it first
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onsuccess = () => {
          const idb = req.result;
          idb.onversionchange = () => idb.close();
          if (!idb.objectStoreNames.contains('venues')) return resolve({});
          const all = idb.transaction('venues').objectStore('venues').getAll();
          all.onsuccess = () => {
            const out: Record<string, number> = {};
            for (const v of all.result as { departement: string }[]) out[v.departement] = (out[v.departement] ?? 0) + 1;
            resolve(out);
          };
          all.onerror = () => resolve({});
        };
        req.onerror = () => resolve({});
      }),
  );
}

async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('[data-testid="venue-count"]').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

describe('a tablet whose structure changes territory', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;

  beforeAll(async () => {
    served = await serveHub();
    device = await launchDevice();
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it('holds only places of 04 after the territory moves from 13 to 04', async () => {
    const db = served.hub.database.db;
    const structure = await createStructure(db, { name: 'Centre social de la Belle de Mai', departements: ['13'] });
    const { code } = await createEnrolmentCode(db, { structureId: structure.id });
    const page = await device.context.newPage();
    await page.goto(`${served.url}/synchro`);
    await waitForServiceWorker(page);
    await page.locator('#sync-code').fill(code);
    await page.locator('[data-testid="sync-enrol-submit"]').click();
    // The demo directory (Région Sud, 2023) has 226 places in 13 and 48 in 04, and the demo
    // structure's own places of activity are in 13.
    await expect.poll(() => departementsOnDevice(page), { timeout: 60_000 }).toEqual({ '13': 226 + DEMO_OWN_PLACES.length });

    await db.updateTable('structures').set({ departements: JSON.stringify(['04']) }).where('id', '=', structure.id).execute();
    // Watch the directory while the tablet syncs: it must never be seen empty or mixed.
    await page.evaluate(() => {
      const w = window as unknown as { seenCounts: number[] };
      w.seenCounts = [];
      const tick = () => {
        const req = indexedDB.open('kariole');
        // never create the database nor block the app's own upgrade of it: the app opens it first
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onsuccess = () => {
          const c = req.result.transaction('venues').objectStore('venues').count();
          c.onsuccess = () => w.seenCounts.push(c.result);
          req.result.close();
        };
      };
      setInterval(tick, 5);
    });
    await page.locator('[data-testid="sync-now"]').click();
    await expect.poll(() => departementsOnDevice(page), { timeout: 60_000 }).toEqual({ '04': 48 });
    const seen = await page.evaluate(() => (window as unknown as { seenCounts: number[] }).seenCounts);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((n) => n === 226 + DEMO_OWN_PLACES.length || n === 48)).toBe(true);

    await page.goto(`${served.url}/orienter`);
    await page.locator('#ven-q').waitFor();
    await expect.poll(() => resultCount(page)).toBe(48);
    await page.locator('#ven-q').fill('Marseille');
    await expect.poll(() => resultCount(page)).toBe(0);
    await page.locator('#ven-q').fill('Digne');
    await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
    await screenshot(page, 'venues-territory-04');
  }, 180_000);
});
