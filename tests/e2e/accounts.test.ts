import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { DIST, TABLET, launchDevice, screenshot, serveHub, type ServedHub } from '../helpers/browser.ts';
import { createStructure, type Structure } from '../../src/hub/repositories/structures.ts';
import { createUser } from '../../src/hub/repositories/users.ts';
import { logIn } from './coordination-login.ts';

// Issues #12 / #16, in Chromium: an admin manages accounts from the dashboard. Disabling a
// coordinator sends that coordinator's open page back to the login (its session answers 401);
// re-scoping and resetting the password (shown once) work; the coordinator sees only "my
// password", bounded. axe: 0 violations in French and Arabic; screenshots at 390 px and tablet.

const PHONE = { width: 390, height: 844 };
const COORD_EMAIL = 'coordinatrice@nord.test';
const COORD_PASSWORD = 'mot de passe du nord';

const accountItem = (page: Page, email: string) => page.locator(`[data-account="${email}"]`);

describe('accounts screen in a real browser', () => {
  let hub: ServedHub;
  let adminDevice: Awaited<ReturnType<typeof launchDevice>>;
  let coordDevice: Awaited<ReturnType<typeof launchDevice>>;
  let admin: Page;
  let coord: Page;
  let nord: Structure;
  let est: Structure;

  beforeAll(async () => {
    hub = await serveHub({ dist: DIST });
    const db = hub.hub.database.db;
    nord = await createStructure(db, { name: 'Centre social du Nord', departements: ['59'] });
    est = await createStructure(db, { name: 'Maison France services Est', departements: ['67'] });
    await createUser(db, { email: COORD_EMAIL, password: COORD_PASSWORD, role: 'coordinator', structureIds: [nord.id] });
    adminDevice = await launchDevice({ locale: 'fr-FR', viewport: TABLET });
    coordDevice = await launchDevice({ locale: 'fr-FR', viewport: PHONE });
    admin = adminDevice.context.pages()[0] ?? (await adminDevice.context.newPage());
    coord = coordDevice.context.pages()[0] ?? (await coordDevice.context.newPage());
  });
  afterAll(async () => {
    await adminDevice?.close();
    await coordDevice?.close();
    await hub?.destroy();
  });

  it('disable sends the open session to the login; re-enable, re-scope, reset (shown once); axe-clean in French and Arabic', async () => {
    // The coordinator is logged in on a phone; the menu offers only "Mon compte".
    await logIn(coord, hub.url, COORD_EMAIL, COORD_PASSWORD);
    await coord.getByRole('link', { name: 'Mon compte' }).click();
    await coord.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();
    expect(await coord.getByRole('heading', { name: 'Comptes existants' }).count()).toBe(0);
    await screenshot(coord, 'accounts-coordinator-390-fr');

    // The admin, on a tablet, sees the account with its structure, status and last login.
    await logIn(admin, hub.url, hub.hub.seeded!.adminEmail, hub.hub.seeded!.adminPassword);
    await admin.getByRole('link', { name: 'Comptes' }).click();
    await admin.getByRole('heading', { name: 'Comptes', level: 1 }).waitFor();
    const item = accountItem(admin, COORD_EMAIL);
    await item.waitFor();
    expect(await item.textContent()).toContain('Centre social du Nord');
    expect(await item.textContent()).toContain('actif');
    expect(await item.textContent()).not.toContain('inconnue'); // last login recorded
    expect(await axeViolations(admin), 'fr, list').toEqual([]);

    // Disable: a confirmation first, then the coordinator's open page falls back to the login.
    await item.getByRole('button', { name: 'Désactiver' }).click();
    await item.getByText('Désactiver le compte', { exact: false }).waitFor();
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Annuler'); // the safe choice has the focus
    expect(await axeViolations(admin), 'fr, confirmation').toEqual([]);
    await item.getByRole('button', { name: 'Oui, désactiver' }).click();
    await item.getByText('désactivé', { exact: true }).waitFor();
    expect(await coord.evaluate(async () => (await fetch('/api/v1/auth/me')).status)).toBe(401);
    await coord.getByRole('link', { name: 'Tableau de bord' }).click();
    await coord.getByRole('button', { name: 'Se connecter' }).waitFor();
    await coord.getByLabel('Adresse e-mail').fill(COORD_EMAIL);
    await coord.getByLabel('Mot de passe').fill(COORD_PASSWORD);
    await coord.getByRole('button', { name: 'Se connecter' }).click();
    await coord.getByText('Ce compte a été désactivé', { exact: false }).waitFor();

    // Re-enable, then re-scope: Nord → Est.
    await item.getByRole('button', { name: 'Réactiver' }).click();
    await item.getByText('actif', { exact: true }).waitFor();
    await item.getByRole('button', { name: 'Changer les structures' }).click();
    await item.getByRole('checkbox', { name: 'Maison France services Est' }).check();
    await item.getByRole('checkbox', { name: 'Centre social du Nord' }).uncheck();
    await item.getByRole('button', { name: 'Enregistrer les structures' }).click();
    await admin.getByText('enregistrées.', { exact: false }).waitFor();
    const listed = await admin.evaluate(async () => ((await (await fetch('/api/v1/admin/users')).json()) as { users: { email: string; structureIds: string[] }[] }).users);
    expect(listed.find((u) => u.email === COORD_EMAIL)?.structureIds).toEqual([est.id]);

    // Reset: confirmation, then the password shown once with a copy button and a warning.
    await item.getByRole('button', { name: 'Réinitialiser le mot de passe' }).click();
    await item.getByRole('button', { name: 'Oui, réinitialiser' }).click();
    const shown = item.getByTestId('password-once');
    await shown.waitFor();
    const fresh = (await item.getByTestId('password-value').textContent())!.trim();
    expect(fresh).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await shown.textContent()).toContain('ne sera plus affiché');
    await shown.getByRole('button', { name: 'Copier le mot de passe' }).waitFor();
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Copier le mot de passe');
    expect(await axeViolations(admin), 'fr, password shown').toEqual([]);
    await screenshot(admin, 'accounts-admin-tablet-fr');
    await admin.setViewportSize(PHONE);
    await screenshot(admin, 'accounts-admin-390-fr');
    await admin.setViewportSize(TABLET);

    // The old password no longer opens; the new one does, on the new structure.
    await coord.getByLabel('Mot de passe').fill(COORD_PASSWORD);
    await coord.getByRole('button', { name: 'Se connecter' }).click();
    await coord.getByText("L'adresse e-mail ou le mot de passe est incorrect", { exact: false }).first().waitFor();
    await coord.getByLabel('Mot de passe').fill(fresh);
    await coord.getByRole('button', { name: 'Se connecter' }).click();
    await coord.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    const me = await coord.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()) as { structureIds: string[] });
    expect(me.structureIds).toEqual([est.id]);

    // Own password, bounded: 11 characters are refused, 12 accepted.
    await coord.getByRole('link', { name: 'Mon compte' }).click();
    await coord.getByLabel('Mot de passe actuel').fill(fresh);
    await coord.getByLabel('Nouveau mot de passe', { exact: true }).fill('onze-carac.');
    await coord.getByLabel('Nouveau mot de passe, une seconde fois').fill('onze-carac.');
    await coord.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    expect(await coord.locator('#own-new').evaluate((el: HTMLInputElement) => el.validity.tooShort)).toBe(true);
    expect(await coord.getByText('Mot de passe changé.', { exact: false }).count()).toBe(0);
    await coord.getByLabel('Nouveau mot de passe', { exact: true }).fill('douze-carac.');
    await coord.getByLabel('Nouveau mot de passe, une seconde fois').fill('douze-carac.');
    await coord.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await coord.getByText('Mot de passe changé.', { exact: false }).waitFor();
    expect(await axeViolations(coord), 'fr, own password').toEqual([]);

    // Arabic, right to left: still no violation, on both screens.
    for (const page of [admin, coord]) {
      await page.locator('.lang-switch select').selectOption({ label: 'العربية' });
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await axeViolations(page), 'ar').toEqual([]);
    }
    await screenshot(admin, 'accounts-admin-tablet-ar');
    await screenshot(coord, 'accounts-coordinator-390-ar');
    for (const page of [admin, coord]) await page.locator('.lang-switch select').selectOption({ label: 'Français' });
  });
});
