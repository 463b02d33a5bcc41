// The answer of GET /api/v1/stats (src/shared/stats/types.ts), as the dashboard reads it.
import type { BreakdownEntry, Stats as SharedStats } from '../../../../shared/stats/types.ts';
export type { BreakdownEntry, SeriesPoint } from '../../../../shared/stats/types.ts';

/** The breakdowns of the round-3 stats contract (Aidants Connect, Pass numérique, sites, autonomy, tags, commune of the activity). */
export const NEW_BREAKDOWNS = ['aidantsConnect', 'passNumerique', 'portalSites', 'autonomy', 'tags', 'activityCommune'] as const;
export type NewBreakdownKey = (typeof NEW_BREAKDOWNS)[number];

/** One line of the per-mediator table (authenticated dashboard only). */
export interface MediatorFigures {
  mediatorId: string;
  label: string | null;
  conseillerNumerique: boolean;
  activities: number;
  accompaniments: number;
  hours: number;
}

export type Stats = Omit<SharedStats, 'breakdowns'> & {
  breakdowns: SharedStats['breakdowns'] & Partial<Record<NewBreakdownKey, BreakdownEntry[]>>;
  mediators?: MediatorFigures[];
};

export interface FilterOptions {
  structures: { id: string; name: string; timeZone?: string }[];
  /** the zone of the user's structures (Europe/Paris when they differ) */
  timeZone?: string;
  mediators: { id: string; structureId: string; label: string }[];
}

/** What the open-list filters offer: the places, communes, départements and tags the period's activities use. */
export interface FilterChoices {
  venues: { value: string; label: string }[];
  communes: { value: string; label: string }[];
  departements: { value: string; label: string }[];
  tags: { value: string; label: string }[];
}
