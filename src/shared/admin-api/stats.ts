import { z } from 'zod';
import { STATS_FILTER_FIELDS, StatsFiltersSchema, withFilterRules } from '../stats/types.ts';

// Contracts of the figures' admin routes (stats-contract.md): GET /api/v1/stats, the exports'
// query, and the mediators' conseiller numérique flag. Shared by the hub (declared on the
// routes) and the dashboard.

/** `GET /api/v1/stats` query: the filters, each multi-value one repeated (`theme=a&theme=b`). */
export const StatsQuerySchema = StatsFiltersSchema;

/** `GET /api/v1/exports/activities.{csv,xlsx}` query: the filters and the layout. */
export const ExportQuerySchema = withFilterRules(
  z.strictObject({
    ...STATS_FILTER_FIELDS,
    layout: z.enum(['kariole', 'national'], { error: 'Présentation (layout) : kariole ou national.' }).default('kariole'),
  }),
);

const Entry = z.object({ key: z.string(), label: z.string(), count: z.number() });
const Point = z.object({ period: z.string(), activities: z.number(), accompaniments: z.number() });

export const MediatorStatsRowSchema = z.object({
  mediatorId: z.string(),
  label: z.string().nullable(),
  conseillerNumerique: z.boolean(),
  activities: z.number().int(),
  accompaniments: z.number().int(),
  hours: z.number().describe('somme des durées / 60, une décimale'),
});

/** `GET /api/v1/stats` answer: the figures and the per-mediator table (never on public pages). */
export const AuthenticatedStatsSchema = z.object({
  totals: z.object({ activities: z.number(), accompaniments: z.number(), beneficiaries: z.number(), newBeneficiaries: z.number() }),
  series: z.object({ byMonth: z.array(Point), byDay: z.array(Point) }),
  breakdowns: z.record(z.string(), z.array(Entry)),
  mediators: z.array(MediatorStatsRowSchema),
});

/** One mediator as `GET /api/v1/admin/mediators` lists it. */
export const AdminMediatorSchema = z.object({
  id: z.string(),
  structureId: z.string(),
  label: z.string().nullable(),
  conseillerNumerique: z.boolean(),
});
export type AdminMediator = z.infer<typeof AdminMediatorSchema>;

export const AdminMediatorListSchema = z.object({ mediators: z.array(AdminMediatorSchema) });

export const AdminMediatorListQuerySchema = z.strictObject({
  structureId: z.string().min(1).max(100, 'Structure (structureId) : 100 caractères au plus.').optional(),
});

export const AdminMediatorParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

/** `PATCH /api/v1/admin/mediators/:id` */
export const AdminMediatorPatchSchema = z.strictObject({
  conseillerNumerique: z.boolean({ error: 'Conseiller numérique : oui (true) ou non (false).' }),
  label: z
    .string({ error: 'Le nom du médiateur doit être un texte.' })
    .max(80, 'Le nom du médiateur est trop long (80 caractères au plus).')
    .optional(),
});
export type AdminMediatorPatch = z.infer<typeof AdminMediatorPatchSchema>;

/** `GET /api/v1/admin/filter-options`: what the dashboard's filters offer (the user's structures and their mediators). */
export const FilterOptionsSchema = z.object({
  structures: z.array(z.object({ id: z.string(), name: z.string(), timeZone: z.string() })),
  /** the zone of the user's structures (Europe/Paris when they differ) */
  timeZone: z.string(),
  mediators: z.array(z.object({ id: z.string(), structureId: z.string(), label: z.string() })),
});
export type FilterOptions = z.infer<typeof FilterOptionsSchema>;
