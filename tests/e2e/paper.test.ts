import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goOffline, launchDevice, screenshot, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { venuesOnDevice } from './venues-device.ts';

// Paper that stays true (issue 15): the orientation slip and the démarche checklist printed to
// PDF by Chromium with the page's own @page size, on A4 and on 80 and 58 mm rolls. Every layout is
// one page; a roll's page is as long as its content. And, in Arabic, a phone number reads in
// order (04 first, on the left) wherever it appears.

// a place's hub id is its source and its id in that source
const COLOMARS = 'france-services:mediation-numerique-france-services-24';
const MM_PER_PT = 25.4 / 72;

interface PdfInfo {
  pages: number;
  sizes: { widthMm: number; heightMm: number }[];
}

/** Pages (/Type /Page objects, not /Pages) and their MediaBox sizes. */
function readPdf(pdf: Buffer): PdfInfo {
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    widthMm: (Number(m[3]) - Number(m[1])) * MM_PER_PT,
    heightMm: (Number(m[4]) - Number(m[2])) * MM_PER_PT,
  }));
  return { pages, sizes };
}

async function printed(page: Page): Promise<PdfInfo> {
  await page.emulateMedia({ media: 'print' });
  const info = readPdf(await page.pdf({ preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  return info;
}

/** Left edges (px) of each space-separated group of a phone number as laid out on screen. */
async function groupLefts(page: Page, selector: string): Promise<{ text: string; lefts: number[] }> {
  return page.locator(selector).first().evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const text = node.data;
    const lefts: number[] = [];
    const re = /\d+/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      lefts.push(range.getBoundingClientRect().left);
    }
    return { text, lefts };
  });
}

const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

