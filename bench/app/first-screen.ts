// First-screen JS as the browser loads it: a first visit (fresh Chromium profile, not
// enrolled) opens the home screen of the built app served by the hub; every script received
// before the home screen is interactive counts, at its gzip size (scripts/first-screen.ts,
// shared with `npm run budget`). Baseline: every .js file of the build, gzipped.
import { measureFirstScreenJs } from '../../scripts/first-screen.ts';
import type { BenchContext, Measurement } from '../lib/context.ts';
import { median, round } from '../lib/stats.ts';

export const firstScreen: Measurement = {
  name: 'first-screen',
  keys: ['firstScreenJsLoadedKB'],
  async run(ctx: BenchContext) {
    const runs = [];
    for (let i = 0; i < Math.max(1, Math.min(ctx.runs, 3)); i++) {
      const r = await measureFirstScreenJs(ctx.dist);
      ctx.log(`run ${i + 1}: ${round(r.firstKB, 1)} kB in ${r.before.length} scripts before interactive (${r.interactiveAtMs} ms); ${r.after.length} after`);
      runs.push(r);
    }
    const kb = median(runs.map((r) => r.firstKB));
    const last = runs.at(-1)!;
    const files = (xs: typeof last.before) => xs.map((l) => ({ file: l.file, gzipKB: round(l.gzipBytes / 1024, 1), atMs: l.atMs }));
    return {
      figures: { firstScreenJsLoadedKB: round(kb, 1) },
      details: { wholeAppJsGzipKB: round(last.allKB, 1), beforeInteractive: files(last.before), afterInteractive: files(last.after), interactiveAtMs: last.interactiveAtMs },
      notes: ['every script response of a first visit to the home screen until it is interactive (tiles on screen and a task run after them), gzip level 9; scripts loaded later at idle are listed in details'],
    };
  },
};
