import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchDevice, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { venuesOnDevice } from './venues-device.ts';

// Issue 15: every screen whole on a phone. Each route (mediator screens, the coordination
// screens after login, the kiosk) is opened at 360 and 390 px wide, in French and in Arabic: the
// document must not be wider than the window (no sideways scroll), the menu keeps "Synchro" and
// its badge on screen, and "Hors ligne" stays on one line. Screenshots at 360 px are written to
// .e2e/phone-360/ (see the README) for people to look at.

const SHOTS = path.resolve('.e2e/phone-360');
// a place's hub id is its source and its id in that source
const COLOMARS = 'france-services:mediation-numerique-france-services-24';
const WIDTHS = [360, 390] as const;
const LANGS = ['fr', 'ar'] as const;

const MEDIATOR_ROUTES = [
  '/',
  '/accompagnements',
  '/accompagnements/nouveau',
  '/portail',
  '/portail/site/impots',
  '/orienter',
  `/orienter/${COLOMARS}`,
  `/orienter/${COLOMARS}/fiche`,
  '/synchro',
  '/reglages',
  '/kiosque',
];
const COORDINATION_ROUTES = ['/coordination', '/coordination/exports', '/coordination/appareils', '/coordination/lieux', '/coordination/structures', '/coordination/comptes'];

interface Overflow {
  route: string;
  width: number;
  lang: string;
  scrollWidth: number;
  culprits: string[];
}

/** The document's width against the window's, and the elements sticking out. */
async function overflowOf(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > w + 0.5 || r.left < -0.5) && getComputedStyle(el).position !== 'fixed';
      })
      .slice(0, 6)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} ${Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: w, culprits };
  });
}

describe('every screen whole on a phone (360 and 390 px, French and Arabic)', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let context: BrowserContext;
  let page: Page;
  const overflows: Overflow[] = [];

  /** Records an overflow of the screen as it is now, and its screenshot at 360 px. */
  async function measure(route: string, width: number, lang: string): Promise<void> {
    await page.waitForTimeout(250);
    const o = await overflowOf(page);
    expect(await page.evaluate(() => document.documentElement.dir), `${route} ${lang}`).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    if (o.scrollWidth > o.innerWidth) overflows.push({ route, width, lang, scrollWidth: o.scrollWidth, culprits: o.culprits });
    if (width === 360) {
      const name = `${lang}${route === '/' ? '-home' : route.replace(/[/:() ]+/g, '-')}.png`;
      await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
    }
  }

  async function visit(route: string, width: number, lang: string, ready?: () => Promise<unknown>): Promise<void> {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${served.url}${route}`);
    await page.locator('main').first().waitFor();
    if (ready) await ready();
    await measure(route, width, lang);
  }

  beforeAll(async () => {
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
    served = await serveHub();
    device = await launchDevice({ viewport: { width: 390, height: 844 } });
    context = device.context;
    page = await context.newPage();
    await page.goto(`${served.url}/`);
    await waitForServiceWorker(page);
    await page.goto(`${served.url}/synchro`);
    await page.locator('#sync-code').fill(served.hub.seeded!.enrolmentCode);
    await page.locator('[data-testid="sync-enrol-submit"]').click();
    const deadline = Date.now() + 90_000;
    while ((await venuesOnDevice(page)) < 646) {
      if (Date.now() > deadline) throw new Error('places not synced');
      await page.waitForTimeout(500);
    }
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it.each(LANGS)('mediator screens in %s', async (lang) => {
    await page.evaluate((l) => localStorage.setItem('kariole.lang', l), lang);
    for (const width of WIDTHS) for (const route of MEDIATOR_ROUTES) await visit(route, width, lang);
  });

  it('keeps "Synchro" and its badge on screen, and "Hors ligne" on one line', async () => {
    for (const lang of LANGS) {
      await page.evaluate((l) => localStorage.setItem('kariole.lang', l), lang);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        await context.setOffline(true);
        await page.goto(`${served.url}/`);
        const sync = page.locator(`header a[href="/synchro"]`).first();
        await sync.waitFor();
        const box = (await sync.boundingBox())!;
        expect(box.x, `${lang} ${width}: Synchro link inside the screen`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${lang} ${width}`).toBeLessThanOrEqual(width);
        const nav = await page.locator('header nav').first().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(nav.scroll, `${lang} ${width}: the menu does not scroll sideways`).toBeLessThanOrEqual(nav.client + 1);
        const status = page.getByText(lang === 'fr' ? 'Hors ligne' : 'غير متصل', { exact: true }).first();
        await status.waitFor();
        const lines = await status.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        expect(lines, `${lang} ${width}: offline status on one line`).toBe(1);
        await context.setOffline(false);
      }
    }
  });

  it.each(LANGS)('coordination screens after login in %s', async (lang) => {
    await page.evaluate((l) => localStorage.setItem('kariole.lang', l), lang);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${served.url}/coordination`);
    await page.locator('#coo-email, [data-testid="kpi-accompaniments"]').first().waitFor();
    const email = page.locator('#coo-email');
    if (await email.count()) {
      await email.fill(served.hub.seeded!.adminEmail);
      await page.locator('input[type="password"]').fill(served.hub.seeded!.adminPassword);
      await page.locator('form button[type="submit"]').click();
    }
    await page.getByTestId('kpi-accompaniments').waitFor();
    await page.goto(`${served.url}/coordination/structures`);
    const first = page.locator('main a[href^="/coordination/structures/"]').first();
    await first.waitFor();
    const structureRoute = (await first.getAttribute('href'))!;
    for (const width of WIDTHS) {
      for (const route of [...COORDINATION_ROUTES, structureRoute]) {
        await visit(route, width, lang, () => (route === '/coordination' ? page.getByTestId('kpi-accompaniments').waitFor() : page.locator('main h1').first().waitFor()));
      }
    }
  });

  it.each(LANGS)('the kiosk in %s', async (lang) => {
    await page.evaluate((l) => localStorage.setItem('kariole.lang', l), lang);
    await page.goto(`${served.url}/kiosque`);
    // an enrolled device's kiosk uses its structure's PIN: the set-up screen only has "start"
    await page.locator('[data-testid="setup-start"], [data-testid="kiosk-welcome"]').first().waitFor();
    if (await page.getByTestId('setup-pin').count()) {
      await page.getByTestId('setup-pin').fill('2468');
      await page.getByTestId('setup-pin-confirm').fill('2468');
    }
    if (await page.getByTestId('setup-start').count()) await page.getByTestId('setup-start').click();
    await page.getByTestId('kiosk-welcome').waitFor();
    if (lang === 'fr') {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        await measure('/kiosque', width, lang);
      }
    }
    await page.getByTestId('kiosk-start').click();
    await page.getByTestId('category-famille_scolarite').waitFor();
    if (lang === 'ar') {
      await page.getByTestId('kiosk-language').click();
      await page.getByTestId('lang-ar').click();
      await page.waitForFunction(() => document.documentElement.lang === 'ar');
    }
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await measure('/kiosque (categories)', width, lang);
    }
    await page.getByTestId('category-famille_scolarite').click();
    await page.getByTestId('kiosk-back').waitFor();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await measure('/kiosque (category)', width, lang);
    }
  });

  it('has found no screen wider than the phone', () => {
    expect(overflows).toEqual([]);
  });
});
