// The answer of GET /api/v1/stats (src/shared/stats/types.ts), as the dashboard reads it.
export type { Stats, BreakdownEntry, SeriesPoint } from '../../../../shared/stats/types.ts';

export interface FilterOptions {
  structures: { id: string; name: string; timeZone?: string }[];
  /** the zone of the user's structures (Europe/Paris when they differ) */
  timeZone?: string;
  mediators: { id: string; structureId: string; label: string }[];
}
