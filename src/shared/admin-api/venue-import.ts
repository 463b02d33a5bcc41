import { z } from 'zod';

// Contract of `POST /api/v1/admin/venues/import` (src/hub/routes/venues/import.ts): its query
// and the import report (docs/venue-import-report.md), which the CLI prints too.

export const VenueImportQuerySchema = z.object({
  structureId: z.string().max(100).optional().describe('la structure pour laquelle on importe (requise pour un coordinateur) ; limite au territoire'),
  source: z.string().max(200, 'source : 200 caractères au plus').optional().describe('la source des lignes dont la colonne source est vide'),
  full: z.string().max(5).optional().describe('1 : lister chaque avertissement (warningList)'),
});

const FieldIssue = z.object({ path: z.string(), message: z.string() });

export const RowWarningSchema = z.object({ row: z.number().int(), id: z.string().nullable(), path: z.string(), message: z.string() });
export type RowWarning = z.infer<typeof RowWarningSchema>;

export const WarningGroupSchema = z.object({
  /** the message with its values blanked: one kind of problem */
  kind: z.string(),
  path: z.string(),
  count: z.number().int(),
  examples: z.array(RowWarningSchema),
});
export type WarningGroup = z.infer<typeof WarningGroupSchema>;

export const SourceCountsSchema = z.object({
  total: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  linked: z.number().int(),
});
export type SourceCounts = z.infer<typeof SourceCountsSchema>;

export const LinkTargetSchema = z.object({ id: z.string(), source: z.string(), sourceId: z.string(), by: z.enum(['pivot', 'nom+adresse']) });

export const LinkedRowSchema = z.object({
  row: z.number().int(),
  /** the hub id of the row's place (kept on the hub, not sent to devices) */
  id: z.string(),
  source: z.string(),
  sourceId: z.string(),
  linkedTo: LinkTargetSchema,
});
export type LinkedRow = z.infer<typeof LinkedRowSchema>;

export const RejectedRowSchema = z.object({
  row: z.number().int(),
  /** the id of the row in its source (null when missing) */
  id: z.string().nullable(),
  source: z.string().optional(),
  errors: z.array(FieldIssue),
});
export type RejectedRow = z.infer<typeof RejectedRowSchema>;

/** What an import did. */
export const ImportReportSchema = z
  .object({
    format: z.enum(['csv', 'json']),
    /** data rows read (header excluded) */
    total: z.number().int(),
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    /** `row`: the row as a spreadsheet numbers it (header = 1) for CSV, the element's position (from 1) for JSON */
    rejected: z.array(RejectedRowSchema),
    /** rows stored as the same place as another source's (by SIRET or name + address) */
    linked: z.array(LinkedRowSchema),
    sources: z.record(z.string(), SourceCountsSchema),
    warningCount: z.number().int(),
    warnings: z.array(WarningGroupSchema),
    /** every warning, row by row: only when asked for (`full`) */
    warningList: z.array(RowWarningSchema).optional(),
    columns: z.object({ legacy: z.array(z.object({ from: z.string(), to: z.string() })), unknown: z.array(z.string()), missing: z.array(z.string()) }),
  })
  .meta({ id: 'VenueImportReport' });
export type ImportReport = z.infer<typeof ImportReportSchema>;
