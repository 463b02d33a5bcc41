import type { BreakdownEntry } from './types.ts';

// Shares as the Coop gives them (its statistics' `proportion`): a percentage of the
// breakdown's own sum — multi-valued breakdowns (themes, equipment) included — kept to three
// decimals. The dashboard and any API answer read them from here.

/** `count` as a percentage of `total`, three decimals (0 when the total is 0). */
export function proportionOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round(100_000 * (count / total)) / 1000;
}

/** Every entry with its share of the breakdown's sum. */
export function withProportions<E extends BreakdownEntry>(entries: readonly E[]): (E & { proportion: number })[] {
  const total = entries.reduce((n, e) => n + e.count, 0);
  return entries.map((e) => ({ ...e, proportion: proportionOf(e.count, total) }));
}
