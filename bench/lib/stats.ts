// Small statistics for noisy shared machines: medians of runs, percentiles of samples.

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds of an async function, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

/** Runs `fn` `runs` times and keeps every run (a measurement picks its median). */
export async function repeat<T>(runs: number, fn: (run: number) => Promise<T>, log?: (run: number, value: T) => void): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < runs; i++) {
    const v = await fn(i);
    log?.(i, v);
    out.push(v);
  }
  return out;
}
