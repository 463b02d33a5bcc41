// Tables of the activity records (feature: sync). Written by the push ingest only.

export interface ActivityTable {
  /** client-generated UUID */
  id: string;
  structure_id: string;
  /** the device that last changed it */
  device_id: string;
  mediator_id: string;
  revision: number;
  /** 0/1: a tombstone keeps id and revision, its record is null */
  deleted: number;
  /** sha256 of the canonical record without its revision: tells a retry from a different edit */
  content_hash: string;
  /** the anonymised record (JSON text), null for a tombstone */
  record: string | null;
  /** YYYY-MM-DD, null for a tombstone */
  date: string | null;
  /** individuel | collectif, null for a tombstone */
  type: string | null;
  received_at: string;
  updated_at: string;
}

export interface ActivityTables {
  activities: ActivityTable;
}
