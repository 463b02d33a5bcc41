import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDevice, serveHub, TABLET, type ServedHub } from '../helpers/browser.ts';
import { enrolThroughScreen } from './sync-device.ts';

// An enrolled lobby tablet: the structure's customised portal and the coordinator's PIN,
// both pulled from the hub (demo structure: CAF, ameli, impots, ANTS, France Travail pinned,
// its town hall added, Crit'Air hidden, the préfectures of its territory generated).

/** Opens /kiosque until the structure's settings have been pulled (the PIN then comes from them). */
async function openSetupWithStructurePin(page: Page, url: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.goto(url + '/kiosque');
    await page.getByTestId('setup-start').waitFor();
    if ((await page.getByTestId('setup-pin').count()) === 0) return;
    await page.waitForTimeout(1000);
  }
  throw new Error('the structure settings never arrived');
}

describe('a lobby tablet enrolled in its structure', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;

  beforeAll(async () => {
    served = await serveHub();
    device = await launchDevice({ viewport: TABLET });
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
  });

  it('shows the structure’s portal and is left only with the coordinator’s PIN', async () => {
    const seeded = served.hub.seeded!;
    expect(seeded.kioskPin).toMatch(/^\d{6}$/);
    const page = await device.context.newPage();
    await enrolThroughScreen(page, served.url, seeded.enrolmentCode);
    await openSetupWithStructurePin(page, served.url);
    await page.getByTestId('setup-start').click();
    await page.getByTestId('kiosk-start').click();

    const pinned = await page.locator('section').first().locator('[data-testid^="link-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(pinned).toEqual(['link-caf', 'link-ameli', 'link-impots', 'link-ants', 'link-francetravail']);
    await page.getByTestId('category-local').click();
    await page.getByTestId('link-mairie').waitFor();
    expect(await page.getByTestId('link-prefecture-13').count()).toBe(1);
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('portal-search').fill("crit'air");
    expect(await page.getByTestId('link-critair').count()).toBe(0);

    await page.getByTestId('kiosk-exit').click();
    await page.getByTestId('exit-pin').fill(seeded.kioskPin === '000000' ? '111111' : '000000');
    await page.getByTestId('exit-submit').click();
    await page.getByRole('alert').waitFor();
    await page.getByTestId('exit-pin').fill(seeded.kioskPin!);
    await page.getByTestId('exit-submit').click();
    await page.waitForURL((u) => u.pathname === '/portail');
    await page.close();
  });
});
