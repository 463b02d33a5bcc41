import { durationBucket } from '../activity/codes.ts';
import { AIDANTS_CONNECT_COLUMNS, AUTONOMY_PREFIX, DURATION_COLUMN, FIXED_BREAKDOWNS, MEASURE_COLUMNS, PASS_NUMERIQUE_COLUMN, measureColumn } from './measures.ts';

/** The part of an anonymised record the figures read (taxonomy.md). */
export interface MeasuredRecord {
  type: string;
  date: string;
  durationMin: number;
  place: { kind: string; venueId?: string | undefined; communeInsee?: string | undefined };
  equipment?: string[] | undefined;
  themes: string[];
  adminThemes?: string[] | undefined;
  orientation?: { oriented: boolean } | undefined;
  autonomy?: string | undefined;
  aidantsConnect?: boolean | undefined;
  passNumerique?: number | undefined;
  beneficiaries: {
    total: number;
    alreadyAccompanied?: number | undefined;
    genre?: Record<string, number | undefined> | undefined;
    ageBand?: Record<string, number | undefined> | undefined;
    status?: Record<string, number | undefined> | undefined;
    communeInsee?: string | undefined;
  };
}

export interface RecordFacts {
  measures: Record<string, number>;
  themes: string[];
  venueId: string | null;
  /** commune of residence of the beneficiary, '' when not given (workshops, or left blank) */
  commune: string;
}

/** Remainder bucket of beneficiary breakdowns. */
const REMAINDER = 'non_communique';

/**
 * What one record adds to each measure (pure: the hub stores it, tests recompute it plainly).
 * As the Coop counts (taxonomy.md "Statistics"): every breakdown of the activity figures
 * counts accompaniments, so each chosen code adds the record's participants.
 */
export function recordFacts(r: MeasuredRecord): RecordFacts {
  const m: Record<string, number> = Object.fromEntries(MEASURE_COLUMNS.map((c) => [c, 0]));
  const total = r.beneficiaries.total;
  const already = Math.min(r.beneficiaries.alreadyAccompanied ?? 0, total);
  m.activities = 1;
  m.accompaniments = total;
  m.already_accompanied = already;
  m.new_beneficiaries = total - already;
  const flags: Record<string, string[]> = {
    type: [r.type],
    themes: r.themes,
    adminThemes: r.adminThemes ?? [],
    channel: [r.place.kind],
    durationBucket: [durationBucket(r.durationMin)],
    equipment: r.equipment ?? [],
    oriented: r.type === 'individuel' ? [r.orientation?.oriented ? 'oui' : 'non'] : [],
  };
  for (const b of FIXED_BREAKDOWNS) {
    const chosen = flags[b.key];
    if (chosen) {
      for (const code of chosen) {
        const col = measureColumn(b, code);
        if (col in m) m[col] = total;
      }
      continue;
    }
    // Beneficiary breakdowns: counts per code, the remainder is "non communiqué".
    const given = (r.beneficiaries[b.key as 'genre' | 'ageBand' | 'status'] ?? {}) as Record<string, number | undefined>;
    let known = 0;
    for (const c of b.codes) {
      if (c.code === REMAINDER) continue;
      const n = Math.max(0, Math.min(given[c.code] ?? 0, total - known));
      m[measureColumn(b, c.code)] = n;
      known += n;
    }
    m[measureColumn(b, REMAINDER)] = total - known;
  }
  m[r.aidantsConnect ? AIDANTS_CONNECT_COLUMNS.oui : AIDANTS_CONNECT_COLUMNS.non] = total;
  if (r.type === 'individuel' && r.autonomy && `${AUTONOMY_PREFIX}${r.autonomy}` in m) m[`${AUTONOMY_PREFIX}${r.autonomy}`] = total;
  m[PASS_NUMERIQUE_COLUMN] = Math.max(0, Math.floor(r.passNumerique ?? 0));
  m[DURATION_COLUMN] = Math.max(0, Math.round(r.durationMin));
  return {
    measures: m,
    themes: [...new Set(r.themes)],
    venueId: r.place.kind === 'lieu_activite' ? (r.place.venueId ?? null) : null,
    commune: r.type === 'individuel' ? (r.beneficiaries.communeInsee ?? '') : '',
  };
}
