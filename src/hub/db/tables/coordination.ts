// Tables of the coordination dashboard (figures, share links). Written only through
// src/hub/repositories/{activity-facts,stats,share-links}.ts.

// Both activity_facts and stats_rollup also hold one integer column per measure
// (src/shared/stats/measures.ts MEASURE_COLUMNS); those are read and written by name.

/** One row per live (not deleted) activity: every filter and breakdown of the dashboard. */
export interface ActivityFactTable {
  activity_id: string;
  structure_id: string;
  mediator_id: string;
  /** YYYY-MM-DD */
  date: string;
  type: string;
  /** place of activity (lieu_activite only) */
  venue_id: string | null;
  /** INSEE code of the beneficiary's commune, '' when unknown */
  commune: string;
  /** one of the measure columns, typed here because the ingest reads it back */
  accompaniments: number;
  /** record key of this version of the activity, 0 before it is keyed (migration 013, docs/public-figures.md) */
  record_key: number;
  // Also activity_commune (INSEE code of the activity's commune) and activity_departement,
  // '' when unknown (migration 011): written and read by name in activity-facts-extra.ts.
}

/** Structure tags of each live activity (migration 011). */
export interface ActivityFactTagTable {
  activity_id: string;
  tag: string;
}

/** Extra monthly roll-ups (migration 011, repositories/stats-extra.ts). */
export interface StatsRollupExtraTable {
  structure_id: string;
  /** '' = any theme */
  theme: string;
  month: string;
  type: string;
  /** activityCommune | tag | portal | mediator */
  dim: string;
  value: string;
  activities: number;
  accompaniments: number;
  minutes: number;
}

/** (structure, month) pairs whose extra roll-ups must be rebuilt. */
export interface StatsExtraDirtyTable {
  structure_id: string;
  month: string;
}

/** Where each live activity's facts are (to mark its old month dirty when it changes). */
export interface ActivityFactMonthTable {
  activity_id: string;
  structure_id: string;
  month: string;
}

/** Portal sites (link ids) used in each live activity (migration 011). */
export interface ActivityFactPortalSiteTable {
  activity_id: string;
  link_id: string;
}

/** Themes of an activity, one row each (the theme filter). */
export interface ActivityFactThemeTable {
  activity_id: string;
  theme: string;
}

/**
 * Daily sums of the measures per structure ('*' = all structures) and type; theme ('' = any)
 * is split for '*' only. Rebuilt lazily from the facts for the days marked dirty.
 */
export interface StatsRollupTable {
  structure_id: string;
  date: string;
  type: string;
  theme: string;
}

/** Monthly counts per open dimension ('venue' | 'commune') value; theme rows for '*' only. */
export interface StatsRollupDimTable {
  structure_id: string;
  /** YYYY-MM */
  month: string;
  type: string;
  theme: string;
  dim: string;
  value: string;
  activities: number;
  accompaniments: number;
}

/** A record's venue / commune contribution entering (+) or leaving (-) a month. */
export interface StatsDimsDeltaTable {
  structure_id: string;
  month: string;
  type: string;
  venue_id: string | null;
  commune: string;
  /** the record's themes, comma-separated */
  themes: string;
  activities: number;
  accompaniments: number;
  claim: string | null;
}

/** Days whose roll-ups must be rebuilt (written by the ingest, claimed by the refresh). */
export interface StatsDirtyTable {
  structure_id: string;
  date: string;
  claim: string | null;
}

/** A one-row lock that serialises roll-up refreshes on both dialects. */
export interface StatsLockTable {
  key: string;
  refreshed_at: string;
}

export interface ShareLinkTable {
  /** random token in the public URL */
  id: string;
  created_by: string;
  /** JSON array of the structures the link covers (the creator's scope), null = whole hub */
  structure_ids: string | null;
  /** JSON of the StatsFilters */
  filters: string;
  created_at: string;
  revoked_at: string | null;
}

export interface CoordinationTables {
  activity_facts: ActivityFactTable;
  activity_fact_themes: ActivityFactThemeTable;
  activity_fact_tags: ActivityFactTagTable;
  activity_fact_portal_sites: ActivityFactPortalSiteTable;
  activity_fact_months: ActivityFactMonthTable;
  stats_rollup_extra: StatsRollupExtraTable;
  stats_extra_dirty: StatsExtraDirtyTable;
  stats_rollup: StatsRollupTable;
  stats_rollup_dims: StatsRollupDimTable;
  stats_dirty: StatsDirtyTable;
  stats_dims_delta: StatsDimsDeltaTable;
  stats_lock: StatsLockTable;
  share_links: ShareLinkTable;
}
