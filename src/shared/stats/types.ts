import { z } from 'zod';
import { ACTIVITY_TYPES, THEMES, codesOf } from '../activity/codes.ts';
import type { FixedBreakdownKey, OpenBreakdownKey } from './measures.ts';

const isoDate = (label: string) =>
  z
    .string({ error: `${label} : une date AAAA-MM-JJ est attendue.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : une date AAAA-MM-JJ est attendue.`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      message: `${label} : cette date n'existe pas.`,
    });

/** Filters of `GET /api/v1/stats`, the exports and share links (protocol.md). */
export const StatsFiltersSchema = z
  .strictObject({
    from: isoDate('Début de période').optional(),
    to: isoDate('Fin de période').optional(),
    structureId: z.string().min(1).max(200).optional(),
    mediatorId: z.string().min(1).max(200).optional(),
    type: z.enum(codesOf(ACTIVITY_TYPES), { error: 'Type : individuel ou collectif.' }).optional(),
    theme: z.enum(codesOf(THEMES), { error: 'Thématique inconnue.' }).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'La fin de période précède son début.', path: ['to'] });
export type StatsFilters = z.infer<typeof StatsFiltersSchema>;

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

export interface Stats<C = number> {
  totals: { activities: C; accompaniments: C; beneficiaries: C; newBeneficiaries: C };
  series: { byMonth: SeriesPoint<C>[]; byDay: SeriesPoint<C>[] };
  breakdowns: Record<FixedBreakdownKey | OpenBreakdownKey, BreakdownEntry<C>[]>;
}

export type PublicStats = Stats<Count>;
