// In Chromium: loads normalised places into IndexedDB through the app's own applyVenuePage
// (pages as the sync client pulls them), beside a raw Dexie bulkPut of the same rows; then
// times the app's venue search at every keystroke.
import { applyVenuePage, countVenues } from '../../src/app/db/venues.ts';
import { db } from '../../src/app/db/index.ts';
import type { Venue } from '../../src/shared/venues/schema.ts';
import { VenueSearchIndex } from '../../src/app/features/venues/lib/search-index.ts';
import { computeResults, prepareNear, sortByName } from '../../src/app/features/venues/lib/results.ts';
import { buildFilterMasks } from '../../src/app/features/venues/lib/filter-masks.ts';

declare global {
  interface Window {
    benchVenues: typeof api;
  }
}

let venues: Venue[] = [];

async function clear(): Promise<void> {
  await db.venues.clear();
  await db.kv.clear();
}

const api = {
  /** Fetches the normalised places (not timed). */
  async load(url: string): Promise<number> {
    venues = (await (await fetch(url)).json()) as Venue[];
    return venues.length;
  },
  /** The app's import path: one applyVenuePage per page of the hub's answer. */
  async importPages(pageSize: number): Promise<{ ms: number; count: number }> {
    await clear();
    const t0 = performance.now();
    for (let i = 0; i < venues.length; i += pageSize) {
      const page = venues.slice(i, i + pageSize);
      await applyVenuePage({ venues: page, deleted: [], cursor: `bench-${i + page.length}`, hasMore: i + pageSize < venues.length });
    }
    const ms = performance.now() - t0;
    return { ms, count: await countVenues() };
  },
  /** The baseline: one raw Dexie bulkPut of the same rows into the same table. */
  async rawBulkPut(): Promise<{ ms: number; count: number }> {
    await clear();
    const t0 = performance.now();
    await db.venues.bulkPut(venues);
    const ms = performance.now() - t0;
    return { ms, count: await db.venues.count() };
  },
  /**
   * The app's search at every keystroke of the queries (typed letter by letter): the list the
   * screen shows (computeResults: index search + filters) over the places stored in IndexedDB,
   * with the index built as the directory screen builds it (in slices: the longest main-thread
   * task is reported). With `filters` and `origin`: those filter groups selected and the list
   * sorted by distance, masks and distances prepared once as the screen does. Returns each
   * keystroke's time.
   */
  async searchKeystrokes(
    queries: string[],
    opts: { filters?: string[]; origin?: { lat: number; lon: number } } = {},
  ): Promise<{ buildMs: number; buildLongestTaskMs: number; ms: number[]; searchOnlyMs: number[]; hits: Record<string, number>; typed: string[]; counts: number[] }> {
    const stored = (await db.venues.toArray()) as Venue[];
    const index = new VenueSearchIndex();
    let buildLongestTaskMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) buildLongestTaskMs = Math.max(buildLongestTaskMs, e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const t0 = performance.now();
    await index.build(stored);
    const buildMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    const byId = new Map(stored.map((v) => [v.id, v]));
    const byName = sortByName(stored);
    const ctx = { now: new Date() };
    const none = new Set<string>(opts.filters ?? []);
    const near = opts.origin ? prepareNear(byName, opts.origin) : undefined;
    const masks = opts.filters?.length ? buildFilterMasks(byName, ctx) : undefined;
    const ms: number[] = [];
    const searchOnlyMs: number[] = [];
    const hits: Record<string, number> = {};
    const typed: string[] = [];
    const counts: number[] = [];
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        const text = q.slice(0, i);
        const a = performance.now();
        const results = computeResults(byId, byName, index, { query: text, selected: none, ctx, near, masks });
        ms.push(performance.now() - a);
        const b = performance.now();
        index.search(text);
        searchOnlyMs.push(performance.now() - b);
        typed.push(text);
        counts.push(results.length);
        if (i === q.length) hits[q] = results.length;
        // A keystroke every ~120 ms: let the page breathe as it would between keys.
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    return { buildMs, buildLongestTaskMs, ms, searchOnlyMs, hits, typed, counts };
  },
};

window.benchVenues = api;
