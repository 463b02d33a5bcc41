import {
  ACTIVITY_TYPES,
  ADMIN_THEMES,
  AGE_BANDS,
  AUTONOMY,
  DURATION_BUCKETS,
  EQUIPMENT,
  GENRES,
  PLACE_KINDS,
  STATUSES,
  THEMES,
  type Coded,
} from '../activity/codes.ts';

// The figures of the dashboard as additive "measures": each activity contributes a number to
// every measure, and every figure is a sum of one measure over the selected activities. The
// hub stores them as columns (one fact row per activity, and daily roll-ups of the same sums).

/** A breakdown whose buckets are fixed national codes, each stored as one measure column. */
export interface FixedBreakdown {
  key: FixedBreakdownKey;
  prefix: string;
  codes: readonly Coded[];
  /** what its counts count: every breakdown counts accompaniments (a workshop of 8 on
   * "E-mail" adds 8 to "E-mail", as the Coop counts); beneficiary breakdowns count people */
  unit: 'accompaniments' | 'beneficiaries';
}

export type FixedBreakdownKey =
  | 'type'
  | 'themes'
  | 'adminThemes'
  | 'channel'
  | 'durationBucket'
  | 'genre'
  | 'ageBand'
  | 'status'
  | 'equipment'
  | 'oriented';

export const ORIENTED = [
  { code: 'oui', label: 'Oui' },
  { code: 'non', label: 'Non' },
] as const satisfies readonly Coded[];

export const FIXED_BREAKDOWNS: readonly FixedBreakdown[] = [
  { key: 'type', prefix: 'ty_', codes: ACTIVITY_TYPES, unit: 'accompaniments' },
  { key: 'themes', prefix: 'th_', codes: THEMES, unit: 'accompaniments' },
  { key: 'adminThemes', prefix: 'at_', codes: ADMIN_THEMES, unit: 'accompaniments' },
  { key: 'channel', prefix: 'ch_', codes: PLACE_KINDS, unit: 'accompaniments' },
  { key: 'durationBucket', prefix: 'du_', codes: DURATION_BUCKETS, unit: 'accompaniments' },
  { key: 'genre', prefix: 'ge_', codes: GENRES, unit: 'beneficiaries' },
  { key: 'ageBand', prefix: 'ag_', codes: AGE_BANDS, unit: 'beneficiaries' },
  { key: 'status', prefix: 'st_', codes: STATUSES, unit: 'beneficiaries' },
  { key: 'equipment', prefix: 'eq_', codes: EQUIPMENT, unit: 'accompaniments' },
  { key: 'oriented', prefix: 'or_', codes: ORIENTED, unit: 'accompaniments' },
];

/** Breakdowns over open lists (venue ids, INSEE codes), stored as (dimension, value) rows. */
export const OPEN_BREAKDOWNS = ['venue', 'commune'] as const;
export type OpenBreakdownKey = (typeof OPEN_BREAKDOWNS)[number];

/** Headline measures. */
export const TOTAL_MEASURES = ['activities', 'accompaniments', 'already_accompanied', 'new_beneficiaries'] as const;

/**
 * Measures added in round 3 (migration 011), stored like the others so the roll-ups sum them:
 * Aidants Connect used or not (accompaniments), autonomy (individual sessions), Pass numérique
 * accepted (a count of passes, not of people) and the duration in minutes (the per-mediator hours).
 */
export const AIDANTS_CONNECT_COLUMNS = { oui: 'ac_oui', non: 'ac_non' } as const;
export const AUTONOMY_PREFIX = 'au_';
export const PASS_NUMERIQUE_COLUMN = 'pass_numerique';
export const DURATION_COLUMN = 'duration_min';
export const EXTRA_MEASURE_COLUMNS: readonly string[] = [
  AIDANTS_CONNECT_COLUMNS.oui,
  AIDANTS_CONNECT_COLUMNS.non,
  ...AUTONOMY.map((a) => `${AUTONOMY_PREFIX}${a.code}`),
  PASS_NUMERIQUE_COLUMN,
  DURATION_COLUMN,
];

/** Column name of a fixed breakdown's bucket (codes are ASCII snake case: safe identifiers). */
export function measureColumn(b: FixedBreakdown, code: string): string {
  return `${b.prefix}${code}`;
}

/** Every measure column, in a stable order. */
export const MEASURE_COLUMNS: readonly string[] = [
  ...TOTAL_MEASURES,
  ...FIXED_BREAKDOWNS.flatMap((b) => b.codes.map((c) => measureColumn(b, c.code))),
  ...EXTRA_MEASURE_COLUMNS,
];

/** Columns of a multi-choice breakdown: per activity 0 or its participants (≤ MAX_PARTICIPANTS,
 * stored as small integers). */
export function isFlagColumn(col: string): boolean {
  return !['accompaniments', 'already_accompanied', 'new_beneficiaries', PASS_NUMERIQUE_COLUMN, DURATION_COLUMN].includes(col) && !/^(ge|ag|st)_/.test(col);
}
