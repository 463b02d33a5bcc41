import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goOffline, goOnline, launchDevice, serveHub, TABLET, type ServedHub } from '../helpers/browser.ts';

// The mediator's portal: search with accents folded, pro tools, the site sheet, the way out to
// the real site (a new top-level tab, never a frame) and the printable checklist.

async function openSite(page: Page, url: string, id: string): Promise<void> {
  await page.goto(`${url}/portail/site/${id}`);
  await page.getByTestId('link-sheet').waitFor();
}

/** Width in millimetres of the first page of a PDF printed with the page's own @page size. */
async function printedPageWidthMm(page: Page): Promise<number> {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: false })).toString('latin1');
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
  if (!box) throw new Error('no MediaBox in the PDF');
  return (Number(box[1]) / 72) * 25.4;
}

describe('the mediator’s portal', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let context: BrowserContext;

  beforeAll(async () => {
    served = await serveHub();
    device = await launchDevice({ viewport: TABLET });
    context = device.context;
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it('finds sites whatever the accents, and shows the tools for professionals', async () => {
    const page = await context.newPage();
    await page.goto(served.url + '/portail');
    await page.getByTestId('portal-search').waitFor();
    expect(await page.getByTestId('link-aidants-connect').count()).toBe(1);
    await page.screenshot({ path: '.e2e/screenshots/portal-fr-home.png', fullPage: true });
    await page.getByTestId('portal-search').fill('securite sociale');
    await page.getByTestId('link-ameli').waitFor();
    await page.getByTestId('portal-search').fill('IMPÔTS');
    await page.getByTestId('link-impots').waitFor();
    await page.getByTestId('link-impots').click();
    await page.waitForURL((u) => u.pathname === '/portail/site/impots');
    expect(await page.locator('h1').innerText()).toBe('impots.gouv.fr');
    expect(await page.getByTestId('link-sheet').innerText()).toContain('Votre numéro fiscal');
    await page.screenshot({ path: '.e2e/screenshots/portal-fr-site.png' });
    await page.close();
  });

  it('opens the real site as a top-level page in a new tab, never in a frame', async () => {
    const page = await context.newPage();
    await openSite(page, served.url, 'caf');
    const open = page.getByTestId('open-site');
    expect(await open.getAttribute('href')).toBe('https://www.caf.fr');
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(await open.getAttribute('rel')).toContain('noopener');
    expect(await page.locator('iframe, frame, object, embed').count()).toBe(0);
    await page.close();
  });

  it('says a connection is needed to open a site when offline, while the rest keeps working', async () => {
    const page = await context.newPage();
    await openSite(page, served.url, 'ameli');
    await goOffline(context);
    try {
      await page.getByTestId('open-site-offline').waitFor();
      expect(await page.getByTestId('open-site').count()).toBe(0);
      expect(await page.getByTestId('open-site-offline').innerText()).toContain('Connexion internet nécessaire');
      expect(await page.getByTestId('link-sheet').innerText()).toContain('Votre numéro de sécurité sociale');
      await page.getByRole('link', { name: 'Tous les thèmes' }).click();
      await page.getByTestId('category-logement').click();
      await page.getByTestId('link-chequeenergie').waitFor();
    } finally {
      await goOnline(context);
    }
    await page.close();
  });

  it('prints the checklist on A4 or on a 58 mm receipt roll', async () => {
    const page = await context.newPage();
    await openSite(page, served.url, 'anef');
    // window.print() would open the system dialog: record the call, then print for real to PDF.
    await page.evaluate(() => {
      (window as unknown as { printedAs?: string }).printedAs = undefined;
      window.print = () => ((window as unknown as { printedAs?: string }).printedAs = document.documentElement.dataset.print);
    });
    await page.getByRole('button', { name: 'Ticket 58 mm' }).click();
    await page.getByTestId('print-checklist').click();
    expect(await page.evaluate(() => (window as unknown as { printedAs?: string }).printedAs)).toBe('58');
    expect(await printedPageWidthMm(page)).toBeCloseTo(58, 0);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.getByRole('button', { name: 'Page A4' }).click();
    await page.getByTestId('print-checklist').click();
    expect(await printedPageWidthMm(page)).toBeCloseTo(210, 0);
    await page.close();
  });
});