describe('paper that stays true, and phone numbers in Arabic', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    served = await serveHub();
    device = await launchDevice();
    context = device.context;
    page = await context.newPage();
    await page.goto(`${served.url}/orienter`);
    await waitForServiceWorker(page);
    await page.goto(`${served.url}/synchro`);
    await page.locator('#sync-code').fill(served.hub.seeded!.enrolmentCode);
    await page.locator('[data-testid="sync-enrol-submit"]').click();
    const deadline = Date.now() + 90_000;
    while ((await venuesOnDevice(page)) < 646) {
      if (Date.now() > deadline) throw new Error(`only ${await venuesOnDevice(page)} places synced`);
      await page.waitForTimeout(500);
    }
    await goOffline(context);
    // the sending structure's phone, from the device settings
    await page.goto(`${served.url}/reglages`);
    await page.locator('#sender-phone').fill('x'.repeat(30));
    await page.getByTestId('sender-phone-save').click();
    await page.locator('[role="alert"]', { hasText: 'trop long' }).waitFor();
    await page.locator('#sender-phone').fill('04 91 00 11 22');
    await page.getByTestId('sender-phone-save').click();
    await page.locator('[role="status"]', { hasText: 'enregistré' }).waitFor();
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  async function openSlip(format: string, withDemarche: boolean): Promise<void> {
    await page.goto(`${served.url}/orienter/${COLOMARS}/fiche?format=${format}`);
    await page.locator('[data-testid="slip-week"]').waitFor();
    await page.locator('[data-testid="slip"] .slip__qr img').waitFor();
    if (withDemarche) {
      await page.locator('#slip-demarche').selectOption({ index: 1 });
      await page.locator('[data-testid="slip-checklist"] li').first().waitFor();
    }
    await page.waitForTimeout(200); // the page size follows the content (ResizeObserver)
  }

  it('prints the week in words, closed days, how to be received and a line for the appointment, no live state', async () => {
    await openSlip('a4', false);
    // the demo directory states no access mode: the slip says so rather than guess
    expect(await page.getByTestId('slip-access').textContent()).toContain('non précisé');
    // the place as a file in the national standard would describe it
    await page.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('kariole');
          req.onsuccess = () => {
            const store = req.result.transaction('venues', 'readwrite').objectStore('venues');
            const get = store.get(id);
            get.onsuccess = () => {
              const put = store.put({ ...get.result, modalites_acces: ['Téléphoner', 'Prendre un RDV en ligne'], prise_rdv: 'https://rdv.example.fr/colomars' });
              put.onsuccess = () => resolve();
              put.onerror = () => reject(new Error('put'));
            };
          };
        }),
      COLOMARS,
    );
    await openSlip('a4', true);
    const access = (await page.getByTestId('slip-access').textContent()) ?? '';
    expect(access).toContain('Sur rendez-vous');
    expect(access).toContain('Prendre rendez-vous par téléphone : 04 93 37 82 42');
    expect(access).toContain('En ligne : rdv.example.fr');
    const slip = page.getByTestId('slip');
    const text = (await slip.textContent()) ?? '';
    expect(await page.locator('[data-testid="slip-week"] li').count()).toBe(7);
    expect(await page.locator('[data-testid="slip-week"] li.is-closed').count()).toBeGreaterThan(0);
    expect(text).toMatch(/dimanche\s*:\s*Fermé/i);
    expect(text).not.toMatch(/Ouvert jusqu|ouvre (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|aujourd)|Fermé ·/);
    expect(await page.locator('[data-testid="hours-state"]').count()).toBe(0);
    expect(text).toMatch(/Sans rendez-vous|Sur rendez-vous/);
    expect(await page.getByTestId('slip-appointment-line').textContent()).toMatch(/Rendez-vous le\s+à/);
    expect(await page.getByTestId('slip-sender').textContent()).toMatch(/Orienté par .+ · 04 91 00 11 22/);
    await screenshot(page, 'paper-slip-a4');
  });

  it.each([
    ['a4', 210, 297],
    ['80mm', 80, 0],
    ['58mm', 58, 0],
  ])('prints the %s slip on one page of the right size', async (format, width, height) => {
    await openSlip(format, false);
    const short = await printed(page);
    await openSlip(format, true);
    const long = await printed(page);
    for (const pdf of [short, long]) {
      expect(pdf.pages).toBe(1);
      expect(pdf.sizes).toHaveLength(1);
      expect(pdf.sizes[0]!.widthMm).toBeCloseTo(width, 0);
      if (height) expect(pdf.sizes[0]!.heightMm).toBeCloseTo(height, 0);
      else expect(pdf.sizes[0]!.heightMm).toBeLessThan(1000);
    }
    if (!height) {
      // a roll is as long as its content: the checklist lengthens it, and it is not a fixed 297 mm
      expect(long.sizes[0]!.heightMm).toBeGreaterThan(short.sizes[0]!.heightMm + 5);
      expect(short.sizes[0]!.heightMm).not.toBeCloseTo(297, 0);
      const slipMm = ((await page.getByTestId('slip').boundingBox())!.height * 25.4) / 96;
      expect(long.sizes[0]!.heightMm).toBeGreaterThanOrEqual(slipMm - 8);
      expect(long.sizes[0]!.heightMm).toBeLessThanOrEqual(slipMm + 12);
    }
  });

  it.each([
    ['A4', 'a4', 210],
    ['80 mm', '80', 80],
    ['58 mm', '58', 58],
  ])('prints the démarche checklist on %s as one page', async (label, layout, width) => {
    await page.goto(`${served.url}/portail/site/anef`);
    await page.getByTestId('link-sheet').waitFor();
    await page.evaluate(() => {
      window.print = () => undefined; // the system dialog: the PDF below is the print
    });
    await page.locator('.link-sheet__print .choice', { hasText: label }).click();
    await page.getByTestId('print-checklist').click();
    expect(await page.evaluate(() => document.documentElement.dataset.print)).toBe(layout);
    const pdf = await printed(page);
    expect(pdf.pages).toBe(1);
    expect(pdf.sizes[0]!.widthMm).toBeCloseTo(width, 0);
    if (layout !== 'a4') expect(pdf.sizes[0]!.heightMm).toBeLessThan(200);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  });

  it('shows a phone number in Arabic with its groups in reading order, 04 on the left', async () => {
    await page.evaluate(() => localStorage.setItem('kariole.lang', 'ar'));
    await page.goto(`${served.url}/orienter/${COLOMARS}`);
    await page.locator('a[href^="tel:"]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const detail = await groupLefts(page, 'a[href^="tel:"] bdi, a[href^="tel:"]');
    expect(detail.text).toContain('04 93 37 82 42');
    expect(detail.lefts).toHaveLength(5);
    expect(ascending(detail.lefts)).toBe(true);

    await page.goto(`${served.url}/orienter/${COLOMARS}/fiche?format=a4`);
    await page.getByTestId('slip-phone').waitFor();
    const slip = await groupLefts(page, '[data-testid="slip-phone"]');
    expect(slip.text).toBe('04 93 37 82 42');
    expect(ascending(slip.lefts)).toBe(true);
    // the hours of a day read left to right too: "9:00–12:00, 14:00–17:00"
    const hours = await groupLefts(page, '.slip__interval');
    expect(hours.text).toBe('8:30–12:30, 13:30–16:30');
    expect(ascending(hours.lefts)).toBe(true);
    const sender = await groupLefts(page, '[data-testid="slip-sender"] bdi');
    expect(sender.text).toBe('04 91 00 11 22');
    expect(ascending(sender.lefts)).toBe(true);
    await screenshot(page, 'paper-slip-a4-ar');
    await page.evaluate(() => localStorage.setItem('kariole.lang', 'fr'));
  });
});
