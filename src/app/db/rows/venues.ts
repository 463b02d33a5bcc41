import type { Venue } from '../../../shared/venues/schema.ts';
import type { ReportableField } from '../../../shared/venues/schema.ts';

// Row types of the venue directory on the device (feature: venues).

/** A place as pulled from the hub (normalised national fields + département). */
export type VenueRow = Venue;

/** A field report written on the device; it waits in the outbox until the hub has it. */
export interface VenueReportRow {
  id: string;
  venueId: string;
  field: ReportableField;
  proposed: string;
  comment?: string;
  createdAt: string;
  /** refused: the hub answered 4xx; kept with its reason until the mediator dismisses it */
  state: 'pending' | 'sent' | 'refused';
  sentAt?: string;
  refusedAt?: string;
  /** the hub's explanation (problem `detail`), shown as written */
  refusedReason?: string;
}
