import Dexie, { type Table } from 'dexie';
import type { ActivityRow, DraftRow } from './rows/activities.ts';
import type { OutboxRow } from './rows/outbox.ts';
import type { VenueReportRow, VenueRow } from './rows/venues.ts';
import { upgradeToCoopCodes } from './upgrade-coop-codes.ts';

export interface KvRow {
  key: string;
  value: unknown;
}

/** Kariole's IndexedDB database. Never add tables elsewhere; bump the version here. */
export class KarioleDB extends Dexie {
  activities!: Table<ActivityRow, string>;
  drafts!: Table<DraftRow, string>;
  outbox!: Table<OutboxRow, string>;
  venues!: Table<VenueRow, string>;
  venueReports!: Table<VenueReportRow, string>;
  kv!: Table<KvRow, string>;

  constructor(name = 'kariole') {
    super(name);
    this.version(1).stores({
      activities: 'id, date, syncState, type, updatedAt',
      drafts: 'id, updatedAt',
      outbox: 'key, kind, enqueuedAt',
      venues: 'id, code_postal, departement',
      venueReports: 'id, createdAt',
      kv: 'key',
    });
    // Venues: the directory is read whole into its search index, never queried by postcode or
    // département; dropping those two indexes makes each sync page cheaper to write.
    this.version(30).stores({ venues: 'id' });
    // The Coop's codes: records, drafts and queued records converted in place (same indexes).
    this.version(31).stores({}).upgrade(upgradeToCoopCodes);
  }
}

/** The app's single database instance. */
export const db = new KarioleDB();
