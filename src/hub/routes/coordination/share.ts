import type { FastifyInstance, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireStaff } from '../../plugins/auth.ts';
import { useZod } from '../../plugins/openapi.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { ProblemSchema, download, problems } from '../../../shared/admin-api/problem.ts';
import { z } from 'zod';
import { computePublicStats, publicPeriod } from '../../repositories/public-stats.ts';
import { computeMediatorTable, type StructureSelection } from '../../repositories/stats.ts';
import type { StatsFilters } from '../../../shared/stats/types.ts';
import { createShareLink, getShareLink, listShareLinks, revokeShareLink, type ShareLink } from '../../repositories/share-links.ts';
import { listStructures } from '../../repositories/structures.ts';
import type { User } from '../../repositories/users.ts';
import { PublicFiguresSchema, ShareLinkCreateBodySchema, ShareLinkListSchema, ShareLinkParamsSchema, ShareLinkViewSchema } from '../../../shared/admin-api/share-links.ts';
import { zonedDay } from '../../../shared/time/zoned-date.ts';
import { checkWindow, selectionFor } from './filters.ts';
import { labelOpenBreakdowns } from './labels.ts';
import { PROTECTION, renderMethodPage, renderSharePage, renderShareGone } from './share-page.ts';
import { commonTimeZone } from './time-zone.ts';

