import { signal } from '@preact/signals';
import { getAllVenues, onVenuesChanged } from '../../../db/venues.ts';
import type { Venue } from '../../../../shared/venues/schema.ts';
import { VenueSearchIndex } from './search-index.ts';

// The places of the device held in memory while the directory is open, with their index.
// Loaded on first use; rebuilt (coalesced) after a sync applies new pages.

export interface DirectoryState {
  status: 'loading' | 'ready';
  venues: Map<string, Venue>;
  /** bumps when the index or the places change */
  version: number;
}

export const directory = signal<DirectoryState>({ status: 'loading', venues: new Map(), version: 0 });
export const searchIndex = new VenueSearchIndex();

let started = false;
let building = false;
let again = false;

async function rebuild(): Promise<void> {
  if (building) {
    again = true;
    return;
  }
  building = true;
  try {
    const all = await getAllVenues();
    const venues = new Map(all.map((v) => [v.id, v]));
    // The list shows at once; the index follows, built in slices between frames.
    directory.value = { status: directory.value.status, venues, version: directory.value.version + 1 };
    await searchIndex.build(all);
    directory.value = { status: 'ready', venues, version: directory.value.version + 1 };
  } finally {
    building = false;
    if (again) {
      again = false;
      void rebuild();
    }
  }
}

/** Starts loading the places and building the index (once per page life). */
export function ensureDirectory(): void {
  if (started) return;
  started = true;
  void rebuild();
}

onVenuesChanged(() => {
  if (started) void rebuild();
});
