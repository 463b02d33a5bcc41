// Measures the JavaScript the first screen needs as the browser loads it: a fresh Chromium
// profile (a first visit, not enrolled) opens the home screen of the built app served by the
// real hub; every script response the page receives until the home screen is interactive
// (its tiles in the document and the next task run: a tap would be handled) is counted, at its
// gzip size. Scripts fetched later (at idle: the sync loop, the service worker's helper) are
// listed apart; the service worker's own precache downloads are not the page's.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchDevice, serveHub } from '../tests/helpers/browser.ts';

export interface ScriptLoad {
  /** path on the hub, e.g. /assets/index-abc.js */
  file: string;
  /** bytes of the response body as served, and gzipped (level 9) */
  bytes: number;
  gzipBytes: number;
  /** ms from navigation start to the response */
  atMs: number;
  /** what `probe` said of the body, when one was given */
  probed?: boolean;
}

export interface FirstScreenJs {
  /** scripts received before the home screen was interactive */
  before: ScriptLoad[];
  /** scripts received in the few seconds after */
  after: ScriptLoad[];
  /** gzip kB of `before` */
  firstKB: number;
  /** gzip kB of every .js file of the build (the baseline) */
  allKB: number;
  interactiveAtMs: number;
}

const HOME_TILE = '[data-testid="home-newActivity"]';

/** In the page before its scripts: notes when the home tiles appear, then when the next task runs (before any idle work). */
const WATCH_INTERACTIVE = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(${JSON.stringify(HOME_TILE)})) return;
    observer.disconnect();
    setTimeout(() => { window.__firstScreenInteractiveAt = performance.now(); }, 0);
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

/** Every .js file of the build, gzipped: what the whole app weighs. */
export function wholeAppJsKB(dist: string): number {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.js')) files.push(abs);
    }
  };
  walk(path.join(dist, 'assets'));
  return files.reduce((s, f) => s + gz(fs.readFileSync(f)), 0) / 1024;
}

async function loadHome(page: Page, url: string, quietMs: number, probe?: (body: string) => boolean): Promise<{ loads: ScriptLoad[]; interactiveAtMs: number }> {
  const bodies: Promise<Omit<ScriptLoad, 'atMs'> | undefined>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    const file = new URL(res.url()).pathname;
    bodies.push(
      res
        .body()
        .then((body) => ({ file, bytes: body.length, gzipBytes: gz(body), ...(probe ? { probed: probe(body.toString('utf8')) } : {}) }))
        .catch(() => undefined),
    );
  });
  await page.addInitScript({ content: WATCH_INTERACTIVE });
  await page.goto(`${url}/`, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __firstScreenInteractiveAt?: number }).__firstScreenInteractiveAt !== undefined, undefined, { timeout: 60_000, polling: 50 });
  // Let what the app starts at idle arrive too, to list it apart.
  await page.waitForTimeout(quietMs);
  const { interactiveAtMs, ends } = await page.evaluate(() => ({
    interactiveAtMs: (window as unknown as { __firstScreenInteractiveAt: number }).__firstScreenInteractiveAt,
    // When each file arrived, in the page's clock (Resource Timing).
    ends: performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, (e as PerformanceResourceTiming).responseEnd] as const),
  }));
  const endOf = new Map(ends);
  const loads = (await Promise.all(bodies))
    .filter((l): l is Omit<ScriptLoad, 'atMs'> => !!l)
    .map((l) => ({ ...l, atMs: Math.round(endOf.get(l.file) ?? Number.POSITIVE_INFINITY) }));
  return { loads, interactiveAtMs };
}

/** Serves `dist` through the hub and loads its home screen on a fresh profile. */
export async function measureFirstScreenJs(dist: string, opts: { quietMs?: number; probe?: (body: string) => boolean } = {}): Promise<FirstScreenJs> {
  const hub = await serveHub({ dist: path.resolve(dist), seed: false });
  const device = await launchDevice();
  try {
    const page = await device.context.newPage();
    const { loads, interactiveAtMs } = await loadHome(page, hub.url, opts.quietMs ?? 3_000, opts.probe);
    const before = loads.filter((l) => l.atMs <= interactiveAtMs);
    const after = loads.filter((l) => l.atMs > interactiveAtMs);
    const firstKB = before.reduce((s, l) => s + l.gzipBytes, 0) / 1024;
    return { before, after, firstKB, allKB: wholeAppJsKB(path.resolve(dist)), interactiveAtMs: Math.round(interactiveAtMs) };
  } finally {
    await device.close();
    await hub.destroy();
  }
}
