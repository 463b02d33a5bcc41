import fs from 'node:fs';
import { axeViolations as accessibilityViolations } from '../helpers/axe.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchDevice, PHONE, serveHub, TABLET, type ServedHub } from '../helpers/browser.ts';

// quality.md item 7 and issue 6: the lobby kiosk resets itself, hides every mediator screen
// behind the PIN, and is accessible in French and Arabic.

const PIN = '482615';
const MEDIATOR_PATHS = ['/', '/accompagnements', '/accompagnements/nouveau', '/orienter', '/synchro', '/reglages', '/portail', '/portail/site/aidants-connect', '/coordination'];

/** What the tablet shows (the viewport, not the whole scrolled page), for people to look at. */
async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync('.e2e/screenshots', { recursive: true });
  await page.screenshot({ path: `.e2e/screenshots/${name}.png` });
}

/** The mediator opens /kiosque, chooses the exit PIN (not enrolled yet) and starts the kiosk. */
async function startKiosk(page: Page, url: string): Promise<void> {
  await page.goto(url + '/kiosque');
  await page.getByTestId('setup-pin').fill(PIN);
  await page.getByTestId('setup-pin-confirm').fill(PIN);
  await page.getByTestId('setup-start').click();
  await page.getByTestId('kiosk-welcome').waitFor();
}

async function touchToStart(page: Page): Promise<void> {
  await page.getByTestId('kiosk-start').click();
  await page.getByTestId('category-famille_scolarite').waitFor();
}

