// Runs in Chromium: the app's own code (applyVenuePage, the MiniSearch index, computeResults)
// timed against IndexedDB and a national-size directory; the raw Dexie bulkPut is the baseline.
import { applyVenuePage, countVenues, getAllVenues } from '../../src/app/db/venues.ts';
import { db } from '../../src/app/db/index.ts';
import { VenueSearchIndex } from '../../src/app/features/venues/lib/search-index.ts';
import { computeResults, prepareNear, sortByName } from '../../src/app/features/venues/lib/results.ts';
import { buildFilterMasks } from '../../src/app/features/venues/lib/filter-masks.ts';
import type { Venue } from '../../src/shared/venues/schema.ts';

let venues: Venue[] = [];

async function clear(): Promise<void> {
  await db.venues.clear();
  await db.kv.clear();
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const api = {
  async load(url: string): Promise<number> {
    venues = (await (await fetch(url)).json()) as Venue[];
    return venues.length;
  },
  async importPages(pageSize: number): Promise<{ ms: number; count: number }> {
    await clear();
    const t0 = performance.now();
    for (let i = 0; i < venues.length; i += pageSize) {
      const page = venues.slice(i, i + pageSize);
      await applyVenuePage({ venues: page, deleted: [], cursor: `bench-${i + page.length}`, hasMore: i + pageSize < venues.length });
    }
    return { ms: performance.now() - t0, count: await countVenues() };
  },
  async rawBulkPut(): Promise<{ ms: number; count: number }> {
    await clear();
    const t0 = performance.now();
    await db.venues.bulkPut(venues);
    return { ms: performance.now() - t0, count: await db.venues.count() };
  },
  /** Opening the directory: read every place, then build the index in slices; the longest main-thread slice too. */
  async openDirectory(): Promise<{ readMs: number; indexMs: number; longestTaskMs: number; count: number }> {
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const t0 = performance.now();
    const all = await getAllVenues();
    const t1 = performance.now();
    const index = new VenueSearchIndex();
    await index.build(all);
    const t2 = performance.now();
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    (window as unknown as { index: VenueSearchIndex; all: Venue[] }).index = index;
    (window as unknown as { all: Venue[] }).all = all;
    return { readMs: t1 - t0, indexMs: t2 - t1, longestTaskMs: longest, count: all.length };
  },
  /** Every keystroke of the typed words: search + filters + sort, as the list computes it. */
  typing(words: string[], opts: { filters: string[]; origin: boolean }): { n: number; p50: number; p95: number; max: number; hits: number } {
    const w = window as unknown as { index: VenueSearchIndex; all: Venue[] };
    const map = new Map(w.all.map((v) => [v.id, v]));
    const byName = sortByName(w.all);
    // As the page does: distances are prepared once when the origin is chosen, not per keystroke.
    const near = opts.origin ? prepareNear(byName, { lat: 43.3, lon: 5.4 }) : undefined;
    const masks = opts.filters.length ? buildFilterMasks(byName, { now: new Date() }) : undefined;
    const times: number[] = [];
    let hits = 0;
    for (const word of words) {
      for (let i = 1; i <= word.length; i++) {
        const t0 = performance.now();
        const r = computeResults(map, byName, w.index, {
          query: word.slice(0, i),
          selected: new Set(opts.filters),
          ctx: { now: new Date() },
          near,
          masks,
        });
        r.slice(0, 30);
        times.push(performance.now() - t0);
        if (i === word.length) hits += r.length;
      }
    }
    times.sort((a, b) => a - b);
    return { n: times.length, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1]!, hits };
  },
};

(window as unknown as { venueBench: typeof api }).venueBench = api;
document.body.dataset.ready = '1';
