import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/app/db/index.ts';
import { applyVenuePage, countVenues, getAllVenues } from '../../../src/app/db/venues.ts';
import { VenueSearchIndex } from '../../../src/app/features/venues/lib/search-index.ts';
import { buildFilterMasks } from '../../../src/app/features/venues/lib/filter-masks.ts';
import { computeResults, prepareNear, sortByName } from '../../../src/app/features/venues/lib/results.ts';
import { normaliseVenueRow } from '../../../src/shared/venues/normalise.ts';
import type { Venue } from '../../../src/shared/venues/schema.ts';
import { generateVenues } from '../../../bench/generators/venues.ts';

// The correctness half of the venue directory benchmark (bench/app/venues.ts times it at
// 18,000 places in Chromium): the same generated national rows, stored page by page as the
// sync client pulls them, are exactly what one bulkPut stores; filters and distance narrow
// and reorder the search without inventing places.

const COUNT = 1_200;
const venues: Venue[] = [];
for (const row of generateVenues(COUNT, 1)) {
  const r = normaliseVenueRow(row as Record<string, unknown>);
  if (r.ok) venues.push(r.venue);
}

async function storePages(size: number): Promise<string[]> {
  await Promise.all(db.tables.map((t) => t.clear()));
  for (let i = 0; i < venues.length; i += size) {
    const page = venues.slice(i, i + size);
    await applyVenuePage({ venues: page, deleted: [], cursor: `c-${i + page.length}`, hasMore: i + size < venues.length });
  }
  return (await getAllVenues()).map((v) => v.id).sort();
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the venue directory at scale', () => {
  it('stores the same places in pages of 250, of 1,000 and in one bulkPut', { timeout: 30_000 }, async () => {
    expect(venues.length).toBeGreaterThan(COUNT - 50);
    const by250 = await storePages(250);
    const by1000 = await storePages(1000);
    await Promise.all(db.tables.map((t) => t.clear()));
    await db.venues.bulkPut(venues);
    const raw = (await db.venues.toArray()).map((v) => v.id).sort();
    expect(by250).toHaveLength(new Set(venues.map((v) => v.id)).size);
    expect(by250).toEqual(raw);
    expect(by1000).toEqual(raw);
    expect(await countVenues()).toBe(raw.length);
  });

  it('narrows the search with filters and orders it by distance, among the same places', { timeout: 30_000 }, async () => {
    await storePages(500);
    const all = await getAllVenues();
    const index = new VenueSearchIndex();
    await index.build(all);
    const map = new Map(all.map((v) => [v.id, v]));
    const byName = sortByName(all);
    const ctx = { now: new Date('2026-03-10T10:00:00Z') };
    const origin = { lat: 43.3, lon: 5.4 };
    for (const query of ['marseille', 'france services', 'mediatheque', 'centre social']) {
      const plain = computeResults(map, byName, index, { query, selected: new Set(), ctx });
      const selected = new Set(['gratuit', 'franceServices']);
      const filtered = computeResults(map, byName, index, { query, selected, ctx, near: prepareNear(byName, origin), masks: buildFilterMasks(byName, ctx) });
      const slow = computeResults(map, byName, index, { query, selected, ctx, origin });
      expect(plain.length, query).toBeGreaterThan(0);
      expect(filtered.length, query).toBeLessThan(plain.length);
      const plainIds = new Set(plain.map((r) => r.venue.id));
      for (const r of filtered) expect(plainIds.has(r.venue.id), r.venue.id).toBe(true);
      // Nearest first, places without coordinates last.
      const km = filtered.map((r) => r.km ?? Infinity);
      expect(km.some(Number.isFinite), query).toBe(true);
      expect(km).toEqual([...km].sort((a, b) => a - b));
      // The prepared masks and distances give what place-by-place evaluation gives.
      expect(filtered.map((r) => r.venue.id)).toEqual(slow.map((r) => r.venue.id));
    }
  });
});
