// The answer of GET /api/v1/stats (src/shared/stats/types.ts), as the dashboard reads it.
import type { AuthenticatedStats, MediatorStatsRow } from '../../../../shared/stats/types.ts';
export type { BreakdownEntry, SeriesPoint } from '../../../../shared/stats/types.ts';

/** The dashboard's answer: every breakdown, and the per-mediator table (authenticated only). */
export type Stats = AuthenticatedStats;
export type MediatorFigures = MediatorStatsRow;

/** What `GET /api/v1/admin/filter-options` answers (its contract). */
export type { FilterOptions } from '../../../../shared/admin-api/stats.ts';

/** What the open-list filters offer: the places, communes, départements and tags the period's activities use. */
export interface FilterChoices {
  venues: { value: string; label: string }[];
  communes: { value: string; label: string }[];
  departements: { value: string; label: string }[];
  tags: { value: string; label: string }[];
}
