import { z } from 'zod';
import { ACTIVITY_TYPES, ADMIN_THEMES, THEMES, codesOf } from '../activity/codes.ts';
import type { FixedBreakdownKey, OpenBreakdownKey } from './measures.ts';

const isoDate = (label: string) =>
  z
    .string({ error: `${label} : une date AAAA-MM-JJ est attendue.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : une date AAAA-MM-JJ est attendue.`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      message: `${label} : cette date n'existe pas.`,
    });

/** Bounds of the multi-value filters (stats-contract.md). */
export const MAX_FILTER_VALUES = 100;
export const MAX_FILTER_VALUE_LENGTH = 200;

/** Names of the multi-value filters, in the order of the query string. */
export const MULTI_FILTER_KEYS = [
  'structureId',
  'mediatorId',
  'type',
  'theme',
  'adminTheme',
  'venueId',
  'commune',
  'departement',
  'tag',
] as const;
export type MultiFilterKey = (typeof MULTI_FILTER_KEYS)[number];

/** INSEE code of a commune (5 characters, Corsica 2A/2B). */
export const INSEE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;
/** Département code: '01'…'95', '2A', '2B', '971'…'976'. */
export const DEPARTEMENT_PATTERN = /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$/;

/** A filter given once (`theme=email`) or repeated (`theme=email&theme=sante`): a list either way. */
function multi(label: string, value: z.ZodType<string, string>) {
  return z
    .union([z.string(), z.array(z.string())], { error: `${label} : une valeur ou une liste de valeurs est attendue.` })
    .transform((v) => (Array.isArray(v) ? v : [v]).filter((x) => x !== ''))
    .pipe(
      z
        .array(
          z
            .string()
            .max(MAX_FILTER_VALUE_LENGTH, `${label} : ${MAX_FILTER_VALUE_LENGTH} caractères au plus par valeur.`)
            .pipe(value),
        )
        .max(MAX_FILTER_VALUES, `${label} : ${MAX_FILTER_VALUES} valeurs au plus.`),
    )
    .transform((v) => [...new Set(v)]);
}

const idValue = (label: string) => z.string().min(1, `${label} : valeur vide.`);
const enumValue = (label: string, codes: readonly [string, ...string[]]) =>
  z.string().refine((v) => codes.includes(v), { message: `${label} : valeur inconnue.` });

/** An optional day; an empty value (`from=`) is no filter. */
const optionalDay = (label: string) =>
  z
    .union([z.literal(''), isoDate(label)])
    .optional()
    .transform((v) => v || undefined);

/** The fields of the filters (also extended by the exports' query with `layout`). */
export const STATS_FILTER_FIELDS = {
  from: optionalDay('Début de période'),
  to: optionalDay('Fin de période'),
  structureId: multi('Structure (structureId)', idValue('Structure (structureId)')).optional(),
  mediatorId: multi('Médiateur (mediatorId)', idValue('Médiateur (mediatorId)')).optional(),
  type: multi('Type (type)', enumValue('Type (type) : individuel ou collectif ;', codesOf(ACTIVITY_TYPES))).optional(),
  theme: multi('Thématique (theme)', enumValue('Thématique (theme)', codesOf(THEMES))).optional(),
  adminTheme: multi('Démarche (adminTheme)', enumValue('Démarche (adminTheme)', codesOf(ADMIN_THEMES))).optional(),
  venueId: multi('Lieu (venueId)', idValue('Lieu (venueId)')).optional(),
  commune: multi('Commune (commune)', z.string().regex(INSEE_PATTERN, 'Commune (commune) : un code INSEE à 5 caractères est attendu.')).optional(),
  departement: multi('Département (departement)', z.string().regex(DEPARTEMENT_PATTERN, 'Département (departement) : code inconnu.')).optional(),
  tag: multi('Étiquette (tag)', idValue('Étiquette (tag)')).optional(),
  conseillerNumerique: z
    .enum(['oui', 'non', ''], { error: 'Conseiller numérique (conseillerNumerique) : oui ou non.' })
    .optional()
    .transform((v) => v || undefined),
};

/** The rules across fields: a period in order; an empty list is no filter. */
export function withFilterRules<T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(schema: T) {
  return schema
    .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'La fin de période précède son début.', path: ['to'] })
    .transform((f) => {
      const out = { ...f } as Record<string, unknown>;
      for (const [k, v] of Object.entries(out)) if (v === undefined || (Array.isArray(v) && v.length === 0)) delete out[k];
      return out as z.output<T>;
    });
}

/** Filters of `GET /api/v1/stats`, the exports and share links (protocol.md, stats-contract.md).
 * Every multi-value filter accepts one value or a list; values of one filter are OR-ed,
 * different filters AND-ed. */
export const StatsFiltersSchema = withFilterRules(z.strictObject(STATS_FILTER_FIELDS));

/** The filters once parsed: every multi-value filter is a list (stats-contract.md). */
export interface StatsFilters {
  from?: string;
  to?: string;
  structureId?: string[];
  mediatorId?: string[];
  type?: string[];
  theme?: string[];
  adminTheme?: string[];
  venueId?: string[];
  commune?: string[];
  departement?: string[];
  tag?: string[];
  conseillerNumerique?: 'oui' | 'non';
}
/** What the schema accepts (a single value or a list per multi-value filter). */
export type StatsFiltersInput = z.input<typeof StatsFiltersSchema>;

/** A count, or the mask of a public page ("< 11" for a small count, "masqué" for a cell hidden to protect one). */
export type Count = number | MaskedCount;
export const SMALL_COUNT = '< 11';
export const HIDDEN_COUNT = 'masqué';
export type MaskedCount = typeof SMALL_COUNT | typeof HIDDEN_COUNT;
/** Counts below this are masked on public pages. */
export const MASK_THRESHOLD = 11;

export interface BreakdownEntry<C = number> {
  key: string;
  label: string;
  count: C;
}

export interface SeriesPoint<C = number> {
  /** YYYY-MM (byMonth) or YYYY-MM-DD (byDay) */
  period: string;
  activities: C;
  accompaniments: C;
}

/** Breakdowns added in round 3 (stats-contract.md): Aidants Connect, Pass numérique, portal
 * sites, autonomy, tags, commune of the activity's place. */
export type ExtraBreakdownKey = 'aidantsConnect' | 'passNumerique' | 'portalSites' | 'autonomy' | 'tags' | 'activityCommune';

export interface Stats<C = number> {
  totals: { activities: C; accompaniments: C; beneficiaries: C; newBeneficiaries: C };
  series: { byMonth: SeriesPoint<C>[]; byDay: SeriesPoint<C>[] };
  breakdowns: Record<FixedBreakdownKey | OpenBreakdownKey | ExtraBreakdownKey, BreakdownEntry<C>[]>;
}

/** One row of the per-mediator table (authenticated dashboard only, never public). */
export interface MediatorStatsRow {
  mediatorId: string;
  label: string | null;
  conseillerNumerique: boolean;
  activities: number;
  accompaniments: number;
  /** sum of durationMin / 60, one decimal */
  hours: number;
}

/** `GET /api/v1/stats`: the figures and the per-mediator table of the filtered set. */
export interface AuthenticatedStats extends Stats {
  mediators: MediatorStatsRow[];
}

export type PublicStats = Stats<Count>;
