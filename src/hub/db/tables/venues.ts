// Tables of the venue directory (feature: venues).

export interface VenueTable {
  id: string;
  departement: string;
  /** the département before the last change, so devices of the old territory get a deletion */
  previous_departement: string | null;
  nom: string;
  commune: string;
  code_postal: string;
  code_insee: string | null;
  /** folded name, commune and postcode, for the hub's search */
  search_text: string;
  /** JSON of the normalised Venue (src/shared/venues/schema.ts) */
  data: string;
  content_hash: string;
  /** change sequence: every write takes the next value of venue_counter (see repositories/venues.ts) */
  seq: number;
  deleted: number;
  /** where the place comes from (the file's `source`, or the one given at import); with source_id, its identity (migration 009) */
  source: string;
  /** the place's id in its source */
  source_id: string;
  /** the SIRET that links it to another source's place (null for none or a placeholder) */
  match_pivot: string | null;
  /** folded name|address|postcode, the other way to link */
  match_key: string | null;
  /** the hub id of the same place from another source: this one is kept on the hub, never sent to devices */
  linked_to: string | null;
  created_at: string;
  updated_at: string;
}

/** A single row (id 1) holding the last change sequence handed out. */
export interface VenueCounterTable {
  id: number;
  value: number;
}

export interface VenueReportTable {
  id: string;
  structure_id: string;
  device_id: string;
  mediator_id: string;
  venue_id: string;
  field: string;
  proposed: string;
  comment: string | null;
  /** 'pending' | 'applied' | 'dismissed' */
  status: string;
  created_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
}

/** One write of a place (migration 012): who, when, what (fields before → after). */
export interface VenueChangeTable {
  id: string;
  venue_id: string;
  at: string;
  /** 'import' | 'edit' | 'delete' | 'report-apply' */
  action: string;
  /** null for the command line */
  user_id: string | null;
  user_email: string | null;
  /** JSON of [{ field, before, after }] */
  changes: string;
}

export interface VenueTables {
  venues: VenueTable;
  venue_changes: VenueChangeTable;
  venue_counter: VenueCounterTable;
  venue_reports: VenueReportTable;
}
