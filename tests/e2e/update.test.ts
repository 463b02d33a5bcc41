import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launchDevice, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';

// quality.md item 4: a new deployment is offered, never forced over what the person is doing.
describe('deploying a new version', () => {
  let served: ServedHub;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let deployDir: string;
  let nextBuild: string;

  beforeAll(async () => {
    deployDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-deploy-'));
    fs.cpSync(DIST, deployDir, { recursive: true });
    nextBuild = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-next-'));
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
      env: { ...process.env, KARIOLE_DIST: nextBuild, KARIOLE_BUILD_ID: 'next-version' },
      stdio: 'inherit',
    });
    served = await serveHub({ dist: deployDir });
    device = await launchDevice();
  });
  afterAll(async () => {
    await device?.close();
    await served?.destroy();
    for (const d of [deployDir, nextBuild]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it('shows the update banner without reloading, and applies the update only when asked', async () => {
    const page = await device.context.newPage();
    await page.goto(served.url + '/reglages');
    await waitForServiceWorker(page);
    const firstBuild = await page.evaluate(() => document.documentElement.dataset.build);
    expect(firstBuild).not.toBe('next-version');
    expect(await page.locator('[data-testid="update-banner"]').count()).toBe(0);

    // The person is in the middle of something: a marker that a reload would wipe.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    // Deploy: the new files replace the old ones on the hub.
    fs.cpSync(nextBuild, deployDir, { recursive: true });
    await page.getByRole('button', { name: 'Chercher une mise à jour' }).click();

    const banner = page.locator('[data-testid="update-banner"]');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('nouvelle version');
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe(firstBuild);

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Mettre à jour' }).click()]);
    await page.waitForFunction(() => document.documentElement.dataset.build === 'next-version', undefined, { timeout: 30_000 });
    expect(await page.locator('[data-testid="update-banner"]').count()).toBe(0);
  });
});
