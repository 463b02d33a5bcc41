import { axeViolations } from '../helpers/axe.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goOffline, goOnline, launchDevice, screenshot, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { listVenueReports } from '../../src/hub/repositories/venue-reports.ts';
import { DEMO_OWN_PLACES } from '../../src/hub/seed/venues.ts';
import { venuesOnDevice } from './venues-device.ts';

/** Controls under 44 px (inline text links excepted). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main select, main input, main a.btn, main .choice, main textarea, main summary')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && Math.min(r.width, r.height) < 43.5;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`),
  );
}

// The venue directory on an enrolled tablet, offline: search, filter, open a place, report an
// error, orient, and print the slip on A4 and on a 58 mm roll (print media emulated).

// a place's hub id is its source and its id in that source
const COLOMARS = 'france-services:mediation-numerique-france-services-24';
/** the Région Sud sample and the demo structure's own places */
const ALL_PLACES = 646 + DEMO_OWN_PLACES.length;

async function enrolAndSync(page: Page, url: string, code: string): Promise<void> {
  await page.goto(`${url}/synchro`);
  await page.locator('#sync-code').fill(code);
  await page.locator('[data-testid="sync-enrol-submit"]').click();
  const deadline = Date.now() + 60_000;
  while ((await venuesOnDevice(page)) < ALL_PLACES) {
    if (Date.now() > deadline) throw new Error(`only ${await venuesOnDevice(page)} places synced`);
    await page.waitForTimeout(500);
  }
}

async function search(page: Page, text: string): Promise<void> {
  await page.locator('#ven-q').fill(text);
}

async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('[data-testid="venue-count"]').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

