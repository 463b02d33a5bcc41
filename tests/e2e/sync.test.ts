import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goOffline, goOnline, launchDevice, screenshot, serveHub, waitForServiceWorker, type ServedHub } from '../helpers/browser.ts';
import { createEnrolmentCode } from '../../src/hub/repositories/devices.ts';
import { startFaultProxy, type FaultProxy } from './sync-fault-proxy.ts';
import { accessibilityViolations } from './activities-device.ts';
import { deviceState, enrolledDeviceId, enrolThroughScreen, queueSessionsOffline, reloadApp, waitAllSynced } from './sync-device.ts';

// The fields of the national record (taxonomy.md): nothing else may leave the device.
const RECORD_FIELDS = new Set(['id', 'revision', 'type', 'date', 'durationMin', 'place', 'equipment', 'themes', 'adminThemes', 'portalLinkIds', 'autonomy', 'orientation', 'workshop', 'beneficiaries', 'aidantsConnect', 'passNumerique', 'tags']);
const NESTED: Record<string, Set<string>> = {
  place: new Set(['kind', 'venueId', 'communeInsee']),
  workshop: new Set(['title', 'level']),
  orientation: new Set(['oriented', 'towards', 'venueId']),
  beneficiaries: new Set(['total', 'alreadyAccompanied', 'genre', 'ageBand', 'status', 'communeInsee']),
};

