import type { FastifyInstance } from 'fastify';
import { requireStaff, structureScope } from '../../plugins/auth.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { useZod } from '../../plugins/openapi.ts';
import { computeStatsAndMediators } from '../../repositories/stats.ts';
import { AuthenticatedStatsSchema, FilterOptionsSchema, StatsQuerySchema } from '../../../shared/admin-api/stats.ts';
import { problems } from '../../../shared/admin-api/problem.ts';
import type { AuthenticatedStats } from '../../../shared/stats/types.ts';
import { listMediators } from '../../repositories/mediator-list.ts';
import { listStructures } from '../../repositories/structures.ts';
import { checkWindow, filtersRefused, selectionFor } from './filters.ts';
import { labelOpenBreakdowns } from './labels.ts';
import { commonTimeZone } from './time-zone.ts';

export default async function statsRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');

  useZod(app);
  // protocol.md, stats-contract.md: the dashboard's figures, scoped to the user's structures,
  // with the per-mediator table of the filtered set (never on public pages).
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/stats',
    {
      onRequest: staff,
      schema: {
        tags: ['Statistiques du tableau de bord'],
        summary: 'chiffres du tableau de bord',
        description:
          'Filtres répétables (theme=a&theme=b : valeurs en « ou », filtres en « et »), 100 valeurs de 200 caractères au plus chacun ; une valeur inconnue ou hors de vos structures est refusée.',
        querystring: StatsQuerySchema,
        response: { 200: AuthenticatedStatsSchema, ...problems(400, 401, 403, 404) },
      },
      schemaErrorFormatter: filtersRefused,
    },
    async (req): Promise<AuthenticatedStats> => {
      const filters = checkWindow(req.query);
      const selection = await selectionFor(app, req.user!, filters);
      const { stats, mediators } = await computeStatsAndMediators(app.db, filters, selection);
      return { ...(await labelOpenBreakdowns(app.db, stats, 'all' in selection ? null : selection.ids)), mediators };
    },
  );

  // What the dashboard's filters offer: the user's structures and their mediators.
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/admin/filter-options',
    {
      onRequest: staff,
      schema: { tags: ['Statistiques du tableau de bord'], summary: 'ce que proposent les filtres : vos structures et leurs médiateurs', response: { 200: FilterOptionsSchema, ...problems(401, 403) } },
    },
    async (req) => {
    const scope = structureScope(req.user!);
    const structures = await listStructures(app.db, scope);
    const mediators = await listMediators(app.db, scope);
    return {
      structures: structures.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })),
      timeZone: commonTimeZone(structures),
      mediators: mediators.map((m, i) => ({ id: m.id, structureId: m.structureId, label: m.label ?? `Médiateur ${i + 1}` })),
    };
    },
  );
}
