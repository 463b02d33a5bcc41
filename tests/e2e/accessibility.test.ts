import { axeViolations } from '../helpers/axe.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, launchDevice, serveHub, type ServedHub } from '../helpers/browser.ts';

// quality.md: axe-core reports no WCAG 2.1 AA violation on every screen, in French and in
// Arabic (RTL); touch targets are at least 44 px.
const SCREENS = ['/', '/accompagnements', '/accompagnements/nouveau', '/portail', '/orienter', '/synchro', '/reglages', '/kiosque', '/coordination'];

/** Controls smaller than 44 px (inline text links excepted, as WCAG 2.5.5 allows). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>('button, select, input:not([type=hidden]), [role=button], a.btn, a.tile, .choice, textarea');
    for (const el of els) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // not displayed
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      const isCheck = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
      // A checkbox or radio counts with its label.
      const box = isCheck && el.closest('label') ? el.closest('label')!.getBoundingClientRect() : r;
      if (Math.min(box.width, box.height) < 43.5) out.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return out;
  });
}

describe.each(['fr', 'ar'])('accessibility of every screen in %s', (lang) => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  beforeAll(async () => {
    served = await serveHub();
    device = await launchDevice({ locale: lang === 'ar' ? 'ar' : 'fr-FR' });
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it.each(SCREENS)('%s has no axe violation and 44 px targets', async (path) => {
    const page = await device.context.newPage();
    await page.addInitScript((l) => localStorage.setItem('kariole.lang', l), lang);
    await page.goto(served.url + path);
    await page.waitForSelector('main', { timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await smallTargets(page)).toEqual([]);
    await page.close();
  });
});
