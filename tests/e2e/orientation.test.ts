import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goOffline, launchDevice, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { TOWARDS } from '../../src/shared/activity/orientation.ts';
import { DEMO_OWN_PLACES } from '../../src/hub/seed/venues.ts';
import { ADMIN_THEME_PARENT } from '../../src/shared/activity/codes.ts';
import { choice, isPressed, tabletRecords } from './activities-device.ts';

// One orientation flow, offline on an enrolled tablet: the form's "Oui" → the directory →
// "Orienter ici" → back on the same form (nothing lost), "Structure de redirection" filled from
// the place's programmes and still changeable → saved → "Imprimer la fiche" prints in one tap.
// Also: back from a place keeps the search; "Effacer les filtres" keeps the panel open.

// a place's hub id is its source and its id in that source
const COLOMARS = 'france-services:mediation-numerique-france-services-24';

async function venueCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('kariole');
        req.onsuccess = () => {
          const idb = req.result;
          if (!idb.objectStoreNames.contains('venues')) return resolve(0);
          const count = idb.transaction('venues').objectStore('venues').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => resolve(0);
        };
        req.onerror = () => resolve(0);
      }),
  );
}

describe('the orientation flow on an offline tablet', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    served = await serveHub();
    device = await launchDevice();
    context = device.context;
    // counts the print requests instead of opening the dialog
    await context.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    page = await context.newPage();
    await page.goto(`${served.url}/synchro`);
    await waitForServiceWorker(page);
    await page.locator('#sync-code').fill(served.hub.seeded!.enrolmentCode);
    await page.locator('[data-testid="sync-enrol-submit"]').click();
    const deadline = Date.now() + 60_000;
    while ((await venueCount(page)) < 646 + DEMO_OWN_PLACES.length) {
      if (Date.now() > deadline) throw new Error('the places did not sync');
      await page.waitForTimeout(500);
    }
    await goOffline(context);
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it('goes from "Oui" to the directory and back with the place and its structure de redirection, then prints in one tap', async () => {
    await page.goto(`${served.url}/accompagnements/nouveau`);
    await choice(page, 'Aide aux démarches administratives').click();
    await page.locator('[data-testid="site-ameli"]').click();
    await page.locator('[data-testid="oriented-yes"]').click();

    await page.locator('[data-testid="find-venue"]').click();
    await page.waitForURL(/\/orienter\?retour=/);
    await page.locator('[data-testid="from-form"]').waitFor();
    await page.locator('#ven-q').fill('Colomars');
    await page.locator(`a.ven-card__link[href="/orienter/${encodeURIComponent(COLOMARS)}"]`).click();
    await page.locator('[data-testid="from-form"]').waitFor();
    await page.locator('[data-testid="orient-here"]').click();

    await page.waitForURL(/\/accompagnements\/nouveau$/);
    await page.locator('[data-testid="oriented-venue"]', { hasText: 'France services Colomars' }).waitFor({ timeout: 15_000 });
    // the draft left for the directory is the form again: theme and site kept, no "draft found" notice
    expect(await isPressed(page.locator(`[data-testid="theme-${ADMIN_THEME_PARENT}"]`))).toBe(true);
    expect(await isPressed(page.locator('[data-testid="site-ameli"]'))).toBe(true);
    expect(await page.locator('[data-testid="draft-restored"]').count()).toBe(0);
    // a France Services: the administrative-procedures structure, changeable
    const paperwork = page.locator(`[data-testid="towards-${TOWARDS.paperwork}"]`);
    expect(await isPressed(paperwork)).toBe(true);
    await page.locator(`[data-testid="towards-${TOWARDS.mediation}"]`).click();
    expect(await isPressed(paperwork)).toBe(false);
    await paperwork.click();
    expect(await isPressed(paperwork)).toBe(true);

    await page.locator('[data-testid="save-activity"]').click();
    await page.locator('[data-testid="saved-notice"]').waitFor();
    const { rows } = await tabletRecords(page);
    const saved = rows.find((r) => r.portalLinkIds.includes('ameli')) as unknown as { orientation?: { oriented: boolean; towards?: string; venueId?: string } };
    expect(saved.orientation).toEqual({ oriented: true, towards: TOWARDS.paperwork, venueId: COLOMARS });

    // one tap: the slip of that place, with the démarche's checklist, sent to the printer
    await page.locator('[data-testid="print-slip"]').click();
    await page.locator('[data-testid="slip-checklist"]').waitFor();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });

  it('keeps the search when coming back from a place, by its link or the browser\'s back', async () => {
    await page.goto(`${served.url}/orienter`);
    await page.locator('#ven-q').fill('Colomars');
    const results = page.locator('[data-testid="venue-results"] li');
    await expect.poll(() => results.count()).toBeLessThan(10);
    const shown = await results.count();
    await page.locator(`a.ven-card__link[href="/orienter/${encodeURIComponent(COLOMARS)}"]`).click();
    await page.locator('[data-testid="orient-here"]').waitFor();
    await page.getByRole('link', { name: 'Retour à la liste' }).click();
    await page.locator('#ven-q').waitFor();
    expect(await page.locator('#ven-q').inputValue()).toBe('Colomars');
    await expect.poll(() => results.count()).toBe(shown);
    await page.locator(`a.ven-card__link[href="/orienter/${encodeURIComponent(COLOMARS)}"]`).click();
    await page.locator('[data-testid="orient-here"]').waitFor();
    await page.goBack();
    await page.locator('#ven-q').waitFor();
    expect(await page.locator('#ven-q').inputValue()).toBe('Colomars');
    await expect.poll(() => results.count()).toBe(shown);
    // even when the place's page was reloaded meanwhile
    await page.locator(`a.ven-card__link[href="/orienter/${encodeURIComponent(COLOMARS)}"]`).click();
    await page.locator('[data-testid="orient-here"]').waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Retour à la liste' }).click();
    await page.locator('#ven-q').waitFor();
    expect(await page.locator('#ven-q').inputValue()).toBe('Colomars');
    await expect.poll(() => results.count()).toBe(shown);
  });

  it('keeps the filter panel open after "Effacer les filtres"', async () => {
    await page.goto(`${served.url}/orienter`);
    await page.locator('#ven-q').fill('');
    const panel = page.locator('[data-testid="venue-filters"]');
    await panel.locator('summary').click();
    await panel.locator('button[data-filter]').first().click();
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await panel.locator('button[data-filter][aria-pressed="true"]').count()).toBe(0);
  });

  it('offers the way back to the form only while orienting from it', async () => {
    await page.goto(`${served.url}/orienter`);
    await page.locator('#ven-q').waitFor();
    expect(await page.locator('[data-testid="from-form"]').count()).toBe(0);
    await page.goto(`${served.url}/orienter?retour=${encodeURIComponent('https://example.org/')}`);
    await page.locator('#ven-q').waitFor();
    expect(await page.locator('[data-testid="from-form"]').count()).toBe(0);
    expect(await page.locator('[data-testid="orient-here"]').count()).toBe(0);
  });
});
