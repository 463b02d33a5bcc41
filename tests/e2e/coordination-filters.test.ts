import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { DIST, launchDevice, PHONE, screenshot, serveHub, TABLET, type ServedHub } from '../helpers/browser.ts';
import { logInAsAdmin } from './coordination-login.ts';

// Issue #16 in a real Chromium, on the hub's demo history: several values per filter, all in
// the URL and in the figures; the breakdowns and the per-mediator table; the figures workbook;
// the print view stating its filters; the "conseiller numérique" flag on the devices page; axe
// on the new controls in French and Arabic.

interface StatsAnswer {
  totals: { activities: number; accompaniments: number };
  breakdowns: Record<string, { key: string; label: string; count: number }[]>;
  mediators?: { mediatorId: string; label: string | null; conseillerNumerique: boolean; accompaniments: number }[];
}

describe('coordination filters in a real browser', () => {
  let hub: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let page: Page;

  beforeAll(async () => {
    hub = await serveHub({ dist: DIST });
    device = await launchDevice({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page = device.context.pages()[0] ?? (await device.context.newPage());
    await logInAsAdmin(page, hub);
    await page.getByTestId('kpi-accompaniments').waitFor();
  });
  afterAll(async () => {
    await device?.close();
    await hub?.destroy();
  });

  const kpi = async (id: string) => Number((await page.getByTestId(id).textContent())!.replace(/\D/g, ''));
  /** GET /api/v1/stats from the page (its session cookie) for the query string of the page's URL. */
  const statsOfUrl = () =>
    page.evaluate(async () => {
      const res = await fetch(`/api/v1/stats${location.search}`, { headers: { accept: 'application/json' } });
      return (await res.json()) as StatsAnswer;
    });
  const filter = (name: string) => page.locator(`[data-filter]`).filter({ has: page.locator('summary', { hasText: name }) });
  async function choose(id: string, labels: string[]) {
    const box = page.locator(`[data-filter="${id}"]`);
    await box.locator('summary').click();
    for (const label of labels) {
      const before = page.url();
      await box.getByRole('checkbox', { name: label, exact: true }).check();
      await page.waitForURL((u) => u.toString() !== before);
    }
    await page.keyboard.press('Escape');
    expect(await box.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  }

  it('applies several values of several filters: the URL, the figures and a breakdown follow', async () => {
    const all = await kpi('kpi-accompaniments');
    await choose('f-theme', ['E-mail', 'Santé']);
    expect(page.url()).toMatch(/[?&]theme=email&theme=sante(&|$)/);
    await expect.poll(() => kpi('kpi-accompaniments')).toBeLessThan(all);
    const themed = await statsOfUrl();
    await expect.poll(() => kpi('kpi-accompaniments')).toBe(themed.totals.accompaniments);
    // Every accompaniment counted has E-mail or Santé among its themes.
    const themes = new Map(themed.breakdowns.themes!.map((e) => [e.key, e.count]));
    expect((themes.get('email') ?? 0) + (themes.get('sante') ?? 0)).toBeGreaterThanOrEqual(themed.totals.accompaniments);
    expect(themes.get('bureautique') ?? 0).toBeLessThanOrEqual(themed.totals.accompaniments);

    await choose('f-type', ['Accompagnement individuel']);
    expect(page.url()).toMatch(/[?&]type=individuel(&|$)/);
    const individual = await statsOfUrl();
    await expect.poll(() => kpi('kpi-accompaniments')).toBe(individual.totals.accompaniments);
    expect(individual.totals.accompaniments).toBe(individual.totals.activities);
    expect(individual.totals.accompaniments).toBeLessThanOrEqual(themed.totals.accompaniments);

    // The summary names what is chosen; the applied filters are written in words.
    await expect.poll(() => filter('Thématique').locator('summary').textContent()).toContain('E-mail, Santé');
    const applied = (await page.getByTestId('applied-filters').textContent())!;
    expect(applied).toContain('Thématiques');
    expect(applied).toContain('E-mail, Santé');
    expect(applied).toContain('Accompagnement individuel');

    // The breakdown of the type shows individual accompaniments only.
    const typeBars = page.locator('[data-breakdown="type"] .coo-bars__row');
    await expect.poll(() => typeBars.filter({ hasText: 'Accompagnement individuel' }).textContent()).toContain(String(individual.totals.accompaniments));
    // Breakdowns of the stats contract and the per-mediator table are shown.
    for (const id of Object.keys(individual.breakdowns)) expect(await page.locator(`[data-breakdown="${id}"]`).count(), id).toBe(1);
    if (individual.mediators) {
      const table = page.getByTestId('mediator-table');
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBe(individual.mediators.length);
    }
    await screenshot(page, 'coordination-filters-desktop');

    // A reload keeps everything (the URL is the state).
    await page.reload();
    await page.getByTestId('kpi-accompaniments').waitFor();
    await expect.poll(() => kpi('kpi-accompaniments')).toBe(individual.totals.accompaniments);
    await page.locator('[data-filter="f-theme"] summary').click();
    expect(await page.locator('[data-filter="f-theme"]').getByRole('checkbox', { name: 'Santé', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('is usable with the keyboard alone: open, tick, close', async () => {
    const summary = page.locator('[data-filter="f-admin-theme"] summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-filter="f-admin-theme"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // The long list opens on its search box: type, then Tab to the one matching value, Space ticks it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search');
    await page.keyboard.type('Logement');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('logement');
    const before = page.url();
    await page.keyboard.press('Space');
    await page.waitForURL((u) => u.toString() !== before);
    expect(page.url()).toMatch(/[?&]adminTheme=logement(&|$)/);
    await page.keyboard.press('Escape');
    // Escape gave the focus back to the summary (the route change re-rendered the page, not the focus).
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    // Undo: the "clear" button of the panel.
    await summary.click();
    const back = page.url();
    await page.locator('[data-filter="f-admin-theme"]').getByRole('button', { name: /Tout décocher/ }).click();
    await page.waitForURL((u) => u.toString() !== back);
    expect(page.url()).not.toContain('adminTheme=');
    await page.keyboard.press('Escape');
  });

  it('downloads the figures workbook of the filtered dashboard', async () => {
    const stats = await statsOfUrl();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^kariole-chiffres-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(['Totaux', 'Par mois', 'Par jour']);
    expect(names).toContain('Thématiques');
    const totals = wb.getWorksheet('Totaux')!;
    const values: ExcelJS.CellValue[][] = [];
    totals.eachRow((row) => values.push((row.values as ExcelJS.CellValue[]).slice(1)));
    expect(values.find((r) => r[0] === 'Accompagnements')?.[1]).toBe(stats.totals.accompaniments);
    expect(String(values.find((r) => r[0] === "Thématiques d'accompagnement")?.[1])).toBe('E-mail, Santé');
  });

  it('prints with its filters and the day it was printed', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('printed-at').isVisible()).toBe(true);
    expect(await page.getByTestId('printed-at').textContent()).toMatch(/^Imprimé le .+ à \d{2}:\d{2} \(heure de la structure, Europe\/Paris\)$/);
    expect(await page.getByTestId('applied-filters').isVisible()).toBe(true);
    expect(await page.locator('.coo-filters').isVisible()).toBe(false);
    await screenshot(page, 'coordination-filters-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByTestId('printed-at').isVisible()).toBe(false);
  });

  it('carries the filters to the exports page, whose header names them', async () => {
    await page.getByRole('link', { name: 'Exporter ou partager ces chiffres' }).click();
    await page.getByRole('heading', { name: 'Exports et partage' }).waitFor();
    expect(page.url()).toMatch(/theme=email&theme=sante/);
    await expect.poll(() => page.getByTestId('exports-filters').textContent()).toContain('E-mail, Santé');
    const href = await page.getByTestId('export-national').getAttribute('href');
    expect(href).toMatch(/theme=email&theme=sante/);
    expect(await page.getByTestId('export-figures-xlsx').getAttribute('href')).toMatch(/^\/api\/v1\/stats\/figures\.xlsx\?.*theme=email&theme=sante/);
    await page.goBack();
    await page.getByTestId('kpi-accompaniments').waitFor();
  });

  it('lists only the share links of the chosen structures, and names them in the exports header (#16)', async () => {
    // A second structure with its own link, made through the API with the session.
    const made = await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
      const s = (await (await fetch('/api/v1/admin/structures', { method: 'POST', headers, body: JSON.stringify({ name: 'Espace numérique du Port', departements: ['13'] }) })).json()) as { id: string };
      const link = await fetch('/api/v1/admin/share-links', { method: 'POST', headers, body: JSON.stringify({ filters: { from: '2026-01-01', to: '2026-03-31', structureId: [s.id] } }) });
      const structures = (await (await fetch('/api/v1/admin/filter-options')).json()) as { structures: { id: string; name: string }[] };
      return { port: s.id, demo: structures.structures.find((x) => x.name === 'Centre social de démonstration')!.id, link: link.status, url: ((await link.json()) as { url: string }).url };
    });
    expect(made.link).toBe(201);
    await page.goto(`${hub.url}/coordination/exports?structureId=${made.demo}`);
    await expect.poll(() => page.getByTestId('exports-filters').textContent()).toContain('Structure : Centre social de démonstration');
    await page.getByRole('heading', { name: 'Liens existants' }).waitFor();
    expect(await page.locator('.coo-list a', { hasText: made.url }).count()).toBe(0);
    await page.goto(`${hub.url}/coordination/exports?structureId=${made.port}`);
    await expect.poll(() => page.getByTestId('exports-filters').textContent()).toContain('Structure : Espace numérique du Port');
    const item = page.locator('.coo-list__item', { hasText: made.url });
    await item.waitFor();
    expect(await item.textContent()).toContain('Espace numérique du Port');
    await screenshot(page, 'coordination-exports-structure');
    await page.goto(`${hub.url}/coordination`);
    await page.getByTestId('kpi-accompaniments').waitFor();
  });

  it('has no axe violation with the new controls open, in French and in Arabic, on a phone and a tablet', async () => {
    for (const lang of ['fr', 'ar'] as const) {
      await page.evaluate((l) => localStorage.setItem('kariole.lang', l), lang);
      await page.reload();
      await page.getByTestId('kpi-accompaniments').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await page.locator('[data-filter="f-theme"] summary').click();
      await page.waitForTimeout(200);
      expect(await axeViolations(page)).toEqual([]);
      for (const [name, size] of [['phone', PHONE], ['tablet', TABLET]] as const) {
        await page.setViewportSize(size);
        await page.waitForTimeout(200);
        await screenshot(page, `coordination-filters-${lang}-${name}`);
        await page.screenshot({ path: `.e2e/screenshots/coordination-filters-${lang}-${name}-viewport.png` });
        // Nothing wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      }
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.evaluate(() => localStorage.setItem('kariole.lang', 'fr'));
  });

  it('marks a mediator as conseiller numérique on the devices page, and the filter follows', async () => {
    await page.goto(`${hub.url}/coordination/appareils`);
    await page.getByRole('heading', { name: 'Appareils', exact: true }).waitFor();
    // Enrolment: the mediator the code creates is a conseiller numérique from the start.
    await page.getByLabel('Médiateur (facultatif)').fill('Inès');
    await page.locator('#d-conum').check();
    await page.getByRole('button', { name: 'Créer un code' }).click();
    const code = (await page.getByTestId('enrolment-code').textContent())!.replace(/\s/g, '');
    const enrol = await fetch(`${hub.url}/api/v1/devices/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceLabel: 'Tablette d’Inès' }) });
    expect(enrol.status).toBe(201);
    await page.reload();
    const list = page.getByTestId('mediators');
    const ines = list.locator('tbody tr', { hasText: 'Inès' });
    await ines.waitFor();
    expect(await list.getByRole('checkbox', { name: 'Inès est conseiller numérique' }).isChecked()).toBe(true);
    await list.locator('tbody tr').first().waitFor();
    const first = list.locator('tbody tr', { hasNotText: 'Inès' }).first();
    const toggle = first.getByRole('checkbox');
    const was = await toggle.isChecked();
    await toggle.setChecked(!was);
    await first.getByText('Enregistré.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'coordination-mediators');
    await page.reload();
    await list.locator('tbody tr').first().waitFor();
    expect(await list.locator('tbody tr', { hasNotText: 'Inès' }).first().getByRole('checkbox').isChecked()).toBe(!was);

    await page.goto(`${hub.url}/coordination?conseillerNumerique=oui`);
    await page.getByTestId('kpi-accompaniments').waitFor();
    const conum = await statsOfUrl();
    await expect.poll(() => kpi('kpi-accompaniments')).toBe(conum.totals.accompaniments);
    // Only conseillers numériques are counted: the per-mediator table adds up to the total.
    const rows = conum.mediators ?? [];
    expect(rows.every((m) => m.conseillerNumerique)).toBe(true);
    expect(rows.reduce((n, m) => n + m.accompaniments, 0)).toBe(conum.totals.accompaniments);
    if (!was) expect(conum.totals.accompaniments).toBeGreaterThan(0);
    expect(await page.getByLabel('Conseiller numérique').inputValue()).toBe('oui');
  });
});