/** Schema errors of a share route as a plain French problem naming each field. */
const refused = (title: string, detail: string) => (errors: FastifySchemaValidationError[]) =>
  new HttpProblem(400, title, detail, errors.map((e) => ({ path: e.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(corps)', message: e.message ?? 'Valeur invalide.' })));

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

const notFoundLink = () => new HttpProblem(404, 'Introuvable', "Ce lien de partage n'existe pas ou ne fait pas partie de vos structures.");

/** Public URL of a link: on the hub's public address when configured, else the origin the coordinator used. */
function urlOf(req: FastifyRequest, id: string): string {
  const base = req.server.config.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.host}`;
  return `${base}/api/v1/share/${id}`;
}

/** A link is the user's business when it covers only structures within the user's scope. */
function inScope(user: User, link: ShareLink): boolean {
  if (user.role === 'admin') return true;
  return link.structureIds !== null && link.structureIds.every((id) => user.structureIds.includes(id));
}

function view(req: FastifyRequest, link: ShareLink) {
  return { id: link.id, url: urlOf(req, link.id), filters: link.filters, structureIds: link.structureIds, createdAt: link.createdAt, revokedAt: link.revokedAt };
}

/** Longest series a public page shows: masking weighs every point against the others (docs/security.md). */
export const PUBLIC_MAX_DAYS = 92;
export const PUBLIC_MAX_MONTHS = 120;

/** A public page shows the day series over a quarter at most, the month series over ten years at most. */
function publicSeries<S extends { series: { byDay: unknown[]; byMonth: unknown[] } }>(stats: S): S {
  const byDay = stats.series.byDay.length > PUBLIC_MAX_DAYS ? [] : stats.series.byDay;
  const byMonth = stats.series.byMonth.length > PUBLIC_MAX_MONTHS ? [] : stats.series.byMonth;
  return { ...stats, series: { ...stats.series, byDay, byMonth } };
}

/** Fewest mediators a public link narrowed by its filters may count (docs/public-figures.md). */
export const PUBLIC_MIN_MEDIATORS = 2;
/** Filters that keep the whole page of the chosen structures: any other one narrows it. */
const WHOLE_PAGE_FILTERS = new Set(['from', 'to', 'structureId']);
const FILTER_NAMES: Record<string, string> = {
  type: 'type', theme: 'thématique', adminTheme: 'démarche', venueId: 'lieu', commune: 'commune',
  departement: 'département', tag: 'étiquette', conseillerNumerique: 'conseiller numérique',
};

/**
 * A link whose filters narrow the structures' page (a place, a tag, conseillers numériques
 * only…) must still count the work of at least PUBLIC_MIN_MEDIATORS mediators over its period:
 * otherwise the public page would show one person's activity (issue #16).
 */
async function assertSeveralMediators(app: FastifyInstance, filters: StatsFilters, selection: StructureSelection): Promise<void> {
  const narrowing = Object.entries(filters)
    .filter(([k, v]) => !WHOLE_PAGE_FILTERS.has(k) && (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ''))
    .map(([k]) => k);
  if (!narrowing.length) return;
  const counted = (await computeMediatorTable(app.db, filters, selection)).filter((m) => m.activities > 0).length;
  if (counted >= PUBLIC_MIN_MEDIATORS) return;
  const names = narrowing.map((k) => FILTER_NAMES[k] ?? k).join(', ');
  const message = `Avec ce filtre, la période ne compte ${counted === 0 ? 'aucun médiateur' : "qu'un médiateur"} (il en faut au moins ${PUBLIC_MIN_MEDIATORS}).`;
  throw new HttpProblem(
    400,
    'Lien non créé',
    `Avec ces filtres (${names}), les chiffres publics ne porteraient que sur l'activité de ${counted === 0 ? 'personne' : 'un seul médiateur'} : un lien public doit réunir au moins ${PUBLIC_MIN_MEDIATORS} médiateurs sur sa période. Retirez ou élargissez ces filtres, ou allongez la période.`,
    narrowing.map((k) => ({ path: `filters.${k}`, message })),
  );
}

export default async function shareRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');
  // Share lists are short: responses checked against their schema (unknown fields dropped).
  useZod(app, { validateResponses: true });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Partage public'];

  r.post(
    '/api/v1/admin/share-links',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'crée un lien public',
        description: "Un lien public (sans connexion) vers les chiffres des filtres donnés, sur des mois entiers, masqués sous 11 et perturbés (docs/public-figures.md). Refusé (400) quand un filtre autre que la période et les structures ne retient l'activité que de moins de 2 médiateurs.",
        body: ShareLinkCreateBodySchema,
        response: { 201: ShareLinkViewSchema, ...problems(400, 401, 403, 404) },
      },
      schemaErrorFormatter: refused('Lien non créé', "Un lien public porte sur des mois entiers (du 1er d'un mois au dernier jour d'un mois), sans filtre par médiateur."),
    },
    async (req, reply) => {
      // The window rules of every filter (dates inside the hub's window), then the scope.
      const filters = checkWindow(req.body.filters);
      const selection = await selectionFor(app, req.user!, filters);
      await assertSeveralMediators(app, filters, selection);
      const link = await createShareLink(app.db, { createdBy: req.user!.id, structureIds: 'all' in selection ? null : selection.ids, filters });
      return reply.code(201).send(view(req, link));
    },
  );

  r.get('/api/v1/admin/share-links', { onRequest: staff, schema: { tags, summary: 'liste les liens publics', response: { 200: ShareLinkListSchema, ...problems(401, 403) } } }, async (req) => {
    const links = (await listShareLinks(app.db)).filter((l) => inScope(req.user!, l));
    return { links: links.map((l) => view(req, l)) };
  });

  r.post(
    '/api/v1/admin/share-links/:id/revoke',
    { onRequest: staff, schema: { tags, summary: 'retire un lien public', params: ShareLinkParamsSchema, response: { 200: ShareLinkViewSchema, ...problems(401, 403, 404) } } },
    async (req) => {
      const { id } = req.params;
      const link = await getShareLink(app.db, id);
      if (!link || !inScope(req.user!, link)) throw notFoundLink();
      await revokeShareLink(app.db, id);
      return view(req, (await getShareLink(app.db, id))!);
    },
  );

  // How public figures are protected, in plain French (linked from every public page).
  r.get(
    '/api/v1/share/methode',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags, summary: 'comment les chiffres publics sont protégés (page)', response: { 200: download('la page de la méthode', 'text/html', z.string()), ...problems(429) } },
    },
    async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/html; charset=utf-8').send(renderMethodPage()),
  );

  // The public page: no login; JSON for programs, HTML for people. Whole months, small counts
  // masked, every shown count perturbed (docs/public-figures.md).
  r.get(
    '/api/v1/share/:id',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "la page publique d'un lien (HTML ; JSON avec Accept: application/json)",
        params: ShareLinkParamsSchema,
        response: {
          200: {
            description: 'les chiffres publics (mois entiers, masqués et perturbés)',
            content: { 'application/json': { schema: PublicFiguresSchema }, 'text/html': { schema: z.string() } },
          },
          404: { description: 'lien inconnu ou retiré', content: { 'application/problem+json': { schema: ProblemSchema }, 'text/html': { schema: z.string() } } },
          ...problems(400, 429),
        },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const wantsJson = (req.headers.accept ?? '').includes('application/json');
      const link = TOKEN.test(id) ? await getShareLink(app.db, id) : undefined;
      if (!link || link.revokedAt) {
        if (wantsJson) throw new HttpProblem(404, 'Lien introuvable', "Ce lien de partage n'existe pas ou a été retiré par la coordination.");
        return reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderShareGone());
      }
      const selection = link.structureIds === null ? { all: true as const } : { ids: link.structureIds };
      const structures = await listStructures(app.db, link.structureIds ?? undefined);
      const timeZone = commonTimeZone(structures);
      const computedAt = new Date();
      // Older links may name any days: they are served over the whole months they touch.
      const period = publicPeriod(link.filters, zonedDay(computedAt, timeZone));
      const { mediatorId: _never, ...rest } = link.filters;
      const filters = { ...rest, ...period };
      const page = await computePublicStats(app.db, filters, selection, async (s) => publicSeries(await labelOpenBreakdowns(app.db, s, 'all' in selection ? null : selection.ids)));
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
      if (wantsJson) {
        reply.type('application/json; charset=utf-8');
        return { filters, period, computedAt: computedAt.toISOString(), timeZone, protection: PROTECTION, ...page };
      }
      const names = link.structureIds ? structures.map((s) => s.name) : [];
      return reply.type('text/html; charset=utf-8').send(renderSharePage(page, { filters, structures: names, computedAt: computedAt.toISOString(), timeZone }));
    },
  );
}
