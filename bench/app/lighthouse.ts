// Lighthouse's performance score of the built app (mobile emulation and simulated mobile
// throttling: Lighthouse's defaults), in the system Chromium, served by the real hub.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_PATH, CHROMIUM_FLAGS, serveHub } from '../lib/browser.ts';
import type { BenchContext, Measurement } from '../lib/context.ts';
import { median, round } from '../lib/stats.ts';

interface Audit {
  numericValue?: number;
  score: number | null;
}

async function oneRun(url: string): Promise<{ score: number; metrics: Record<string, number> }> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: [...CHROMIUM_FLAGS, '--headless=new'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const lhr = result?.lhr;
    const score = lhr?.categories.performance?.score;
    if (!lhr || score === null || score === undefined) throw new Error(`Lighthouse gave no performance score: ${lhr?.runtimeError?.message ?? 'no result'}`);
    const audits = lhr.audits as Record<string, Audit>;
    const metric = (id: string) => round(audits[id]?.numericValue ?? NaN);
    return {
      score: Math.round(score * 100),
      metrics: {
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: round(audits['cumulative-layout-shift']?.numericValue ?? NaN, 3),
        siMs: metric('speed-index'),
      },
    };
  } finally {
    chrome.kill();
  }
}

export const lighthouseScore: Measurement = {
  name: 'lighthouse',
  keys: ['lighthousePerformance'],
  heavy: true,
  async run(ctx: BenchContext) {
    const hub = await serveHub({ dist: ctx.dist });
    try {
      const runs: { score: number; metrics: Record<string, number> }[] = [];
      for (let i = 0; i < ctx.runs; i++) {
        const r = await oneRun(`${hub.url}/`);
        ctx.log(`run ${i + 1}: performance ${r.score} ${JSON.stringify(r.metrics)}`);
        runs.push(r);
      }
      return {
        figures: { lighthousePerformance: median(runs.map((r) => r.score)) },
        details: { url: '/ (home, first visit, no service worker yet)', runs },
        notes: ['Lighthouse 12 defaults: mobile form factor, simulated slow 4G and 4× CPU throttling'],
      };
    } finally {
      await hub.destroy();
    }
  },
};
