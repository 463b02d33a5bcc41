// Row types of the activity records kept on the device (feature: activities).
import type { LocalActivity, SyncState } from '../../../shared/activity/anonymise.ts';

/** An activity on the device: the local record with its sync state (always set once stored). */
export interface ActivityRow extends LocalActivity {
  syncState: SyncState;
}

/** The row once `revision` is the revision being pushed; the same row when it already was (or a later one). */
export function withSentRevision(row: ActivityRow, revision: number): ActivityRow {
  return row.sentRevision === undefined || row.sentRevision < revision ? { ...row, sentRevision: revision } : row;
}

/**
 * A form being filled: autosaved on every change. `id` is 'new' for a new record or
 * 'edit:<activityId>' while editing one; `state` is the form's own shape (checked on load,
 * since a draft may come from an older version of the app).
 */
export interface DraftRow {
  id: string;
  updatedAt: string;
  activityId?: string;
  state: unknown;
}
