// Chromium and hubs for the browser figures (the system Chromium, headless, the flags of the
// e2e tests), reusing the e2e helpers so the bench drives the app exactly as the tests do.
import type { CDPSession, Page } from 'playwright-core';
export { CHROMIUM_FLAGS, launchDevice, serveHub, waitForServiceWorker, type ServedHub } from '../../tests/helpers/browser.ts';

export const CHROME_PATH = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Slows the page's CPU (Emulation.setCPUThrottlingRate): 4 = a cheap tablet. */
export async function throttleCpu(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** Chromium on a given profile folder (a device that was used before: its service worker and IndexedDB kept). */
export async function launchProfile(userDataDir: string, opts: { offline?: boolean; bypassCSP?: boolean } = {}) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_FLAGS: flags, TABLET } = await import('../../tests/helpers/browser.ts');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    args: flags,
    headless: true,
    locale: 'fr-FR',
    viewport: TABLET,
    serviceWorkers: 'allow',
    offline: opts.offline ?? false,
    bypassCSP: opts.bypassCSP ?? false,
  });
  return context;
}
