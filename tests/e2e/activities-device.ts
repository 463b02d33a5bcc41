import { axeViolations } from '../helpers/axe.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

// Browser-side helpers of the activity tests: what a mediator taps, counted, and what the
// tablet holds.

/** WCAG 2.1 AA violations inside the screen's main content. */
export const accessibilityViolations = (page: Page): Promise<string[]> => axeViolations(page, '#main');

/** Counts the mediator's taps (every interaction of a test goes through it, so none is missed). */
export class TapCounter {
  count = 0;
  async tap(target: Locator): Promise<void> {
    await target.click();
    this.count++;
  }
}

/**
 * Gives the tablet its structure's settings as the sync client stores them after a pull
 * (places of activity, tags, communes). The app must have opened its database first.
 */
export async function givenStructureSettings(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kariole');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = idb.transaction('kv', 'readwrite');
    tx.objectStore('kv').put({
      key: 'device.settings',
      value: {
        structure: { id: 's1', name: 'Centre social des Moulins' },
        placesOfActivity: [
          { venueId: 'venue-moulins', name: 'Centre social des Moulins', communeInsee: '59350' },
          { venueId: 'venue-marche', name: 'Marché de Wazemmes', communeInsee: '59350' },
        ],
        tags: [{ id: 'tag-caf', label: 'Permanence CAF' }],
        kioskIdleSeconds: 120,
        kioskPinHash: null,
        languages: ['fr', 'en', 'ar'],
        communes: [
          { insee: '59350', name: 'Lille', postcodes: ['59000', '59160', '59260', '59777', '59800'] },
          { insee: '59512', name: 'Roubaix', postcodes: ['59100'] },
        ],
      },
    });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
  });
}

export interface StoredActivity {
  id: string;
  revision: number;
  type: string;
  durationMin: number;
  syncState: string;
  deleted?: boolean;
  notes?: string;
  themes: string[];
  adminThemes: string[];
  portalLinkIds: string[];
  autonomy?: string;
  place: { kind: string; venueId?: string; communeInsee?: string };
  beneficiaries: { total: number; genre: Record<string, number> };
  workshop?: { title: string; level: string };
}

/** Every activity row on the tablet and the outbox keys. */
export async function tabletRecords(page: Page): Promise<{ rows: StoredActivity[]; outbox: string[] }> {
  return page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kariole');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const r = idb.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
      });
    const rows = await all<StoredActivity>('activities');
    const outbox = (await all<{ key: string }>('outbox')).map((r) => r.key);
    idb.close();
    return { rows, outbox };
  });
}

/** What the person sees without scrolling (the full-page screenshots move sticky bars). */
export async function viewportScreenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('.e2e/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** A toggle button of the form by its exact visible label. */
export function choice(page: Page, label: string): Locator {
  return page.getByRole('button', { name: label, exact: true });
}

export async function isPressed(l: Locator): Promise<boolean> {
  return (await l.getAttribute('aria-pressed')) === 'true';
}
