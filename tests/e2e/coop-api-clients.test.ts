import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { DIST, launchDevice, serveHub, type ServedHub } from '../helpers/browser.ts';
import { logInAsAdmin } from './coordination-login.ts';

// An admin gives a national consumer access to the Coop-compatible API in a real Chromium:
// creates a client (the secret shown once works at once), revokes it; the page is axe-clean
// in French and in Arabic.

describe('API clients screen in a real browser', () => {
  let hub: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    hub = await serveHub({ dist: DIST });
    device = await launchDevice({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    context = device.context;
    page = context.pages()[0] ?? (await context.newPage());
  });
  afterAll(async () => {
    await device?.close();
    await hub?.destroy();
  });

  it('creates a client whose secret opens the API, revokes it, with no accessibility violation', async () => {
    await logInAsAdmin(page, hub);
    await page.getByRole('link', { name: 'Accès API' }).click();
    await page.getByRole('heading', { name: "Accès à l'API", level: 1 }).waitFor();
    await page.getByLabel('Nom du client').fill('Plateforme régionale');
    await page.getByRole('button', { name: 'Créer le client' }).click();
    const shown = page.getByTestId('api-client-secret');
    await shown.waitFor();
    const header = (await shown.locator('code').last().textContent())!.replace(/^Authorization: /, '');
    const ok = await fetch(`${hub.url}/api/v1/activites?page[size]=1`, { headers: { authorization: header } });
    expect(ok.status).toBe(200);
    expect(await axeViolations(page), 'fr').toEqual([]);

    await page.getByRole('button', { name: 'Révoquer Plateforme régionale' }).click();
    await page.getByRole('button', { name: 'Confirmer la révocation de Plateforme régionale' }).click();
    await page.getByText('Révoqué').waitFor();
    expect((await fetch(`${hub.url}/api/v1/activites`, { headers: { authorization: header } })).status).toBe(401);

    await page.locator('.lang-switch select').selectOption({ label: 'العربية' });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await axeViolations(page), 'ar').toEqual([]);
    await page.locator('.lang-switch select').selectOption({ label: 'Français' });
  });
});
