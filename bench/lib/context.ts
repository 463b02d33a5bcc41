import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FigureKey, MeasureResult } from './figures.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = path.join(ROOT, 'bench', '.cache');

export interface BenchContext {
  /** the built app (KARIOLE_DIST or dist/) */
  dist: string;
  /** runs per measurement (median kept) */
  runs: number;
  /** smaller data sets and fewer runs, for checking the harness itself */
  quick: boolean;
  log(message: string): void;
}

/**
 * A data-set size scaled by BENCH_SCALE (e.g. 0.1 for a quick look at the hub figures: 100,000
 * records instead of a million), never below `min`. Figures measured at another scale say so in
 * the notes.
 */
export function scaled(n: number, min = 1_000): number {
  const f = Number(process.env.BENCH_SCALE ?? 1);
  if (!Number.isFinite(f) || f <= 0) throw new Error(`BENCH_SCALE must be a positive number (got ${process.env.BENCH_SCALE})`);
  return Math.max(min, Math.round(n * f));
}

export interface Measurement {
  name: string;
  /** the figures it produces */
  keys: FigureKey[];
  /** heavy on CPU: run last */
  heavy?: boolean;
  /** does not use the built app (dist/): the build step is skipped when only such measurements run */
  needsNoAppBuild?: boolean;
  run(ctx: BenchContext): Promise<MeasureResult>;
}

/**
 * Builds the app into `dist` when it is missing (a fresh clone) or older than its sources
 * (the same check as `npm start`), so the figures are always those of the current code.
 */
export function ensureBuilt(dist: string, log: (m: string) => void): void {
  const before = fs.existsSync(path.join(dist, 'index.html')) ? fs.statSync(path.join(dist, 'index.html')).mtimeMs : 0;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, KARIOLE_DIST: dist },
  });
  if (r.status !== 0) throw new Error('the app could not be built: see the messages above');
  const after = fs.statSync(path.join(dist, 'index.html')).mtimeMs;
  if (after !== before) log(`built the app into ${path.relative(ROOT, dist) || dist}`);
}
