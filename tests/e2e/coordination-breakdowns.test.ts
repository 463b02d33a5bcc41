import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { DIST, launchDevice, PHONE, screenshot, serveHub, type ServedHub } from '../helpers/browser.ts';
import { logInAsAdmin } from './coordination-login.ts';

// Issue #16, "Done when": every filter of the stats contract applied through the dashboard's
// controls, its figure checked against GET /api/v1/stats for the page's URL; every breakdown
// and the per-mediator table shown with the API's numbers and names (portal sites by name);
// the filters folded behind "Filtres (n actifs)" on a phone. One browser, one hub.

interface Entry {
  key: string;
  label: string;
  count: number;
}
interface StatsAnswer {
  totals: { activities: number; accompaniments: number };
  breakdowns: Record<string, Entry[]>;
  mediators: { mediatorId: string; label: string | null; conseillerNumerique: boolean; activities: number; accompaniments: number; hours: number }[];
}

const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

describe('every filter and breakdown of the dashboard in a real browser', () => {
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

  const kpi = async () => digits(await page.getByTestId('kpi-accompaniments').textContent());
  const statsOfUrl = () =>
    page.evaluate(async () => {
      const res = await fetch(`/api/v1/stats${location.search}`, { headers: { accept: 'application/json' } });
      return (await res.json()) as StatsAnswer;
    });
  /** Ticks the choice of this value in a multi-value filter, as a person does. */
  async function tick(id: string, value: string) {
    const box = page.locator(`[data-filter="${id}"]`);
    await box.locator('summary').click();
    const before = page.url();
    await box.locator(`input[type="checkbox"][value="${value}"]`).check();
    await page.waitForURL((u) => u.toString() !== before);
    await page.keyboard.press('Escape');
  }
  /** Back to the default dashboard. */
  async function reset() {
    await page.goto(`${hub.url}/coordination`);
    await page.getByTestId('kpi-accompaniments').waitFor();
  }
  /** The page's figure equals the API's for the page's URL; returns the API's answer. */
  async function figureFollows(param: RegExp): Promise<StatsAnswer> {
    expect(page.url()).toMatch(param);
    const api = await statsOfUrl();
    await expect.poll(kpi).toBe(api.totals.accompaniments);
    return api;
  }

  it('applies each of the 11 filters through its control: the URL and the figure follow the API', async () => {
    const all = await statsOfUrl();
    await expect.poll(kpi).toBe(all.totals.accompaniments);
    const options = (await page.evaluate(async () => (await fetch('/api/v1/admin/filter-options')).json())) as { structures: { id: string; name: string }[]; mediators: { id: string; label: string }[] };
    const count = (key: string, k: string) => all.breakdowns[key]!.find((e) => e.key === k)?.count ?? 0;
    const sizes: Record<string, number> = {};

    // Period: the two date fields (the last 30 days, then up to 10 days ago).
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#f-from').fill(day(30));
    await page.locator('#f-from').dispatchEvent('change');
    await page.waitForURL(new RegExp(`from=${day(30)}`));
    sizes.period = (await figureFollows(new RegExp(`from=${day(30)}`))).totals.accompaniments;
    expect(sizes.period).toBeGreaterThan(0);
    expect(sizes.period).toBeLessThan(all.totals.accompaniments);
    await page.locator('#f-to').fill(day(10));
    await page.locator('#f-to').dispatchEvent('change');
    await page.waitForURL(new RegExp(`to=${day(10)}`));
    expect((await figureFollows(new RegExp(`to=${day(10)}`))).totals.accompaniments).toBeLessThanOrEqual(sizes.period);
    await reset();

    // Structure and mediator.
    const demo = options.structures.find((s) => s.name === 'Centre social de démonstration')!;
    await tick('f-structure', demo.id);
    sizes.structureId = (await figureFollows(new RegExp(`structureId=${demo.id}`))).totals.accompaniments;
    expect(sizes.structureId).toBe(all.totals.accompaniments);
    const amina = options.mediators.find((m) => m.label === 'Amina (démo)')!;
    await tick('f-mediator', amina.id);
    const one = await figureFollows(new RegExp(`mediatorId=${amina.id}`));
    expect(one.mediators.map((m) => m.mediatorId)).toEqual([amina.id]);
    expect(one.totals.accompaniments).toBe(all.mediators.find((m) => m.mediatorId === amina.id)!.accompaniments);
    await reset();

    // Conseiller numérique: the select. No demo mediator is one: "non" is everyone, "oui" nobody.
    await page.locator('#f-conum').selectOption('non');
    expect((await figureFollows(/conseillerNumerique=non/)).totals.accompaniments).toBe(all.totals.accompaniments);
    await page.locator('#f-conum').selectOption('oui');
    expect((await figureFollows(/conseillerNumerique=oui/)).totals.accompaniments).toBe(all.mediators.filter((m) => m.conseillerNumerique).reduce((n, m) => n + m.accompaniments, 0));
    await reset();

    // Type, theme, démarche: the figure is the breakdown's count of that value.
    await tick('f-type', 'collectif');
    expect((await figureFollows(/type=collectif/)).totals.accompaniments).toBe(count('type', 'collectif'));
    await reset();
    await tick('f-theme', 'email');
    const email = await figureFollows(/theme=email/);
    expect(email.breakdowns.themes!.find((e) => e.key === 'email')!.count).toBe(email.totals.accompaniments);
    expect(email.totals.accompaniments).toBe(count('themes', 'email'));
    await reset();
    await tick('f-admin-theme', 'logement');
    expect((await figureFollows(/adminTheme=logement/)).totals.accompaniments).toBe(count('adminThemes', 'logement'));
    await reset();

    // Place, commune and département of the activity, tag: values the demo history uses.
    const venue = all.breakdowns.venue!.filter((e) => e.count > 0)[0]!;
    await tick('f-venue', venue.key);
    expect((await figureFollows(new RegExp(`venueId=${encodeURIComponent(venue.key)}`))).totals.accompaniments).toBe(venue.count);
    await reset();
    const commune = all.breakdowns.activityCommune!.filter((e) => e.count > 0 && e.key !== 'non_communique')[0]!;
    await tick('f-commune', commune.key);
    const inCommune = await figureFollows(new RegExp(`commune=${commune.key}`));
    expect(inCommune.totals.accompaniments).toBe(commune.count);
    expect(inCommune.breakdowns.activityCommune!.filter((e) => e.count > 0).map((e) => e.key)).toEqual([commune.key]);
    await reset();
    await tick('f-departement', '13');
    const in13 = await figureFollows(/departement=13/);
    expect(in13.totals.accompaniments).toBe(all.breakdowns.activityCommune!.filter((e) => e.key.startsWith('13')).reduce((n, e) => n + e.count, 0));
    expect(in13.totals.accompaniments).toBeGreaterThan(0);
    await reset();
    await tick('f-tag', 'permanence-caf');
    const tagged = await figureFollows(/tag=permanence-caf/);
    expect(tagged.totals.accompaniments).toBe(count('tags', 'permanence-caf'));
    expect(tagged.totals.accompaniments).toBeGreaterThan(0);
    // The fold's summary counts the active filters.
    expect(await page.locator('.coo-filters__summary').textContent()).toBe('Filtres (1 actif)');
    await reset();
    expect(await page.locator('.coo-filters__summary').textContent()).toBe('Filtres (aucun actif)');
  });

  it('shows every breakdown and the per-mediator table with the API’s numbers and names', async () => {
    const api = await statsOfUrl();
    await expect.poll(kpi).toBe(api.totals.accompaniments);
    const keys = Object.keys(api.breakdowns);
    for (const k of ['aidantsConnect', 'passNumerique', 'portalSites', 'autonomy', 'tags', 'activityCommune']) expect(keys).toContain(k);
    const OPEN = new Set(['venue', 'commune', 'activityCommune', 'tags', 'portalSites']);
    for (const key of keys) {
      const section = page.locator(`[data-breakdown="${key}"]`);
      expect(await section.count(), key).toBe(1);
      const entries = api.breakdowns[key]!;
      // The bars' rule: long lists from the most frequent (zeros left out), top 10 of more than 12.
      const ordered = entries.length > 8 ? [...entries].filter((e) => e.count > 0).sort((a, b) => b.count - a.count) : entries;
      const shown = ordered.length > 12 ? ordered.slice(0, 10) : ordered;
      if (entries.every((e) => e.count === 0)) {
        expect(await section.locator('.coo-bars__row').count(), key).toBe(0);
        continue;
      }
      const rows = await section.locator('.coo-bars__row').evaluateAll((els) =>
        els.map((el) => ({ label: el.querySelector('.coo-bars__label')!.textContent!, value: el.querySelector('.coo-bars__value')!.firstChild!.textContent! })),
      );
      expect(rows.map((r) => digits(r.value)), key).toEqual(shown.map((e) => e.count));
      // Open lists show the hub's names ("non communiqué" has the dashboard's own words).
      if (OPEN.has(key)) {
        const named = (list: { label: string }[]) => list.map((r, i) => (shown[i]!.key === 'non_communique' ? '' : r.label));
        expect(named(rows), key).toEqual(named(shown));
      }
    }
    // What Kariole alone collects is there in the demo history, with names, never link ids.
    const sites = api.breakdowns.portalSites!;
    expect(sites.map((e) => e.label)).toContain('ameli (ameli.fr)');
    expect(sites.map((e) => e.label)).toContain('France Travail');
    expect(sites.map((e) => e.label)).toContain('Mairie de Marseille');
    for (const e of sites) expect(e.label, e.key).not.toBe(e.key);
    expect(await page.locator('[data-breakdown="portalSites"]').textContent()).toContain('Mairie de Marseille');
    expect(api.breakdowns.tags!.map((e) => e.label).sort()).toEqual(['Permanence CAF', 'Quartier nord']);
    expect(api.breakdowns.aidantsConnect!.find((e) => e.key === 'oui')!.count).toBeGreaterThan(0);
    expect(api.breakdowns.passNumerique![0]!.count).toBeGreaterThan(0);
    expect(api.breakdowns.autonomy!.reduce((n, e) => n + e.count, 0)).toBeGreaterThan(0);
    // Itinerant sessions ("autre lieu", at home) count in the commune of the activity.
    expect(api.breakdowns.activityCommune!.filter((e) => e.key !== 'non_communique').length).toBeGreaterThan(1);

    // The per-mediator table: one row per mediator, the API's numbers.
    const table = page.getByTestId('mediator-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(api.mediators.length);
    for (const m of api.mediators) {
      const cells = await table.locator(`tr[data-mediator="${m.mediatorId}"] > *`).allTextContents();
      expect(cells[0]).toBe(m.label);
      expect(cells[1]).toBe(m.conseillerNumerique ? 'Oui' : 'Non');
      expect(digits(cells[2]!)).toBe(m.activities);
      expect(digits(cells[3]!)).toBe(m.accompaniments);
      expect(Number(cells[4]!.replace(/\s/g, '').replace(',', '.'))).toBe(m.hours);
    }
    expect(api.mediators.reduce((n, m) => n + m.accompaniments, 0)).toBe(api.totals.accompaniments);
    await screenshot(page, 'coordination-breakdowns-desktop');
  });

  it('refuses, in plain French, a public link narrowed to one mediator', async () => {
    // No demo mediator is a conseiller numérique: such a page would count nobody's work.
    await page.goto(`${hub.url}/coordination/exports?conseillerNumerique=oui`);
    await page.getByRole('heading', { name: 'Exports et partage' }).waitFor();
    await page.getByRole('button', { name: 'Créer un lien de partage' }).click();
    const alert = page.locator('.notice--error[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Lien non créé — .*au moins 2 médiateurs.* — filters\.conseillerNumerique : Avec ce filtre, la période ne compte aucun médiateur/);
    await page.goto(`${hub.url}/coordination`);
    await page.getByTestId('kpi-accompaniments').waitFor();
  });

  it('folds the filters behind "Filtres (n actifs)" on a phone, open on a wide screen; axe 0 in French and Arabic', async () => {
    const fold = page.getByTestId('filters-fold');
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.setViewportSize(PHONE);
    await page.goto(`${hub.url}/coordination?theme=email&type=individuel`);
    await page.getByTestId('kpi-accompaniments').waitFor();
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('.coo-filters__summary').textContent()).toBe('Filtres (2 actifs)');
    expect(await page.locator('#f-from').isVisible()).toBe(false);
    // The fold takes one line: the figures come right after it.
    const box = (await page.locator('.coo-filters').boundingBox())!;
    expect(box.height).toBeLessThan(120);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '.e2e/screenshots/coordination-filters-fold-fr-phone-closed.png' });
    // Opened, a filter changed: the fold stays open (the person's choice outlives the re-render).
    await page.locator('.coo-filters__summary').click();
    expect(await page.locator('#f-from').isVisible()).toBe(true);
    await tick('f-admin-theme', 'logement');
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('.coo-filters__summary').textContent()).toBe('Filtres (3 actifs)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '.e2e/screenshots/coordination-filters-fold-fr-phone-open.png' });

    await page.evaluate(() => localStorage.setItem('kariole.lang', 'ar'));
    await page.reload();
    await page.getByTestId('kpi-accompaniments').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const summary = (await page.locator('.coo-filters__summary').textContent())!;
    expect(summary).toMatch(/^عوامل التصفية/);
    expect(summary).toContain('3');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '.e2e/screenshots/coordination-filters-fold-ar-phone.png' });
    await page.evaluate(() => localStorage.setItem('kariole.lang', 'fr'));

    // Back to a wide screen: the default of the width, open.
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  });
});
