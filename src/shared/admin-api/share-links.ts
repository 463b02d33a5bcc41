import { z } from 'zod';
import { MULTI_FILTER_KEYS, StatsFiltersSchema, type MultiFilterKey } from '../stats/types.ts';
import { sharePeriodProblems } from '../stats/public-period.ts';

// Share links (public figures): the coordination API's request and response shapes
// (docs/public-figures.md). The hub validates with them; the dashboard uses the same types.

/** `POST /api/v1/admin/share-links`: the dashboard's filters, over whole months, never one mediator. */
export const ShareLinkCreateBodySchema = z
  .strictObject({ filters: StatsFiltersSchema })
  .superRefine((body, ctx) => {
    for (const p of sharePeriodProblems(body.filters.from, body.filters.to)) ctx.addIssue({ code: 'custom', path: ['filters', p.path], message: p.message });
    if (body.filters.mediatorId) {
      ctx.addIssue({ code: 'custom', path: ['filters', 'mediatorId'], message: 'Un lien public ne peut pas porter sur un seul médiateur : retirez le filtre par médiateur.' });
    }
  });
export type ShareLinkCreateBody = z.input<typeof ShareLinkCreateBodySchema>;

export const ShareLinkParamsSchema = z.strictObject({ id: z.string().min(1).max(200) });

/** The filters of a link as answered (every multi-value filter a list, as parsed). */
export const StoredFiltersSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  ...(Object.fromEntries(MULTI_FILTER_KEYS.map((k) => [k, z.array(z.string()).optional()])) as Record<MultiFilterKey, z.ZodOptional<z.ZodArray<z.ZodString>>>),
  conseillerNumerique: z.enum(['oui', 'non']).optional(),
});

export const ShareLinkViewSchema = z.object({
  id: z.string(),
  /** the public address of the page */
  url: z.string(),
  /** the filters as stored (older links may name any days: served over the whole months they touch) */
  filters: StoredFiltersSchema,
  structureIds: z.array(z.string()).nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type ShareLinkView = z.infer<typeof ShareLinkViewSchema>;

export const ShareLinkListSchema = z.object({ links: z.array(ShareLinkViewSchema) });

/** `GET /api/v1/share/{id}` with `Accept: application/json`: the public figures (docs/public-figures.md). */
export const PublicFiguresSchema = z
  .looseObject({ filters: z.record(z.string(), z.unknown()), period: z.object({ from: z.string(), to: z.string() }).loose(), computedAt: z.string(), timeZone: z.string() })
  .meta({ id: 'PublicFigures' });
