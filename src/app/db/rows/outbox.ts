// Row types of the sync outbox (feature: sync).

/** What an outbox entry carries: an activity record or a venue report, by id. */
export type OutboxKind = 'activity' | 'venueReport';

export interface OutboxRow {
  /** '<kind>:<id>': one pending entry per object, replaced when the object changes again */
  key: string;
  kind: OutboxKind | (string & {});
  /** id of the activity or venue report */
  id?: string;
  enqueuedAt: string;
  /** sequence of the latest change queued (activities): the hub's answer acknowledges this number only */
  seq?: number;
  [field: string]: unknown;
}
