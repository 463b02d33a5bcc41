import type { Page } from 'playwright-core';

/**
 * How many places the tablet's IndexedDB holds. Never creates the database nor blocks the app's
 * own upgrade of it (the app opens it first): a probe that held its connection open would.
 */
export async function venuesOnDevice(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('kariole');
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onsuccess = () => {
          const idb = req.result;
          idb.onversionchange = () => idb.close();
          if (!idb.objectStoreNames.contains('venues')) return resolve(0);
          const count = idb.transaction('venues').objectStore('venues').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => resolve(0);
        };
        req.onerror = () => resolve(0);
      }),
  );
}
