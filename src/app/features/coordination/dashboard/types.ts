// The answer of GET /api/v1/stats (src/shared/stats/types.ts), as the dashboard reads it.
export type { Stats, BreakdownEntry, SeriesPoint } from '../../../../shared/stats/types.ts';

export interface FilterOptions {
  structures: { id: string; name: string }[];
  mediators: { id: string; structureId: string; label: string }[];
}
