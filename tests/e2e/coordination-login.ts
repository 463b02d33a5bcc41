import type { Page } from 'playwright-core';
import type { ServedHub } from '../helpers/browser.ts';

/** Logs in on the coordination screen and waits for the dashboard. */
export async function logIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/coordination`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
}

/** The same as the demo hub's admin. */
export function logInAsAdmin(page: Page, hub: ServedHub): Promise<void> {
  return logIn(page, hub.url, hub.hub.seeded!.adminEmail, hub.hub.seeded!.adminPassword);
}
