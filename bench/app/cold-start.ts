// Offline cold start to an interactive portal: a tablet that used the app before (service
// worker installed) is switched on with no network and opens /portail; Chromium's CPU is
// slowed 4× (Emulation.setCPUThrottlingRate). Measured from navigation start to the moment
// the portal's tiles are on screen and the main thread has run a task after them (a tap
// would be handled). Each run relaunches the browser on the same profile: a cold start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchProfile, serveHub, throttleCpu, waitForServiceWorker } from '../lib/browser.ts';
import type { BenchContext, Measurement } from '../lib/context.ts';
import { median, round } from '../lib/stats.ts';

const TILE = '.portal-tile';
const ROUTE = '/portail';

declare global {
  interface Window {
    __benchInteractiveAt?: number;
  }
}

/**
 * Installed in the page before its scripts: notes when the tiles appear, then when the next
 * task runs. A string, not a function: tsx would wrap named inner functions in helpers the
 * page does not have.
 */
const WATCH_INTERACTIVE = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(${JSON.stringify(TILE)})) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__benchInteractiveAt = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** What the first cold start spent its time on: paints and the scripts and files it fetched (from the service worker). */
const TIMELINE = `(() => {
  const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, Math.round(e.startTime)]));
  const nav = performance.getEntriesByType('navigation')[0];
  const files = performance.getEntriesByType('resource').map((e) => ({ file: e.name.replace(location.origin, ''), start: Math.round(e.startTime), end: Math.round(e.responseEnd) }));
  return { domContentLoaded: nav ? Math.round(nav.domContentLoadedEventEnd) : null, paint, files };
})()`;

export const coldStart: Measurement = {
  name: 'cold-start',
  keys: ['offlineColdStartMs'],
  async run(ctx: BenchContext) {
    const hub = await serveHub({ dist: ctx.dist });
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-bench-profile-'));
    try {
      // First visit online: the service worker installs and precaches the app.
      const first = await launchProfile(profile);
      const page = await first.newPage();
      await page.goto(`${hub.url}${ROUTE}`);
      await waitForServiceWorker(page);
      await page.waitForSelector(TILE, { timeout: 30_000 });
      await page.evaluate(() => navigator.serviceWorker.ready);
      await first.close();
      await hub.stop();

      const runs: number[] = [];
      let timeline: Record<string, unknown> = {};
      for (let i = 0; i < Math.max(ctx.runs, 3); i++) {
        const context = await launchProfile(profile, { offline: true });
        try {
          await context.addInitScript({ content: WATCH_INTERACTIVE });
          const p = await context.newPage();
          await throttleCpu(p, 4);
          await p.goto(`${hub.url}${ROUTE}`, { waitUntil: 'commit' });
          await p.waitForFunction(() => window.__benchInteractiveAt !== undefined, undefined, { timeout: 60_000, polling: 100 });
          const ms = await p.evaluate(() => window.__benchInteractiveAt!);
          ctx.log(`run ${i + 1}: ${round(ms)} ms`);
          runs.push(ms);
          if (i === 0) timeline = (await p.evaluate(TIMELINE)) as Record<string, unknown>;
        } finally {
          await context.close();
        }
      }
      return {
        figures: { offlineColdStartMs: round(median(runs)) },
        details: { route: ROUTE, runsMs: runs.map((v) => round(v)), firstRunTimeline: timeline },
        notes: ['from navigation start to the portal tiles painted + one task run after them, browser relaunched offline on the installed profile, CPU 4× slower'],
      };
    } finally {
      await hub.destroy();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  },
};