async function switchLanguage(page: Page, code: string): Promise<void> {
  await page.getByTestId('kiosk-language').click();
  await page.getByTestId(`lang-${code}`).click();
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

describe('the lobby kiosk', () => {
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

  it('shows the public portal in big tiles and never the tools for professionals', async () => {
    const page = await context.newPage();
    await startKiosk(page, served.url);
    await screenshot(page, 'kiosk-fr-welcome');
    expect(await page.locator('h1').innerText()).toBe('Bienvenue');
    await expect(page.getByText("Touchez l'écran pour commencer").isVisible()).resolves.toBe(true);
    await touchToStart(page);
    await screenshot(page, 'kiosk-fr-portal');
    // Read-aloud is offered only when the device has a French voice.
    const frenchVoices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.startsWith('fr')).length);
    expect(await page.locator('.read-aloud').count() > 0).toBe(frenchVoices > 0);
    expect(await page.locator('[data-testid^="link-"]').count()).toBeGreaterThan(0);
    await page.getByTestId('portal-search').fill('aidants');
    expect(await page.getByTestId('link-aidants-connect').count()).toBe(0);
    await page.getByTestId('portal-search').fill('');
    await page.getByTestId('category-general').click();
    expect(await page.getByTestId('link-service-public').count()).toBe(1);
    expect(await page.getByTestId('link-aidants-connect').count()).toBe(0);
    await page.close();
  });

  it('goes back to the welcome screen in French, its state cleared, after the idle timeout', async () => {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(served.url + '/kiosque');
    await page.getByTestId('kiosk-welcome').waitFor();
    await touchToStart(page);
    const historyLength = await page.evaluate(() => history.length);
    await page.getByTestId('category-justice').click();
    await page.getByTestId('kiosk-back').click();
    await switchLanguage(page, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByTestId('portal-search').fill('CAF');
    await page.getByTestId('link-caf').click();
    await page.getByTestId('kiosk-sheet').waitFor();
    expect(await page.getByTestId('kiosk-sheet').innerText()).toContain('مساعدات CAF');
    // Moving around the kiosk leaves no history for the next person to go back through.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    // 1 min 30 s of reading: still there, no warning yet.
    await page.clock.runFor(90_000);
    expect(await page.getByTestId('kiosk-sheet').isVisible()).toBe(true);
    expect(await page.getByTestId('idle-warning').count()).toBe(0);
    // 20 s before the reset: a visible countdown with "Continuer" (in the visitor's language)
    await page.clock.runFor(15_000);
    await page.getByTestId('idle-warning').waitFor();
    expect(await page.getByTestId('idle-seconds').innerText()).toContain('15');
    await page.clock.runFor(5_000);
    expect(await page.getByTestId('idle-seconds').innerText()).toContain('10');
    expect(await page.getByTestId('idle-continue').innerText()).toBe('متابعة');
    // "Continuer" restarts the count; the sheet is still there; then 2 min without any touch.
    await page.getByTestId('idle-continue').click();
    expect(await page.getByTestId('idle-warning').count()).toBe(0);
    expect(await page.getByTestId('kiosk-sheet').isVisible()).toBe(true);
    await page.clock.runFor(60_000);
    expect(await page.getByTestId('kiosk-sheet').isVisible()).toBe(true);
    await page.clock.runFor(61_000);
    await page.getByTestId('kiosk-welcome').waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'fr' && document.documentElement.dir === 'ltr');
    expect(await page.locator('h1').innerText()).toBe('Bienvenue');
    expect(await page.getByTestId('kiosk-sheet').count()).toBe(0);
    await touchToStart(page);
    expect(await page.getByTestId('portal-search').inputValue()).toBe('');
    expect(await page.getByTestId('link-caf').count()).toBe(1); // pinned, on the home again
    await page.close();
  });

  it('reaches no mediator screen without the PIN, by deep link or reload, and leaves with it', async () => {
    const page = await context.newPage();
    for (const path of MEDIATOR_PATHS) {
      await page.goto(served.url + path);
      await page.getByTestId('kiosk').waitFor();
      await page.waitForURL((u) => u.pathname === '/kiosque');
      expect(await page.locator('.app-header').count(), `header shown at ${path}`).toBe(0);
      expect(await page.locator('body').innerText()).not.toMatch(/Mes accompagnements|Synchronisation|Aidants Connect/);
    }
    await page.reload();
    await page.getByTestId('kiosk-welcome').waitFor();
    await touchToStart(page);

    await page.getByTestId('kiosk-exit').click();
    await page.getByTestId('exit-pin').fill('000000');
    await page.getByTestId('exit-submit').click();
    await expect(page.getByRole('alert').innerText()).resolves.toBe('Code incorrect.');
    expect(await page.evaluate(() => localStorage.getItem('kariole.kioskLocked'))).toBe('1');
    await page.getByTestId('exit-pin').fill(PIN);
    await page.getByTestId('exit-submit').click();
    await page.waitForURL((u) => u.pathname === '/portail');
    await page.locator('.app-header').waitFor();
    await page.getByTestId('enter-kiosk').waitFor();
    // Back in: started again from the mediator's portal.
    await page.getByTestId('enter-kiosk').click();
    await page.getByTestId('setup-pin').fill(PIN);
    await page.getByTestId('setup-pin-confirm').fill(PIN);
    await page.getByTestId('setup-start').click();
    await page.getByTestId('kiosk-welcome').waitFor();
    await page.close();
  });

  it('writes each language in its own script, with no flag, and shows no printer words to the public', async () => {
    const page = await context.newPage();
    await page.goto(served.url + '/kiosque');
    await page.getByTestId('kiosk-welcome').waitFor();
    const names = await page.locator('.kiosk-lang').allInnerTexts();
    expect(names.map((n) => n.trim())).toEqual(['Français', 'English', 'العربية', 'Español', 'Português', 'Türkçe', 'Українська']);
    expect(await page.locator('.kiosk-lang img, .kiosk-bar img, img[src*="flag"]').count()).toBe(0);
    await touchToStart(page);
    expect(await page.locator('img[src*="flag"]').count()).toBe(0);
    await page.getByTestId('portal-search').fill('CAF');
    await page.getByTestId('link-caf').click();
    await page.getByTestId('kiosk-sheet').waitFor();
    const sheet = await page.getByTestId('kiosk-sheet').innerText();
    expect(sheet).not.toMatch(/ticket|\bmm\b|80|58/i);
    expect(await page.getByTestId('print-checklist').isVisible()).toBe(true);
    await page.close();
  });

  for (const size of [TABLET, PHONE]) {
    it(`keeps the sheet's close button at the top and on screen, read-aloud shown (${size.width} px)`, async () => {
      const page = await context.newPage();
      await page.setViewportSize(size);
      // a French voice, so that the read-aloud buttons are shown
      await page.addInitScript(() => {
        const voice = { lang: 'fr-FR', name: 'Voix', voiceURI: 'voix', localService: true, default: true };
        Object.defineProperty(speechSynthesis, 'getVoices', { value: () => [voice] });
      });
      await page.goto(served.url + '/kiosque');
      await page.getByTestId('kiosk-welcome').waitFor();
      await touchToStart(page);
      await page.getByTestId('portal-search').fill('CAF');
      await page.getByTestId('link-caf').click();
      const dialog = page.getByTestId('kiosk-sheet');
      await dialog.waitFor();
      expect(await dialog.locator('.read-aloud').count()).toBeGreaterThan(0);
      const close = page.getByTestId('sheet-close');
      const onScreen = async () => {
        const box = (await close.boundingBox())!;
        return box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width;
      };
      // at the top: above the sheet's title
      const title = (await dialog.locator('#kiosk-sheet-title').boundingBox())!;
      expect((await close.boundingBox())!.y).toBeLessThan(title.y);
      expect(await onScreen()).toBe(true);
      // scrolled to the end of the sheet: still on screen, and it still closes
      await dialog.evaluate((d) => d.scrollTo(0, d.scrollHeight));
      await page.waitForTimeout(100);
      expect(await dialog.evaluate((d) => d.scrollTop)).toBeGreaterThan(0);
      expect(await onScreen()).toBe(true);
      await screenshot(page, `kiosk-fr-sheet-scrolled-${size.width}`);
      await close.click();
      expect(await dialog.count()).toBe(0);
      await page.close();
    });
  }

  it('tells the team, in the set-up screen, which kiosk languages have no voice for read-aloud', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const voice = { lang: 'fr-FR', name: 'Voix', voiceURI: 'voix', localService: true, default: true };
      Object.defineProperty(speechSynthesis, 'getVoices', { value: () => [voice] });
      // the team is setting up: not locked
      localStorage.removeItem('kariole.kioskLocked');
    });
    await page.goto(served.url + '/kiosque');
    const notice = page.getByTestId('setup-voices');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('pas de voix');
    for (const name of ['English', 'العربية', 'Українська']) expect(text).toContain(name);
    expect(text).not.toContain('Français');
    await page.evaluate(() => localStorage.setItem('kariole.kioskLocked', '1'));
    await page.close();
  });

  for (const lang of ['fr', 'ar'] as const) {
    it(`has no accessibility violation on the kiosk screens in ${lang}`, async () => {
      const page = await context.newPage();
      await page.goto(served.url + '/kiosque');
      await page.getByTestId('kiosk-welcome').waitFor();
      if (lang === 'ar') {
        await page.getByTestId('lang-ar').click();
        await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      }
      const screens: [string, () => Promise<void>][] = [
        ['welcome', async () => {}],
        ['portal', async () => (lang === 'fr' ? touchToStart(page) : page.getByTestId('category-famille_scolarite').waitFor())],
        ['category', () => page.getByTestId('category-social_sante').click()],
        ['sheet', async () => {
          await page.getByTestId('link-ameli').click();
          await page.getByTestId('kiosk-sheet').waitFor();
        }],
        ['glossary', async () => {
          await page.getByTestId('sheet-close').click();
          await page.getByTestId('kiosk-glossary').click();
          await page.getByTestId('glossary').waitFor();
        }],
        ['language', async () => {
          await page.getByTestId('kiosk-language').click();
          await page.getByTestId('language-dialog').waitFor();
        }],
        ['exit', async () => {
          await page.keyboard.press('Escape');
          await page.getByTestId('kiosk-exit').click();
          await page.getByTestId('exit-dialog').waitFor();
        }],
      ];
      if (lang === 'ar') screens.shift();
      for (const [name, go] of screens) {
        await go();
        expect(await accessibilityViolations(page), `${name} in ${lang}`).toEqual([]);
        await screenshot(page, `kiosk-${lang}-${name}`);
      }
      await page.close();
    });
  }
});
