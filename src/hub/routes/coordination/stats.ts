import type { FastifyInstance } from 'fastify';
import { requireStaff, structureScope } from '../../plugins/auth.ts';
import { computeStats } from '../../repositories/stats.ts';
import { listMediators } from '../../repositories/mediator-list.ts';
import { listStructures } from '../../repositories/structures.ts';
import { parseFilters, selectionFor } from './filters.ts';
import { labelOpenBreakdowns } from './labels.ts';
import { commonTimeZone } from './time-zone.ts';

export default async function statsRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');

  // protocol.md: the dashboard's figures, scoped to the user's structures.
  app.get('/api/v1/stats', { preHandler: staff }, async (req) => {
    const filters = parseFilters(req.query);
    const selection = await selectionFor(app, req.user!, filters);
    return labelOpenBreakdowns(app.db, await computeStats(app.db, filters, selection));
  });

  // What the dashboard's filters offer: the user's structures and their mediators.
  app.get('/api/v1/admin/filter-options', { preHandler: staff }, async (req) => {
    const scope = structureScope(req.user!);
    const structures = await listStructures(app.db, scope);
    const mediators = await listMediators(app.db, scope);
    return {
      structures: structures.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })),
      timeZone: commonTimeZone(structures),
      mediators: mediators.map((m, i) => ({ id: m.id, structureId: m.structureId, label: m.label ?? `Médiateur ${i + 1}` })),
    };
  });
}
