import { MASK_THRESHOLD } from './types.ts';

// Cell-key perturbation of public tables (docs/public-figures.md), after the cell-key method of
// the Australian Bureau of Statistics and Eurostat: every count shown on a public page is moved
// by a small bounded noise read from a fixed perturbation table (p-table), at a position given
// by the cell's key, a number in [0, 1) derived on the hub from a secret and the records of the
// table. Same records ⇒ same key ⇒ same published value; any change in the records ⇒ new keys.

/** Largest noise (D): a published count is within ±NOISE_MAX of the true count. */
export const NOISE_MAX = 3;

/**
 * The p-table for counts far from the threshold: the probability weight of each noise from
 * −D to +D (uniform: the true value is published one time in seven).
 */
export const P_TABLE_WEIGHTS: readonly number[] = [1, 1, 1, 1, 1, 1, 1];

export interface PTableCell {
  noise: number;
  probability: number;
}

/**
 * The p-table row of a count: noises from −h to +h, h = min(D, count − 11), weighted as in
 * P_TABLE_WEIGHTS and renormalised. Symmetric, so the noise has mean 0 on every row; a shown
 * count (≥ 11) never publishes below 11 (that would tell it is a perturbed 11 or 12), hence the
 * narrower rows just above the threshold; counts below the threshold (zero included) are never
 * perturbed — they are masked.
 */
export function pTableRow(count: number): PTableCell[] {
  if (!Number.isInteger(count) || count < MASK_THRESHOLD) return [{ noise: 0, probability: 1 }];
  const h = Math.min(NOISE_MAX, count - MASK_THRESHOLD);
  const cells = P_TABLE_WEIGHTS.map((w, i) => ({ noise: i - NOISE_MAX, w })).filter((c) => Math.abs(c.noise) <= h);
  const total = cells.reduce((n, c) => n + c.w, 0);
  return cells.map((c) => ({ noise: c.noise, probability: c.w / total }));
}

/** The noise of a count at cell key `u` ∈ [0, 1): the p-table row read as a cumulative distribution. */
export function noiseAt(count: number, u: number): number {
  const row = pTableRow(count);
  let acc = 0;
  for (const c of row) {
    acc += c.probability;
    if (u < acc) return c.noise;
  }
  return row.at(-1)!.noise;
}

/** The published value of a count at cell key `u`: zero stays zero, small counts are left to the mask. */
export function perturbCount(count: number, u: number): number {
  if (count === 0) return 0;
  return count + noiseAt(count, u);
}

/** A table's noise: the published value of the count of cell `id`. */
export type CellNoise = (id: string, count: number) => number;