describe('venue directory on an offline tablet', () => {
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
    await enrolAndSync(page, served.url, served.hub.seeded!.enrolmentCode);
    await goOffline(context);
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it('searches with accents folded and a typo, offline after a reload', async () => {
    await page.goto(`${served.url}/orienter`);
    await page.locator('#ven-q').waitFor();
    expect(await resultCount(page)).toBe(ALL_PLACES);
    await search(page, 'colomar');
    await expect.poll(() => resultCount(page)).toBe(1);
    await search(page, 'COLOMRAS');
    await expect.poll(() => resultCount(page)).toBe(1);
    await search(page, 'médiathèque vence');
    await expect.poll(async () => (await page.locator('.ven-card__name').allTextContents()).join('|')).toContain('Médiathèque de Vence');
    await screenshot(page, 'venues-search');
  });

  it('filters OR within a group and AND across groups', async () => {
    await search(page, '');
    await page.locator('.ven-filters summary').click();
    await page.locator('[data-filter="franceServices"]').click();
    await expect.poll(() => resultCount(page)).toBeLessThan(ALL_PLACES);
    const franceServices = await resultCount(page);
    await page.locator('[data-filter="conseillersNumeriques"]').click();
    await expect.poll(() => resultCount(page)).toBeGreaterThan(franceServices);
    const either = await resultCount(page);
    await page.locator('[data-filter="weekend"]').click();
    await expect.poll(() => resultCount(page)).toBeLessThan(either);
    await search(page, 'colomars');
    await expect.poll(() => resultCount(page)).toBe(1);
    await page.locator('[data-filter="gratuit"]').click(); // same group as "weekend": OR
    await expect.poll(() => resultCount(page)).toBe(1);
    await page.locator('[data-filter="handicapsMoteurs"]').click(); // another group: AND
    await expect.poll(() => resultCount(page)).toBe(0);
    await screenshot(page, 'venues-filters');
    await page.locator('.ven-filters button', { hasText: 'Effacer les filtres' }).click();
  });

  it('opens a place with its hours in words and its week, and keeps an error report in the outbox', async () => {
    await search(page, 'colomars');
    await page.locator('.ven-card__link').first().click();
    await page.locator('h1', { hasText: 'France services Colomars' }).waitFor();
    await expect.poll(async () => page.locator('[data-testid="hours-state"]').textContent()).toMatch(/^(Ouvert jusqu'à \d|Fermé · ouvre )/);
    expect(await page.locator('.ven-week tr').count()).toBe(7);
    expect(await page.locator('a[href^="tel:+33493378242"]').textContent()).toContain('04 93 37 82 42');
    await page.locator('.ven-report summary').click();
    await page.locator('#ven-report-field').selectOption('telephone');
    await page.locator('#ven-report-proposed').fill('04 93 00 00 00');
    await page.locator('.ven-report button[type="submit"]').click();
    await page.locator('[data-testid="my-reports"]', { hasText: 'En attente d’envoi' }).or(page.locator('[data-testid="my-reports"]', { hasText: "En attente d'envoi" })).waitFor();
    await screenshot(page, 'venues-detail');
  });

  it('shows hours that do not parse as written, never as closed', async () => {
    const id = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const req = indexedDB.open('kariole');
          // never create the database nor block the app's own upgrade of it: the app opens it first
          req.onupgradeneeded = () => req.transaction?.abort();
          req.onsuccess = () => {
            const all = req.result.transaction('venues').objectStore('venues').getAll();
            all.onsuccess = () => {
              const bad = (all.result as { id: string; horaires?: string }[]).find((v) => v.horaires && /\d-\d\d:\d\d-|^[A-Z][a-z] \d\d:\d\d$/.test(v.horaires));
              resolve(bad?.id ?? '');
            };
          };
        }),
    );
    expect(id).not.toBe('');
    await page.goto(`${served.url}/orienter/${encodeURIComponent(id)}`);
    await page.locator('[data-testid="hours-raw"]').waitFor();
    expect(await page.locator('[data-testid="hours-state"]').count()).toBe(0);
  });

  it('prints the orientation slip on A4 and on a 58 mm roll', async () => {
    await page.goto(`${served.url}/orienter/${COLOMARS}/fiche?format=a4`);
    await page.locator('[data-testid="slip"] .slip__qr img').waitFor();
    await page.locator('[data-testid="slip-week"]').waitFor();
    const demarche = page.locator('#slip-demarche');
    if (await demarche.count()) {
      await demarche.selectOption({ index: 1 });
      await page.locator('[data-testid="slip-checklist"] li').first().waitFor();
    }
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.slip-controls').isVisible()).toBe(false);
    await screenshot(page, 'venues-slip-a4-print');
    const a4 = await page.pdf({ preferCSSPageSize: true });
    expect(pdfPageWidthMm(a4)).toBeCloseTo(210, 0);

    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 260, height: 900 });
    await page.goto(`${served.url}/orienter/${COLOMARS}/fiche?format=58mm`);
    await page.locator('[data-testid="slip"].slip--58mm .slip__qr img').waitFor();
    await page.emulateMedia({ media: 'print' });
    const box = await page.locator('[data-testid="slip"]').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(200); // 50 mm of text at 96 dpi
    await screenshot(page, 'venues-slip-58mm-print');
    const roll = await page.pdf({ preferCSSPageSize: true });
    expect(pdfPageWidthMm(roll)).toBeCloseTo(58, 0);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('remembers the paper chosen in settings', async () => {
    await page.goto(`${served.url}/reglages`);
    await page.locator('[data-layout="80mm"]').click();
    await page.locator('[data-layout="80mm"][aria-pressed="true"]').waitFor();
    await page.goto(`${served.url}/orienter/${COLOMARS}/fiche`);
    await page.locator('[data-testid="slip"].slip--80mm').waitFor();
  });

  it('hands the place over to the accompaniment form with "Orienter ici"', async () => {
    await page.goto(`${served.url}/orienter/${COLOMARS}`);
    await page.locator('a', { hasText: 'Orienter ici' }).click();
    await page.waitForURL(/\/accompagnements\/nouveau/);
    await page.locator('[data-testid="oriented-venue"]', { hasText: 'France services Colomars' }).waitFor({ timeout: 15_000 });
  });

  it.each([
    ['fr', ''],
    ['fr', `/${COLOMARS}`],
    ['fr', `/${COLOMARS}/fiche`],
    ['ar', ''],
    ['ar', `/${COLOMARS}`],
    ['ar', `/${COLOMARS}/fiche`],
  ])('has no axe violation and 44 px targets (%s, /orienter%s)', async (lang, sub) => {
    await page.evaluate((l) => localStorage.setItem('kariole.lang', l), lang);
    await page.goto(`${served.url}/orienter${sub}`);
    await page.locator('main h1').first().waitFor();
    const summary = page.locator('.ven-filters summary, .ven-report summary').first();
    if (await summary.count()) await summary.click(); // open the folded parts too
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    if (lang === 'ar') await screenshot(page, `venues-ar${sub.replace(/\//g, '-').slice(0, 20)}`);
    await page.evaluate(() => localStorage.setItem('kariole.lang', 'fr'));
  });

  it('sends the error report to the coordinators once the network is back', async () => {
    await goOnline(context);
    await page.goto(`${served.url}/synchro`);
    await page.locator('[data-testid="sync-now"]').click();
    await expect
      .poll(async () => (await listVenueReports(served.hub.database.db, {})).map((r) => [r.venueId, r.field, r.proposed]), { timeout: 30_000 })
      .toEqual([[COLOMARS, 'telephone', '04 93 00 00 00']]);
    await page.goto(`${served.url}/orienter/${COLOMARS}`);
    await page.locator('.ven-report summary').click();
    await page.locator('[data-testid="my-reports"]', { hasText: 'Envoyé' }).waitFor();
  });
});

/** Width of the first page of a PDF (MediaBox, points → mm). */
function pdfPageWidthMm(pdf: Buffer): number {
  const m = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!m) throw new Error('no MediaBox in the PDF');
  return ((Number(m[3]) - Number(m[1])) * 25.4) / 72;
}
