import { z } from 'zod';
import { VenueSchema } from '../venues/schema.ts';

// Contracts of the coordination API's venue routes (places screen, field reports, history):
// declared on the hub's routes and used by the dashboard for its types.

/** Longest search text (`q`) and largest page of the places list. */
export const VENUE_SEARCH_MAX = 200;
export const VENUE_PAGE_MAX = 100;
/** Deepest offset of the places list (the whole directory is about 18,000 places). */
export const VENUE_OFFSET_MAX = 100_000;
/** Most history rows answered at once. */
export const VENUE_HISTORY_MAX = 200;
/** Longest value of one field in an edit (a detailed presentation fits). */
export const VENUE_FIELD_MAX = 10_000;

const structureId = z.string().min(1).max(100, 'structureId : 100 caractères au plus');

export const FieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const VenueListQuerySchema = z.object({
  q: z.string().max(VENUE_SEARCH_MAX, `q : ${VENUE_SEARCH_MAX} caractères au plus`).optional(),
  structureId: structureId.optional(),
  limit: z.coerce.number().int().min(1, 'limit : 1 au moins').max(VENUE_PAGE_MAX, `limit : ${VENUE_PAGE_MAX} au plus`).default(20),
  offset: z.coerce.number().int().min(0, 'offset : 0 au moins').max(VENUE_OFFSET_MAX, `offset : ${VENUE_OFFSET_MAX} au plus`).default(0),
});

export const VenueSummarySchema = z.object({
  id: z.string(),
  nom: z.string(),
  commune: z.string(),
  code_postal: z.string(),
  code_insee: z.string().optional(),
  adresse: z.string(),
  departement: z.string(),
  /** where the place comes from (the import's source, "inconnue" when unknown) */
  source: z.string(),
  updatedAt: z.string(),
});
export type VenueSummary = z.infer<typeof VenueSummarySchema>;

export const VenueListSchema = z.object({
  venues: z.array(VenueSummarySchema),
  /** places matching the search in the territory (all pages) */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type VenueList = z.infer<typeof VenueListSchema>;

/** `GET /api/v1/admin/venues/export.csv?structureId=` */
export const VenueExportQuerySchema = z.object({ structureId: structureId.optional() });

export const VenueIdParamsSchema = z.object({ id: z.string().min(1).max(300) });

export { VenueSchema };

/** An edit: fields of the national standard as text (lists joined with `|`); null or "" empties a field. */
export const VenuePatchSchema = z.record(z.string().max(64), z.string().max(VENUE_FIELD_MAX, `${VENUE_FIELD_MAX} caractères au plus par champ`).nullable());
export type VenuePatch = z.infer<typeof VenuePatchSchema>;

export const ConfirmQuerySchema = z.object({
  /** "1" or "true": the coordinator saw the warnings and confirms */
  confirm: z.enum(['1', 'true', '0', 'false']).optional(),
});

/** The edit validated like an import row, before anything is written. */
export const VenueCheckSchema = z.object({
  /** block the write (each names its field) */
  errors: z.array(FieldIssueSchema),
  /** shown to the coordinator, who confirms to write */
  warnings: z.array(FieldIssueSchema),
});
export type VenueCheck = z.infer<typeof VenueCheckSchema>;

export const VenueWriteSchema = z.object({ venue: VenueSchema, warnings: z.array(FieldIssueSchema) });

export const VENUE_CHANGE_ACTIONS = ['import', 'edit', 'delete', 'report-apply'] as const;
export type VenueChangeAction = (typeof VENUE_CHANGE_ACTIONS)[number];

export const FieldChangeSchema = z.object({ field: z.string(), before: z.string(), after: z.string() });
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const VenueChangeSchema = z.object({
  id: z.string(),
  venueId: z.string(),
  at: z.string(),
  action: z.enum(VENUE_CHANGE_ACTIONS),
  userId: z.string().nullable(),
  /** null for the command line */
  userEmail: z.string().nullable(),
  changes: z.array(FieldChangeSchema),
});
export type VenueChange = z.infer<typeof VenueChangeSchema>;

export const VenueHistoryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'limit : 1 au moins').max(VENUE_HISTORY_MAX, `limit : ${VENUE_HISTORY_MAX} au plus`).default(50),
});
export const VenueHistorySchema = z.object({ changes: z.array(VenueChangeSchema) });

// Field reports (one type for hub and dashboard, issue 18).

export const VENUE_REPORT_STATUSES = ['pending', 'applied', 'dismissed'] as const;

export const VenueReportSchema = z.object({
  id: z.string(),
  structureId: z.string(),
  deviceId: z.string(),
  mediatorId: z.string(),
  venueId: z.string(),
  venueName: z.string().nullable(),
  field: z.string(),
  proposed: z.string(),
  comment: z.string().nullable(),
  status: z.enum(VENUE_REPORT_STATUSES),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
});
export type VenueReport = z.infer<typeof VenueReportSchema>;

/** A report as a coordinator reviews it: the place's current value, and the correction checked like an import row. */
export const VenueReportReviewSchema = VenueReportSchema.extend({
  /** the field's value on the place today (null: the place is gone) */
  current: z.string().nullable(),
  /** only for a pending report of a place still in the directory */
  check: VenueCheckSchema.nullable(),
});
export type VenueReportReview = z.infer<typeof VenueReportReviewSchema>;

export const VenueReportListQuerySchema = z.object({
  status: z.enum(['pending', 'applied', 'dismissed', 'all'], { message: 'status vaut pending, applied, dismissed ou all.' }).default('pending'),
  structureId: structureId.optional(),
});
export const VenueReportListSchema = z.object({ reports: z.array(VenueReportReviewSchema) });
export const VenueReportParamsSchema = z.object({ id: z.string().min(1).max(100) });
/** Applying a report: `confirm` once the coordinator has seen the warnings. */
export const VenueReportApplyBodySchema = z.object({ confirm: z.boolean().optional() }).nullish();
export const VenueReportAppliedSchema = z.object({ report: VenueReportSchema, venue: VenueSchema, warnings: z.array(FieldIssueSchema) });
export const VenueReportDismissedSchema = z.object({ report: VenueReportSchema });
