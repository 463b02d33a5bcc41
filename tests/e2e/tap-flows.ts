import type { Page } from 'playwright-core';
import { choice, type TapCounter } from './activities-device.ts';

// The two tap counts of issue 15, shared by the e2e test that asserts them and by
// bench/app/session-taps.ts that prints them: every interaction goes through the counter
// (a typed number costs the one tap into its field). Each starts on the home screen.

/**
 * The usual individual session, démarche included: "Nouvel accompagnement" → the frequent
 * démarche (ameli: its theme, category and site in one tap) → "Autonome" → "Enregistrer";
 * individual, today, the usual duration and the last place preselected.
 */
export async function usualSession(page: Page, taps: TapCounter, site = 'ameli'): Promise<void> {
  await taps.tap(page.locator('[data-testid="home-newActivity"]'));
  await choice(page, 'Enregistrer').waitFor();
  await taps.tap(page.locator(`[data-testid="frequent-${site}"]`));
  await taps.tap(choice(page, 'Autonome'));
  await taps.tap(choice(page, 'Enregistrer'));
  await page.locator('[data-testid="saved-notice"]').waitFor();
}

export const WORKSHOP_TITLE = 'Créer son adresse e-mail';

/**
 * An 8-person workshop with its optional genre breakdown, the counts typed as numbers:
 * "Nouvel accompagnement" → "Atelier collectif" → the title → "Débutant" → 8 participants →
 * 2 already accompanied → the breakdown → 5 women, 3 men → "E-mail" → "2 h" → "Enregistrer".
 */
export async function eightPersonWorkshop(page: Page, taps: TapCounter): Promise<void> {
  await taps.tap(page.locator('[data-testid="home-newActivity"]'));
  await choice(page, 'Enregistrer').waitFor();
  await taps.tap(choice(page, 'Atelier collectif'));
  await typed(page, taps, '#act-workshop-title', WORKSHOP_TITLE);
  await taps.tap(choice(page, 'Débutant'));
  await typed(page, taps, '#stepper-group-total', '8');
  await typed(page, taps, '#stepper-group-already', '2');
  await taps.tap(page.locator('#act-beneficiaries summary'));
  await typed(page, taps, '#stepper-count-genre-feminin', '5');
  await typed(page, taps, '#stepper-count-genre-masculin', '3');
  await taps.tap(choice(page, 'E-mail'));
  await taps.tap(choice(page, '2 h'));
  await taps.tap(choice(page, 'Enregistrer'));
  await page.locator('[data-testid="saved-notice"]').waitFor();
}

/** The same workshop again, its figures copied from the last one of the same title. */
export async function copiedWorkshop(page: Page, taps: TapCounter): Promise<void> {
  await taps.tap(page.locator('[data-testid="home-newActivity"]'));
  await choice(page, 'Enregistrer').waitFor();
  await taps.tap(choice(page, 'Atelier collectif'));
  await typed(page, taps, '#act-workshop-title', WORKSHOP_TITLE);
  await taps.tap(page.locator('[data-testid="copy-workshop"]'));
  await taps.tap(choice(page, 'Enregistrer'));
  await page.locator('[data-testid="saved-notice"]').waitFor();
}

async function typed(page: Page, taps: TapCounter, selector: string, text: string): Promise<void> {
  const field = page.locator(selector);
  await taps.tap(field);
  await field.fill(text);
}
