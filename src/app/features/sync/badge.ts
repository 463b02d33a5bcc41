import { signal } from '@preact/signals';

// A dependency-free signal the header can show (no IndexedDB code in the first screen): the
// sync engine keeps it current once started.

export interface SyncBadgeState {
  /** changes waiting for the hub */
  pending: number;
  /** the device must be enrolled (again) before anything can leave */
  needsEnrolment: boolean;
}

export const syncBadge = signal<SyncBadgeState>({ pending: 0, needsEnrolment: false });
