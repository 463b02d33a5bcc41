import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readConfig } from '../../src/hub/config.ts';
import { startHub, type RunningHub } from '../../src/hub/server.ts';

/** The built app the browser tests run against (`vite build` first; KARIOLE_DIST to use another build). */
export const DIST = path.resolve(process.env.KARIOLE_DIST ?? 'dist');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  browser: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh Chromium profile (persistent context, so the service worker, IndexedDB and
 * storage behave as on a device). `locale` sets navigator.language.
 */
export async function launchDevice(opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<{
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    headless: true,
    locale: opts.locale ?? 'fr-FR',
    viewport: opts.viewport ?? TABLET,
    serviceWorkers: 'allow',
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A plain browser (non-persistent contexts), for tests that need several devices at once. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
}

export const TABLET = { width: 1024, height: 768 };
export const PHONE = { width: 390, height: 844 };

export interface ServedHub {
  url: string;
  hub: RunningHub;
  dataDir: string;
  /** stops the hub (the port is freed: requests then fail as when the hub is unreachable) */
  stop(): Promise<void>;
  /** starts it again on the same port and data */
  restart(): Promise<void>;
  /** stops and deletes its data */
  destroy(): Promise<void>;
}

/**
 * The real hub serving the built app over HTTP on 127.0.0.1 (random port), on a fresh SQLite
 * file; demo data is seeded unless `seed: false` (its admin and enrolment code are in hub.seeded).
 */
export async function serveHub(opts: { dist?: string; seed?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<ServedHub> {
  if (!fs.existsSync(path.join(opts.dist ?? DIST, 'index.html'))) {
    throw new Error(`No built app in ${opts.dist ?? DIST}: run "vite build" first (npm run test:e2e does).`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-hub-'));
  const base = readConfig({ ...opts.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0' });
  const config = { ...base, distDir: opts.dist ?? DIST, seedDemo: opts.seed !== false };
  let hub = await startHub(config, { logger: false });
  const port = Number(new URL(hub.url).port);
  const served: ServedHub = {
    url: `http://127.0.0.1:${port}`,
    hub,
    dataDir,
    async stop() {
      await hub.close();
    },
    async restart() {
      hub = await startHub({ ...config, port }, { logger: false });
      served.hub = hub;
    },
    async destroy() {
      await hub.close().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return served;
}

/** Waits until a service worker controls the page (the app is then available offline). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 }).catch(async () => {
    // The first visit is not controlled until a reload once the worker is active.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  });
}

/** Cuts the network for the whole device (pages and service worker). */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
}

/** Saves a screenshot under .e2e/screenshots (looked at by people, not compared). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve('.e2e/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
