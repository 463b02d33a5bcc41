import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { DIST, launchDevice, PHONE, screenshot, serveHub, TABLET, type ServedHub } from '../helpers/browser.ts';
import { createVenueReport } from '../../src/hub/repositories/venue-reports.ts';
import { getVenue, searchVenues } from '../../src/hub/repositories/venues.ts';
import { listStructures } from '../../src/hub/repositories/structures.ts';
import { logInAsAdmin } from './coordination-login.ts';

// The places screen of the dashboard in a real Chromium (issue 16): a coordinator searches
// the territory, edits a place (a value the import would not read is shown in the form and
// blocks saving), saves, sees the change in the place's history, deletes it after
// confirmation; axe-clean in French and in Arabic; screenshots on a phone and a tablet.

describe('places screen in a real browser', () => {
  let hub: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    hub = await serveHub({ dist: DIST });
    device = await launchDevice({ locale: 'fr-FR', viewport: TABLET });
    context = device.context;
    page = context.pages()[0] ?? (await context.newPage());
  });
  afterAll(async () => {
    await device?.close();
    await hub?.destroy();
  });

  it('searches, edits with a validation error shown, saves, shows the history, deletes', async () => {
    await logInAsAdmin(page, hub);
    await page.getByRole('link', { name: 'Lieux', exact: true }).click();
    await page.getByRole('heading', { name: 'Lieux du territoire' }).waitFor();
    const count = page.getByTestId('venues-count');
    await count.waitFor();
    const total = Number((await count.textContent())!.replace(/\s/g, '').match(/sur(\d+)/)![1]);
    expect(total).toBeGreaterThan(1);

    // Search by a word of the first place's name.
    const firstName = (await page.locator('tbody tr td').first().textContent())!.trim();
    expect(firstName.length).toBeGreaterThan(0);
    await page.getByLabel('Rechercher un lieu').fill(firstName);
    await page.waitForFunction((n) => {
      const text = document.querySelector('[data-testid="venues-count"]')?.textContent ?? '';
      return Number(text.replace(/\s/g, '').match(/sur(\d+)/)?.[1] ?? n) < n;
    }, total);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    expect((await rows.first().locator('td').first().textContent())!.trim()).toBe(firstName);

    // Edit: hours that do not read are an error under the field, saving is blocked.
    await page.getByRole('button', { name: `Modifier ${firstName}` }).first().click();
    const editor = page.getByTestId('venue-editor');
    await editor.getByRole('heading', { name: firstName }).waitFor();
    const hours = editor.getByLabel(/^Horaires/);
    await hours.fill('n importe quoi 99:99');
    await editor.locator('#vf-horaires-err').waitFor();
    expect(await editor.locator('#vf-horaires-err').textContent()).toContain('ne se lit pas');
    expect(await hours.getAttribute('aria-invalid')).toBe('true');
    expect(await editor.getByRole('button', { name: 'Enregistrer' }).isDisabled()).toBe(true);
    expect(await axeViolations(page), 'fr, error shown').toEqual([]);

    await hours.fill('Mo-Fr 09:00-12:30');
    await editor.locator('#vf-horaires-err').waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await editor.getByText('Lieu enregistré.').waitFor();
    const history = editor.getByTestId('venue-history');
    await history.getByText('Modification').first().waitFor();
    expect(await history.locator('li').first().textContent()).toContain('Mo-Fr 09:00-12:30');
    expect(await history.locator('li').first().textContent()).toContain(hub.hub.seeded!.adminEmail);
    await screenshot(page, 'places-admin-tablet');
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await screenshot(page, 'places-admin-phone-390');
    await page.setViewportSize(TABLET);

    // Arabic: right to left, no violation.
    await page.locator('.lang-switch select').selectOption({ label: 'العربية' });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await axeViolations(page), 'ar').toEqual([]);
    await screenshot(page, 'places-admin-ar');
    await page.locator('.lang-switch select').selectOption({ label: 'Français' });
    await page.waitForTimeout(300);

    // Delete, after confirmation; the place leaves the list and its history says so.
    const named = (n: string) => [...document.querySelectorAll('tbody tr td:first-child')].filter((td) => td.textContent?.trim() === n).length;
    const before = await page.evaluate(named, firstName);
    await editor.getByRole('button', { name: 'Supprimer le lieu' }).click();
    await editor.getByRole('button', { name: 'Oui, supprimer' }).click();
    await editor.getByText(`« ${firstName} » a été supprimé de l'annuaire.`).waitFor();
    await history.getByText('Suppression').waitFor();
    // Closing the editor gives the keyboard back to the list.
    await editor.getByRole('button', { name: 'Fermer' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('venues-search');
    await page.waitForFunction(
      ([n, b]) => [...document.querySelectorAll('tbody tr td:first-child')].filter((td) => td.textContent?.trim() === n).length === (b as number) - 1,
      [firstName, before] as const,
    );
    expect(await axeViolations(page), 'fr').toEqual([]);
  });

  it('shows corrections as current → proposed: unreadable hours cannot be applied, a warning is applied once confirmed', async () => {
    const db = hub.hub.database.db;
    const [place] = await searchVenues(db, { q: '', limit: 1 });
    const venue = (await getVenue(db, place!.id))!;
    const [structure] = await listStructures(db);
    const report = { structureId: structure!.id, deviceId: 'tablette-demo', mediatorId: 'mediateur-demo', venueId: venue.id };
    await createVenueReport(db, { ...report, id: crypto.randomUUID(), field: 'horaires', proposed: 'n importe quoi 99:99' });
    const resume = 'Accueil sans rendez-vous, ateliers collectifs et aide aux démarches en ligne. '.repeat(4).trim();
    const warned = crypto.randomUUID();
    await createVenueReport(db, { ...report, id: warned, field: 'presentation_resume', proposed: resume });
    await page.reload();
    await page.getByRole('heading', { name: 'Signalements des médiateurs' }).waitFor();
    const hoursItem = page.locator('[data-report]').filter({ hasText: 'n importe quoi 99:99' });
    await hoursItem.waitFor();
    expect(await hoursItem.textContent()).toContain('Valeur actuelle');
    expect(await hoursItem.locator('.field-error').textContent()).toContain('ne se lit pas');
    expect(await hoursItem.getByRole('button', { name: 'Appliquer' }).isDisabled()).toBe(true);
    const warnedItem = page.locator(`[data-report="${warned}"]`);
    expect(await warnedItem.locator('.coo-warning').textContent()).toContain('280');
    expect(await axeViolations(page), 'fr, reports').toEqual([]);
    await screenshot(page, 'places-admin-reports');
    await warnedItem.getByRole('button', { name: 'Appliquer malgré les avertissements' }).click();
    await warnedItem.waitFor({ state: 'detached' });
    expect((await getVenue(db, venue.id))!.presentation_resume).toBe(resume);
    expect((await getVenue(db, venue.id))!.horaires).toBe(venue.horaires);
  });
});
