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
    // Outbox entries carry the sequence number of the change they queue: a push acknowledges
    // only the sequences it sent (outbox.ts). Entries already queued keep their order.
    this.version(33)
      .stores({ outbox: 'key, kind, enqueuedAt, seq' })
      .upgrade(async (tx) => {
        const entries = await tx.table('outbox').orderBy('enqueuedAt').toArray();
        let seq = 0;
        for (const e of entries as { seq?: number }[]) e.seq = ++seq;
        await tx.table('outbox').bulkPut(entries);
        await tx.table('kv').put({ key: 'outbox.seq', value: seq });
      });
  }
}

/** The app's single database instance. */
export const db = new KarioleDB();
