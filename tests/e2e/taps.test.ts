import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goOffline, launchDevice, serveHub, TABLET, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { choice, givenStructureSettings, isPressed, tabletRecords, TapCounter } from './activities-device.ts';
import { copiedWorkshop, eightPersonWorkshop, usualSession, WORKSHOP_TITLE } from './tap-flows.ts';

// Fewer taps (issue 15), on the real form, offline: the usual session in ≤ 4 taps from the
// home screen with its démarche, an 8-person workshop in ≤ 15 with its counts typed (and fewer
// when copied from the last one of the same title), the CAF under "Logement" and remembered
// with it, frequent themes first. The same flows as bench/app/session-taps.ts.

interface Saved {
  type: string;
  createdAt: string;
  themes: string[];
  adminThemes: string[];
  portalLinkIds: string[];
  autonomy?: string;
  durationMin: number;
  place: { kind: string; venueId?: string };
  workshop?: { title: string; level: string };
  beneficiaries: { total: number; alreadyAccompanied: number; genre: Record<string, number> };
}

describe('fewer taps', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  const saved = async () => (await tabletRecords(page)).rows as unknown as Saved[];

  beforeAll(async () => {
    served = await serveHub({ seed: false });
    base = served.url;
    device = await launchDevice({ viewport: TABLET });
    context = device.context;
    page = await context.newPage();
    await page.goto(`${base}/accompagnements`);
    await waitForServiceWorker(page);
    await page.locator('[data-testid="new-activity"]').waitFor();
    await givenStructureSettings(page);
    await goOffline(context);
    await served.stop();
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it('logs the usual individual session, démarche included, in 4 taps from the home screen', async () => {
    await page.goto(`${base}/`);
    const taps = new TapCounter();
    await usualSession(page, taps);
    console.log(`usual individual session: ${taps.count} taps`);
    expect(taps.count).toBeLessThanOrEqual(4);
    const r = (await saved()).find((x) => x.portalLinkIds.includes('ameli'))!;
    expect(r).toMatchObject({ type: 'individuel', durationMin: 30, autonomy: 'autonome', adminThemes: ['social_sante'], place: { kind: 'lieu_activite', venueId: 'venue-moulins' } });
    expect(r.themes).toHaveLength(1);
    expect(r.beneficiaries).toMatchObject({ total: 1, genre: {} });
  });

  it('logs an 8-person workshop with its counts typed in at most 15 taps, and copies it in fewer', async () => {
    await page.goto(`${base}/`);
    const typed = new TapCounter();
    await eightPersonWorkshop(page, typed);
    await page.goto(`${base}/`);
    const copied = new TapCounter();
    await copiedWorkshop(page, copied);
    console.log(`8-person workshop: ${typed.count} taps typed, ${copied.count} copied`);
    expect(typed.count).toBeLessThanOrEqual(15);
    expect(copied.count).toBeLessThanOrEqual(6);
    const workshops = (await saved()).filter((x) => x.type === 'collectif');
    expect(workshops).toHaveLength(2);
    for (const w of workshops) {
      expect(w).toMatchObject({ durationMin: 120, workshop: { title: WORKSHOP_TITLE, level: 'debutant' }, beneficiaries: { total: 8, alreadyAccompanied: 2, genre: { feminin: 5, masculin: 3 } } });
    }
  });

  it('keeps a typed count within its bounds', async () => {
    await page.goto(`${base}/accompagnements/nouveau`);
    await choice(page, 'Atelier collectif').click();
    await page.locator('#stepper-group-total').fill('4');
    await page.locator('#stepper-group-already').fill('9');
    await page.locator('#stepper-group-already').blur();
    expect(await page.locator('#stepper-group-already').inputValue()).toBe('4');
    await page.locator('#stepper-group-total').fill('10001');
    await page.locator('#stepper-group-total').blur();
    expect(await page.locator('#stepper-group-total').inputValue()).toBe('10000');
    await page.locator('#stepper-group-total').fill('');
    await page.locator('#stepper-group-total').blur();
    expect(await page.locator('#stepper-group-total').inputValue()).toBe('10000');
    await choice(page, 'Annuler').click();
  });

  it('lists the CAF under "Logement", then offers it first with "Logement" remembered', async () => {
    await page.goto(`${base}/accompagnements/nouveau`);
    await choice(page, 'Aide aux démarches administratives').click();
    await choice(page, 'Logement').click();
    await page.locator('[data-testid="site-caf"]').click();
    await choice(page, 'Enregistrer').click();
    await page.locator('[data-testid="saved-notice"]').waitFor();

    await page.goto(`${base}/`);
    const taps = new TapCounter();
    await usualSession(page, taps, 'caf');
    expect(taps.count).toBeLessThanOrEqual(4);
    const cafs = (await saved()).filter((x) => x.portalLinkIds.includes('caf'));
    expect(cafs).toHaveLength(2);
    for (const r of cafs) expect(r.adminThemes).toEqual(['logement']);
  });

  it('offers the mediator\'s frequent démarches first, and their most used themes first', async () => {
    await page.goto(`${base}/accompagnements/nouveau`);
    const frequent = page.locator('#act-frequent [data-testid^="frequent-"]');
    await frequent.first().waitFor();
    // CAF twice, ameli once: CAF first
    expect(await frequent.first().getAttribute('data-testid')).toBe('frequent-caf');
    expect(await frequent.nth(1).getAttribute('data-testid')).toBe('frequent-ameli');
    // "E-mail" (the two workshops) comes first among the other themes
    expect((await page.locator('.act-themes-rest .choice').first().innerText()).trim()).toBe('E-mail');
    // the shortcuts make way once a theme is chosen
    await choice(page, 'E-mail').click();
    expect(await page.locator('#act-frequent').count()).toBe(0);
    expect(await isPressed(choice(page, 'E-mail'))).toBe(true);
    await choice(page, 'Annuler').click();
  });
});
