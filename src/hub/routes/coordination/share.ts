import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireStaff } from '../../plugins/auth.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { createShareLink, getShareLink, listShareLinks, revokeShareLink, type ShareLink } from '../../repositories/share-links.ts';
import { computeStats } from '../../repositories/stats.ts';
import { listStructures } from '../../repositories/structures.ts';
import type { User } from '../../repositories/users.ts';
import { maskStats } from '../../../shared/stats/masking.ts';
import { parseFilters, selectionFor } from './filters.ts';
import { labelOpenBreakdowns } from './labels.ts';
import { renderSharePage, renderShareGone } from './share-page.ts';

const CreateBody = z.strictObject({ filters: z.record(z.string(), z.unknown()).default({}) });
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

export default async function shareRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');

  app.post('/api/v1/admin/share-links', { preHandler: staff }, async (req, reply) => {
    const body = CreateBody.safeParse(req.body ?? {});
    if (!body.success) throw new HttpProblem(400, 'Lien non créé', 'Envoyez les filtres du tableau de bord : { filters }.', zodErrors(body.error.issues));
    const filters = parseFilters(body.data.filters);
    if (filters.mediatorId) {
      throw new HttpProblem(400, 'Lien non créé', 'Un lien public ne peut pas porter sur un seul médiateur.', [{ path: 'filters.mediatorId', message: 'Retirez le filtre par médiateur.' }]);
    }
    const selection = await selectionFor(app, req.user!, filters);
    const link = await createShareLink(app.db, { createdBy: req.user!.id, structureIds: 'all' in selection ? null : selection.ids, filters });
    return reply.code(201).send(view(req, link));
  });

  app.get('/api/v1/admin/share-links', { preHandler: staff }, async (req) => {
    const links = (await listShareLinks(app.db)).filter((l) => inScope(req.user!, l));
    return { links: links.map((l) => view(req, l)) };
  });

  app.post('/api/v1/admin/share-links/:id/revoke', { preHandler: staff }, async (req) => {
    const { id } = req.params as { id: string };
    const link = await getShareLink(app.db, id);
    if (!link || !inScope(req.user!, link)) throw notFoundLink();
    await revokeShareLink(app.db, id);
    return view(req, (await getShareLink(app.db, id))!);
  });

  // The public page: no login; JSON for programs, HTML for people. Small counts masked.
  app.get('/api/v1/share/:id', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const wantsJson = (req.headers.accept ?? '').includes('application/json');
    const link = TOKEN.test(id) ? await getShareLink(app.db, id) : undefined;
    if (!link || link.revokedAt) {
      if (wantsJson) throw new HttpProblem(404, 'Lien introuvable', "Ce lien de partage n'existe pas ou a été retiré par la coordination.");
      return reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderShareGone());
    }
    const selection = link.structureIds === null ? { all: true as const } : { ids: link.structureIds };
    const stats = await labelOpenBreakdowns(app.db, await computeStats(app.db, link.filters, selection));
    const page = maskStats(publicSeries(stats));
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    if (wantsJson) return { filters: link.filters, ...page };
    const structures = link.structureIds ? await listStructures(app.db, link.structureIds) : [];
    return reply.type('text/html; charset=utf-8').send(renderSharePage(page, link.filters, structures.map((s) => s.name)));
  });
}