describe('sync in the browser', () => {
  let served: ServedHub;
  let proxy: FaultProxy;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    served = await serveHub();
    proxy = await startFaultProxy(served.url);
    device = await launchDevice();
    context = device.context;
    page = await context.newPage();
    await page.goto(`${proxy.url}/synchro`);
    await waitForServiceWorker(page);
  });
  afterAll(async () => {
    await device?.close();
    await proxy?.close();
    await served?.destroy();
  });

  it('enrols with a code typed loosely, sends records made before, and nothing personal on the wire', async () => {
    await page.locator('#sync-code').waitFor();
    // Demo records made before enrolment join the outbox.
    const early = await queueSessionsOffline(page, 40);
    await enrolThroughScreen(page, proxy.url, served.hub.seeded!.enrolmentCode);
    await waitAllSynced(page, 60_000);
    const later = await queueSessionsOffline(page, 25, { startDay: 7 });
    await reloadApp(page);
    await page.locator('[data-testid="sync-now"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-running') === '0');
    await waitAllSynced(page);
    await page.waitForFunction(() => !!document.querySelector('[data-testid="sync-last-success"] time'));
    expect(await page.locator('[data-testid="sync-last-success"]').innerText()).toMatch(/maintenant|il y a/);
    await screenshot(page, 'sync-status-fr');

    const state = await deviceState(page);
    expect(state.outbox).toBe(0);
    expect(state.rows.every((r) => r.syncState === 'synced')).toBe(true);
    const ids = [...early, ...later].map((r) => r.id);
    const stored = await served.hub.database.db.selectFrom('activities').select(['id']).where('id', 'in', ids).execute();
    expect(stored).toHaveLength(65);

    // Every body the device sent: no note, no time of day, no field outside the national record.
    expect(proxy.bodies.length).toBeGreaterThan(2);
    const all = proxy.bodies.map((b) => b.body).join('\n');
    expect(all).not.toContain('Dupont');
    expect(all).not.toContain('06 12 34 56 78');
    expect(all).not.toMatch(/notes|createdAt|updatedAt|syncState|sentRevision/);
    expect(all).not.toMatch(/T\d{2}:\d{2}|\b\d{1,2}:\d{2}\b/);
    const pushes = proxy.bodies.filter((b) => b.path === '/api/v1/sync/activities');
    for (const push of pushes) {
      const { records } = JSON.parse(push.body) as { records: Record<string, unknown>[] };
      expect(records.length).toBeLessThanOrEqual(500);
      for (const r of records) {
        for (const k of Object.keys(r)) expect(RECORD_FIELDS.has(k), `unknown field ${k}`).toBe(true);
        for (const [k, allowed] of Object.entries(NESTED)) {
          if (r[k]) for (const sub of Object.keys(r[k] as object)) expect(allowed.has(sub), `unknown field ${k}.${sub}`).toBe(true);
        }
      }
    }
    // Structure, device and mediator come from the token, never from what the device sends.
    const enrol = proxy.bodies.find((b) => b.path === '/api/v1/devices/enrol')!;
    expect(Object.keys(JSON.parse(enrol.body) as object).sort()).toEqual(['code', 'deviceLabel']);
  });

  it('sends a session logged through the form without its private note', async () => {
    const before = proxy.bodies.length;
    await page.goto(`${proxy.url}/accompagnements/nouveau`);
    const button = (label: string) => page.getByRole('button', { name: label, exact: true });
    await button('Enregistrer').waitFor();
    await button('À distance').click();
    await button('E-mail').click();
    await button('Autonome').click();
    await page.getByLabel(/Notes personnelles/).fill('Mme Lefèvre, rendez-vous à 14:30, mot de passe oublié');
    await button('Enregistrer').click();
    // The record is in IndexedDB once the form says so; leaving earlier would abort the save.
    await page.locator('[data-testid="saved-notice"]').waitFor();
    await page.goto(`${proxy.url}/synchro`);
    await waitAllSynced(page);
    const sent = proxy.bodies.slice(before).filter((b) => b.path === '/api/v1/sync/activities');
    expect(sent.length).toBeGreaterThan(0);
    const text = sent.map((b) => b.body).join('\n');
    expect(text).toContain('"themes":["email"]');
    expect(text).not.toMatch(/Lefèvre|14:30|mot de passe|notes|createdAt|updatedAt/);
  });

  it('syncs (in the service worker) when the browser fires Background Sync', async () => {
    await page.goto(`${proxy.url}/synchro`);
    await waitAllSynced(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-running') === '0');
    // Records queued without any trigger (no save hook, no reload, no network change).
    const queued = await queueSessionsOffline(page, 5, { startDay: 30 });
    const pushes = () => proxy.bodies.filter((b) => b.path === '/api/v1/sync/activities').length;
    const before = pushes();
    await new Promise((r) => setTimeout(r, 2_000));
    expect(pushes()).toBe(before);

    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
        const r = e.registrations.find((x) => x.scopeURL.startsWith(proxy.url) && !x.isDeleted);
        if (r) resolve(r.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: proxy.url, registrationId: await registration, tag: 'kariole-sync', lastChance: false });
    await expect.poll(pushes, { timeout: 15_000 }).toBeGreaterThan(before);
    await expect
      .poll(async () => (await served.hub.database.db.selectFrom('activities').select('id').where('id', 'in', queued.map((q) => q.id)).execute()).length, { timeout: 15_000 })
      .toBe(5);
    await cdp.detach();
  });

  it('syncs from one tab at a time when two tabs are open', async () => {
    const second = await context.newPage();
    await second.goto(`${proxy.url}/synchro`);
    await second.locator('[data-testid="sync-state"]').waitFor();
    await goOffline(context);
    const queued = await queueSessionsOffline(page, 1200, { startDay: 40 });
    await reloadApp(page);
    await reloadApp(second);
    const before = proxy.pushes;
    proxy.maxConcurrentPushes = 0;
    // Both tabs hear the network come back and both try.
    await goOnline(context);
    await Promise.all([page.locator('[data-testid="sync-now"]').click(), second.locator('[data-testid="sync-now"]').click()]);
    await waitAllSynced(page);
    await waitAllSynced(second);
    expect(proxy.pushes - before).toBeGreaterThanOrEqual(3);
    // Pipelined pushes never overlap within one sync, and the lock keeps the other tab out.
    expect(proxy.maxConcurrentPushes).toBe(1);
    const stored = await served.hub.database.db.selectFrom('activities').select('id').where('id', 'in', queued.map((q) => q.id)).execute();
    expect(stored).toHaveLength(1200);
    await second.close();
  });

  it('after revocation keeps everything, asks to re-enrol, and drains the queue after re-enrolment', async () => {
    const deviceId = await enrolledDeviceId(page);
    const { revokeDevice } = await import('../../src/hub/repositories/devices.ts');
    await revokeDevice(served.hub.database.db, deviceId, new Date().toISOString());

    await goOffline(context);
    const queued = await queueSessionsOffline(page, 30, { startDay: 20 });
    await reloadApp(page);
    await goOnline(context);
    await page.locator('[data-testid="sync-revoked"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="sync-revoked"]').innerText()).toMatch(/Rien n'est perdu/);
    await screenshot(page, 'sync-revoked-fr');
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-pending') === '30');
    expect(await page.locator('[data-testid="sync-now"]').count()).toBe(0);
    let state = await deviceState(page);
    expect(state.outbox).toBe(30);
    expect(state.rows.filter((r) => r.syncState === 'pending')).toHaveLength(30);

    // Still kept across a reload; the screen is accessible in French and in Arabic (RTL).
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.setItem('kariole.lang', 'ar'));
    await page.reload();
    await page.locator('[data-testid="sync-revoked"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('main h1').innerText()).toBe('المزامنة');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sync-revoked-ar');
    expect((await deviceState(page)).outbox).toBe(30);
    await page.evaluate(() => localStorage.setItem('kariole.lang', 'fr'));
    await page.reload();
    await page.locator('[data-testid="sync-revoked"]').waitFor();

    const structureId = (await served.hub.database.db.selectFrom('structures').select('id').executeTakeFirstOrThrow()).id;
    const { code } = await createEnrolmentCode(served.hub.database.db, { structureId });
    await page.locator('#sync-code').fill(code);
    await page.locator('[data-testid="sync-enrol-submit"]').click();
    await page.locator('[data-testid="sync-revoked"]').waitFor({ state: 'detached', timeout: 20_000 });
    await waitAllSynced(page);
    state = await deviceState(page);
    expect(state.outbox).toBe(0);
    const stored = await served.hub.database.db.selectFrom('activities').select(['id', 'device_id']).where('id', 'in', queued.map((q) => q.id)).execute();
    expect(stored).toHaveLength(30);
    expect(stored.every((s) => s.device_id !== deviceId)).toBe(true);
  });
});
