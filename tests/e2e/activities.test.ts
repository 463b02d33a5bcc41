import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goOffline, launchDevice, PHONE, screenshot, serveHub, TABLET, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { accessibilityViolations, choice, givenStructureSettings, isPressed, tabletRecords, TapCounter, viewportScreenshot } from './activities-device.ts';

// Issue 3 in a real Chromium, network off: log an individual session and a workshop, reload,
// find them; a closed page keeps its draft; edit and delete; French and Arabic at tablet and
// phone sizes (screenshots under .e2e/screenshots, looked at by people).

describe('activity logging offline', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    served = await serveHub({ seed: false });
    base = served.url;
    device = await launchDevice({ viewport: TABLET });
    context = device.context;
    page = await context.newPage();
    await page.goto(`${base}/accompagnements`);
    await waitForServiceWorker(page);
    await page.locator('[data-testid="new-activity"]').waitFor();
    await givenStructureSettings(page);
    await goOffline(context);
    await served.stop();
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it('logs an individual session and a workshop offline, and finds them after a reload', async () => {
    await page.goto(`${base}/accompagnements/nouveau`);
    await choice(page, 'Enregistrer').waitFor();
    await screenshot(page, 'activities-form-fr-tablet');
    await choice(page, 'Marché de Wazemmes').click();
    await choice(page, '45 min').click();
    await choice(page, 'E-mail').click();
    await choice(page, 'Tablette').click();
    await choice(page, 'Avec guidage').click();
    await page.getByLabel(/Notes personnelles/).fill('Rappeler jeudi pour la suite');
    await choice(page, 'Enregistrer').click();
    await page.locator('[data-testid="saved-notice"]').waitFor();

    await page.locator('[data-testid="new-activity"]').click();
    await choice(page, 'Atelier collectif').click();
    await page.getByLabel("Titre de l’atelier").fill('Créer son adresse e-mail');
    await choice(page, 'Débutant').click();
    for (let i = 0; i < 7; i++) await page.getByRole('button', { name: 'Plus : Nombre de participants' }).click();
    await choice(page, '2 h').click();
    await choice(page, 'E-mail').click();
    await choice(page, 'Navigation sur internet').click();
    await screenshot(page, 'activities-workshop-fr-tablet');
    await choice(page, 'Enregistrer').click();
    await page.locator('[data-testid="saved-notice"]').waitFor();

    await page.reload();
    const items = page.locator('[data-testid="activity-item"]');
    await expect.poll(() => items.count()).toBe(2);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Créer son adresse e-mail');
    expect(text).toContain('8 participants');
    expect(text).toContain('Marché de Wazemmes');
    expect(text).toContain("En attente d'envoi");
    expect(text).toContain('Notes sur la tablette');
    // the day's totals: 2 records, 1 + 8 people, 45 min + 2 h
    expect(await page.locator('[data-testid="day-totals"]').first().innerText()).toBe('2 accompagnements · 9 pers. · 2 h 45');
    await page.locator('[data-testid="filter-collectif"]').click();
    await expect.poll(() => items.count()).toBe(1);
    await page.locator('[data-testid="filter-all"]').click();
    await screenshot(page, 'activities-list-fr-tablet');

    const { rows, outbox } = await tabletRecords(page);
    expect(rows).toHaveLength(2);
    expect(outbox).toHaveLength(2);
    const individual = rows.find((r) => r.type === 'individuel')!;
    expect(individual).toMatchObject({ durationMin: 45, place: { kind: 'lieu_activite', venueId: 'venue-marche' }, autonomy: 'entierement_accompagne', notes: 'Rappeler jeudi pour la suite', syncState: 'pending' });
    expect(rows.find((r) => r.type === 'collectif')).toMatchObject({ durationMin: 120, workshop: { title: 'Créer son adresse e-mail', level: 'debutant' }, beneficiaries: { total: 8 } });
  });

  it('logs a typical individual session in 5 taps from the home screen, without typing', async () => {
    await page.goto(`${base}/`);
    const taps = new TapCounter();
    await taps.tap(page.locator('[data-testid="home-newActivity"]'));
    await choice(page, 'Enregistrer').waitFor();
    // preselected: individual, today, 30 min, the last place used; beneficiary "non communiqué"
    expect(await isPressed(choice(page, 'Accompagnement individuel'))).toBe(true);
    expect(await isPressed(choice(page, '30 min'))).toBe(true);
    expect(await isPressed(choice(page, 'Marché de Wazemmes'))).toBe(true);
    await taps.tap(choice(page, 'Aide aux démarches administratives'));
    // the first site chosen fills in its démarche category ("Social - Santé" for ameli)
    await taps.tap(choice(page, 'ameli'));
    expect(await isPressed(choice(page, 'Social - Santé'))).toBe(true);
    await taps.tap(choice(page, 'Autonome'));
    await taps.tap(choice(page, 'Enregistrer'));
    await page.locator('[data-testid="saved-notice"]').waitFor();
    console.log(`typical individual session: ${taps.count} taps from the home screen to "saved", no typing (baseline: the national form asks 5 required choices - type, date, durée, lieu, thématique - 4 of them preselected here)`);
    expect(taps.count).toBeLessThanOrEqual(5);

    const { rows } = await tabletRecords(page);
    const typical = rows.find((r) => r.portalLinkIds.includes('ameli'))!;
    expect(typical).toMatchObject({
      type: 'individuel',
      durationMin: 30,
      place: { kind: 'lieu_activite', venueId: 'venue-marche' },
      themes: ['aide_aux_demarches_administratives'],
      adminThemes: ['social_sante'],
      autonomy: 'autonome',
      beneficiaries: { total: 1, genre: {} },
    });
  });

  it('finds the draft again after the page was closed in the middle of the form', async () => {
    await page.goto(`${base}/accompagnements/nouveau`);
    await choice(page, 'Santé').click();
    await choice(page, '1 h 30').click();
    await page.getByLabel(/Notes personnelles/).fill('Dossier MDPH à finir');
    await page.waitForTimeout(300);
    await page.close();

    page = await context.newPage();
    await page.goto(`${base}/accompagnements/nouveau`);
    await page.locator('[data-testid="draft-restored"]').waitFor();
    expect(await isPressed(choice(page, 'Santé'))).toBe(true);
    expect(await isPressed(choice(page, '1 h 30'))).toBe(true);
    expect(await page.getByLabel(/Notes personnelles/).inputValue()).toBe('Dossier MDPH à finir');
    await choice(page, 'Recommencer').click();
    await expect.poll(() => isPressed(choice(page, 'Santé'))).toBe(false);
  });

  it('edits a record, then deletes it (a tombstone waits for the hub)', async () => {
    await page.goto(`${base}/accompagnements`);
    const workshop = page.locator('[data-testid="activity-item"]', { hasText: 'Créer son adresse e-mail' });
    await workshop.locator('[data-testid="edit-activity"]').click();
    await choice(page, 'Enregistrer').waitFor();
    expect(await page.getByLabel("Titre de l’atelier").inputValue()).toBe('Créer son adresse e-mail');
    await choice(page, '1 h').click();
    await choice(page, 'Enregistrer').click();
    await page.locator('[data-testid="saved-notice"]').waitFor();
    expect(await page.locator('[data-testid="activity-item"]', { hasText: 'Créer son adresse e-mail' }).innerText()).toContain('1 h');

    await page.locator('[data-testid="activity-item"]', { hasText: 'Créer son adresse e-mail' }).locator('[data-testid="edit-activity"]').click();
    await page.locator('[data-testid="delete-activity"]').click();
    await page.locator('[data-testid="confirm-delete"]').click();
    await page.locator('[data-testid="saved-notice"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="activity-item"]').count()).toBe(2);
    const { rows, outbox } = await tabletRecords(page);
    const tombstone = rows.find((r) => r.type === 'collectif')!;
    expect(tombstone).toMatchObject({ deleted: true, syncState: 'pending', durationMin: 60 });
    expect(outbox).toContain(`activity:${tombstone.id}`);
  });

  it('duplicates a record from the list, and takes the orientation hand-off from the directory', async () => {
    await page.goto(`${base}/accompagnements`);
    const withNotes = page.locator('[data-testid="activity-item"]', { hasText: '45 min' });
    await withNotes.locator('[data-testid="duplicate-activity"]').click();
    await choice(page, 'Enregistrer').waitFor();
    expect(await isPressed(choice(page, '45 min'))).toBe(true);
    expect(await isPressed(choice(page, 'E-mail'))).toBe(true);
    expect(await page.getByLabel(/Notes personnelles/).inputValue()).toBe('');
    await page.waitForURL(`${base}/accompagnements/nouveau`);

    await page.goto(`${base}/accompagnements/nouveau?orientation=venue-france-services`);
    await page.locator('[data-testid="oriented-venue"]').waitFor();
    expect(await isPressed(page.locator('[data-testid="oriented-yes"]'))).toBe(true);
    expect(await isPressed(choice(page, 'E-mail'))).toBe(true); // the rest of the draft is kept
    await choice(page, 'Annuler').click();
    await page.locator('[data-testid="new-activity"]').waitFor();
  });

  it('renders in French and in Arabic (right to left), at tablet and phone sizes', async () => {
    for (const lang of ['fr', 'ar'] as const) {
      await page.evaluate((l) => localStorage.setItem('kariole.lang', l), lang);
      for (const [size, viewport] of [
        ['tablet', TABLET],
        ['phone', PHONE],
      ] as const) {
        await page.setViewportSize(viewport);
        await page.goto(`${base}/accompagnements`);
        await page.locator('[data-testid="activity-item"]').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(await page.locator('main h1').innerText()).toBe(lang === 'ar' ? 'مرافقاتي' : 'Mes accompagnements');
        await screenshot(page, `activities-list-${lang}-${size}`);
        if (size === 'tablet') expect(await accessibilityViolations(page), `list ${lang}`).toEqual([]);
        await page.goto(`${base}/accompagnements/nouveau`);
        await page.locator('[data-testid="save-activity"]').waitFor();
        await page.locator('[data-testid="theme-aide_aux_demarches_administratives"]').click();
        await page.locator('[data-testid="admin-social_sante"]').click();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal overflow in ${lang} ${size}`).toBeLessThanOrEqual(0);
        await screenshot(page, `activities-form-${lang}-${size}`);
        await viewportScreenshot(page, `activities-form-${lang}-${size}-viewport`);
        if (size === 'tablet') expect(await accessibilityViolations(page), `form ${lang}`).toEqual([]);
        await page.locator('[data-testid="theme-aide_aux_demarches_administratives"]').click();
      }
    }
    await page.evaluate(() => localStorage.setItem('kariole.lang', 'fr'));
    await page.setViewportSize(TABLET);
  });
});
