// First-screen JS: the entry chunk of dist/index.html and every chunk it imports statically,
// gzipped (the same measure as the build's byte-budget check), beside the whole app's JS.
import { firstScreenJs } from '../../scripts/first-screen.ts';
import type { BenchContext, Measurement } from '../lib/context.ts';
import { round } from '../lib/stats.ts';

export const firstScreen: Measurement = {
  name: 'first-screen',
  keys: ['firstScreenJsGzipKB'],
  async run(ctx: BenchContext) {
    const { firstFiles, firstKB, allKB } = firstScreenJs(ctx.dist);
    return {
      figures: { firstScreenJsGzipKB: round(firstKB, 1) },
      details: { wholeAppJsGzipKB: round(allKB, 1), firstFiles },
      notes: ['first-screen JS is a byte count of the build: one measurement, no noise'],
    };
  },
};
