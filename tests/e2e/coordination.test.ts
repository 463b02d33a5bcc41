import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import readXlsxFile from 'read-excel-file/node';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { DIST, launchDevice, screenshot, serveHub, type ServedHub } from '../helpers/browser.ts';
import { logInAsAdmin } from './coordination-login.ts';

// A coordinator's morning on the hub's own demo data, in a real Chromium: log in, read the
// dashboard, filter it (filters in the URL), download the national export, revoke a device.

describe('coordination dashboard in a real browser', () => {
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

  const logIn = () => logInAsAdmin(page, hub);

  const kpi = async (id: string) => Number((await page.getByTestId(id).textContent())!.replace(/\D/g, ''));

  it('logs in and shows the headline figures, the time chart and the breakdowns of the demo history', async () => {
    await page.goto(`${hub.url}/coordination`);
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await page.getByLabel('Adresse e-mail').fill(hub.hub.seeded!.adminEmail);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText("L'adresse e-mail ou le mot de passe est incorrect.").waitFor();
    await logIn();
    await page.getByTestId('kpi-accompaniments').waitFor();
    expect(await kpi('kpi-accompaniments')).toBeGreaterThan(100);
    expect(page.url()).toMatch(/from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}/);
    expect(await page.locator('.coo-chart__bar').count()).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.locator('[data-breakdown="themes"] .coo-bars__row').count()).toBeGreaterThan(3);
    await page.locator('[data-breakdown="themes"]').getByText('Aide aux démarches administratives').waitFor();
    await screenshot(page, 'coordination-dashboard');
  });

  it('filters by type and keeps the filters in the URL across a reload', async () => {
    const all = await kpi('kpi-activities');
    const typeFilter = page.locator('[data-filter="f-type"]');
    await typeFilter.locator('summary').click();
    await typeFilter.getByRole('checkbox', { name: 'Atelier collectif' }).check();
    await page.waitForURL(/type=collectif/);
    await page.keyboard.press('Escape');
    await expect.poll(() => kpi('kpi-activities')).toBeLessThan(all);
    const workshops = await kpi('kpi-activities');
    expect(await kpi('kpi-accompaniments')).toBeGreaterThan(workshops);
    await page.reload();
    await page.getByTestId('kpi-activities').waitFor();
    await expect.poll(() => kpi('kpi-activities')).toBe(workshops);
    await typeFilter.locator('summary').click();
    expect(await typeFilter.getByRole('checkbox', { name: 'Atelier collectif' }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await screenshot(page, 'coordination-dashboard-workshops');
  });

  it('downloads the national export of the filtered figures', async () => {
    await page.getByRole('link', { name: 'Exporter ou partager ces chiffres' }).click();
    await page.getByRole('heading', { name: 'Exports et partage' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-national').click()]);
    expect(download.suggestedFilename()).toMatch(/^kariole-accompagnements-national-.*\.csv$/);
    const body = fs.readFileSync((await download.path())!, 'utf8');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^Date;Enregistré le;Dernière modification le;Prénom du médiateur;Nom du médiateur;Rôle;ID - Conum;Type;Participants;/);
    expect(lines.length - 1).toBeGreaterThan(20);
    expect(lines.slice(1).every((l) => l.includes('Atelier collectif'))).toBe(true);
    // The same rows as an Excel workbook.
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-national-xlsx').click()]);
    expect(workbook.suggestedFilename()).toMatch(/^kariole-accompagnements-national-.*\.xlsx$/);
    const [sheet] = await readXlsxFile(fs.readFileSync((await workbook.path())!));
    expect(sheet!.data).toHaveLength(lines.length);
    expect(sheet!.data[0]!.slice(0, 9)).toEqual(['Date', 'Enregistré le', 'Dernière modification le', 'Prénom du médiateur', 'Nom du médiateur', 'Rôle', 'ID - Conum', 'Type', 'Participants']);
    expect(sheet!.data.slice(1).every((row) => row[0] instanceof Date)).toBe(true);
    expect(sheet!.data.slice(1).every((row) => row.includes('Atelier collectif'))).toBe(true);
    await screenshot(page, 'coordination-exports');
  });

  it('issues an enrolment code shown big, lists the enrolled device and revokes it', async () => {
    await page.getByRole('link', { name: 'Appareils' }).click();
    await page.getByLabel('Médiateur (facultatif)').fill('Sonia');
    await page.getByRole('button', { name: 'Créer un code' }).click();
    const code = (await page.getByTestId('enrolment-code').textContent())!.replace(/\s/g, '');
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await screenshot(page, 'coordination-enrolment-code');
    // A tablet enrols with the code (the sync feature's API), then syncs with its token.
    const enrol = await fetch(`${hub.url}/api/v1/devices/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceLabel: 'Tablette du marché' }) });
    expect(enrol.status).toBe(201);
    const { token } = (await enrol.json()) as { token: string };
    await page.reload();
    const row = page.locator('tr', { hasText: 'Tablette du marché' });
    await row.getByRole('button', { name: 'Révoquer' }).click();
    await row.getByRole('button', { name: 'Confirmer la révocation' }).click();
    await row.getByText('Révoqué').waitFor();
    await screenshot(page, 'coordination-devices-revoked');
    const after = await fetch(`${hub.url}/api/v1/sync/settings`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it('shares a public page with small counts masked, and walks the admin screens', async () => {
    await page.goto(`${hub.url}/coordination/exports`);
    // Whole months only: a first and a last month, or a ready-made quarter.
    await page.getByLabel('Premier mois').waitFor();
    await page.getByRole('button', { name: 'Le trimestre dernier' }).click();
    await page.getByRole('button', { name: 'Ce mois-ci' }).click();
    await page.getByRole('button', { name: 'Créer un lien de partage' }).click();
    const link = page.locator('.notice--ok a');
    const url = (await link.getAttribute('href'))!;
    expect(url).toContain('/api/v1/share/');
    const shared = await context.newPage();
    await shared.goto(url);
    await shared.getByRole('heading', { name: 'Médiation numérique : les chiffres' }).waitFor();
    expect(await shared.getByText('< 11').count()).toBeGreaterThan(0);
    // It says what it counts and how it is protected.
    await shared.getByText(/Cette page compte les/).waitFor();
    await shared.getByRole('link', { name: 'Comment ces chiffres sont protégés' }).waitFor();
    expect(await axeViolations(shared), 'public page').toEqual([]);
    await screenshot(shared, 'coordination-share-page');
    await shared.close();

    await page.getByRole('link', { name: 'Structures' }).click();
    await page.getByRole('link', { name: /Centre social de démonstration/ }).click();
    await page.locator('#st-pin').fill('2468');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Un code de sortie est défini.').waitFor();
    await screenshot(page, 'coordination-structure');

    await page.getByRole('link', { name: 'Lieux' }).click();
    await page.getByRole('heading', { name: 'Signalements des médiateurs' }).waitFor();
    await screenshot(page, 'coordination-venues');

    await page.getByRole('link', { name: 'Comptes' }).click();
    await page.getByLabel('Adresse e-mail').fill('claire@exemple.fr');
    await page.getByLabel('Centre social de démonstration').check();
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Compte créé pour claire@exemple.fr').waitFor();
    await screenshot(page, 'coordination-users');
  });

  it('imports a venue file and reads its report', async () => {
    await page.goto(`${hub.url}/coordination/lieux`);
    await page.getByLabel('Fichier', { exact: true }).setInputFiles(fileURLToPath(new URL('../fixtures/exemple-valide-v1.0.2.csv', import.meta.url)));
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText(/lignes lues :/).waitFor();
    await screenshot(page, 'coordination-venue-import');
  });

  it('has no accessibility violation on the dashboard, the devices screen and the share form, in French and in Arabic', async () => {
    for (const lang of ['Français', 'العربية']) {
      await page.goto(`${hub.url}/coordination`);
      await page.getByTestId('kpi-accompaniments').waitFor();
      await page.locator('.lang-switch select').selectOption({ label: lang });
      await page.waitForTimeout(300);
      expect(await axeViolations(page), `dashboard ${lang}`).toEqual([]);
      if (lang === 'العربية') {
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        await screenshot(page, 'coordination-dashboard-ar');
      }
      await page.goto(`${hub.url}/coordination/appareils`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await axeViolations(page), `devices ${lang}`).toEqual([]);
      await page.goto(`${hub.url}/coordination/exports`);
      await page.getByTestId('share-period').waitFor();
      expect(await axeViolations(page), `exports and share form ${lang}`).toEqual([]);
    }
    await page.locator('.lang-switch select').selectOption({ label: 'Français' });
  });
});
