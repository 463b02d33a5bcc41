import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goOffline, launchDevice, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';

// quality.md item 1: install, go offline, reload, open every screen by deep link.
const SCREENS = ['/', '/accompagnements', '/accompagnements/nouveau', '/portail', '/orienter', '/synchro', '/reglages', '/kiosque'];

async function expectScreenRendered(page: Page, path: string) {
  await page.waitForSelector('main, [role="main"], #main', { timeout: 15_000 });
  const text = await page.locator('body').innerText();
  expect(text, `${path} shows the error screen`).not.toContain("Cet écran n'a pas pu s'afficher");
  expect(text, `${path} shows "page not found"`).not.toContain('Page introuvable');
  expect(text.trim().length, `${path} is blank`).toBeGreaterThan(20);
}

describe('the app shell offline', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let context: BrowserContext;

  beforeAll(async () => {
    served = await serveHub();
    device = await launchDevice();
    context = device.context;
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it('works on first visit, then with the network off and the hub stopped, on every deep link', async () => {
    const t0 = Date.now();
    const lap = (what: string) => console.log(what, Date.now() - t0, 'ms');
    const page = await context.newPage();
    await page.goto(served.url + '/');
    await expect(page.locator('h1, .lead').first()).toBeDefined();
    await waitForServiceWorker(page);
    lap('sw');
    const buildId = await page.evaluate(() => document.documentElement.dataset.build);
    expect(buildId).toBeTruthy();

    await served.stop();
    lap('hub stopped');
    await goOffline(context);
    await page.reload();
    lap('offline reload');
    await expectScreenRendered(page, '/');
    expect(await page.locator('[data-testid="network-state"]').innerText()).toBe('Hors ligne');

    for (const path of SCREENS) {
      await page.goto(served.url + path);
      await expectScreenRendered(page, path);
      lap(path);
    }
    // A path that is no screen says so, offline too.
    await page.goto(served.url + '/nulle-part');
    await page.waitForSelector('main');
    expect(await page.locator('main h1').innerText()).toBe('Page introuvable');
  });

  it('switches to Arabic right-to-left and keeps the choice across reloads', async () => {
    const page = await context.newPage();
    await page.goto(served.url + '/reglages');
    await page.waitForSelector('main h1');
    await page.locator('header select').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.reload();
    await page.waitForSelector('main h1');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('main h1').innerText()).toBe('الإعدادات');
    await page.locator('header select').selectOption('fr');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });
});
