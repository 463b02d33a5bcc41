import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertStructureInScope, canSeeStructure, requireStaff, structureScope } from '../../plugins/auth.ts';
import { useZod } from '../../plugins/openapi.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { problems } from '../../../shared/admin-api/problem.ts';
import { getMediator, listMediatorsWithFlag, updateMediator } from '../../repositories/mediator-list.ts';
import {
  AdminMediatorListQuerySchema,
  AdminMediatorListSchema,
  AdminMediatorParamsSchema,
  AdminMediatorPatchSchema,
  AdminMediatorSchema,
} from '../../../shared/admin-api/stats.ts';

const refused = (title: string, detail: string) => (errors: FastifySchemaValidationError[]) =>
  new HttpProblem(400, title, detail, errors.map((e) => ({ path: e.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(corps)', message: e.message ?? 'Valeur invalide.' })));

const notFound = () => new HttpProblem(404, 'Introuvable', "Ce médiateur n'existe pas ou ne fait pas partie de vos structures.");

// The mediators of the coordinator's structures and their conseiller numérique flag
// (stats-contract.md): coordinators act on their structures only (404 outside), admins on all.
export default async function mediatorRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');
  useZod(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Médiateurs'];

  r.get(
    '/api/v1/admin/mediators',
    {
      onRequest: staff,
      schema: { tags, summary: 'liste les médiateurs', querystring: AdminMediatorListQuerySchema, response: { 200: AdminMediatorListSchema, ...problems(400, 401, 403, 404) } },
      schemaErrorFormatter: refused('Requête invalide', 'Le filtre de structure est invalide.'),
    },
    async (req) => {
      const { structureId } = req.query;
      if (structureId) assertStructureInScope(req.user!, structureId);
      return { mediators: await listMediatorsWithFlag(app.db, structureId ? [structureId] : structureScope(req.user!)) };
    },
  );

  r.patch(
    '/api/v1/admin/mediators/:id',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'modifie un médiateur (conseiller numérique, nom)',
        params: AdminMediatorParamsSchema,
        body: AdminMediatorPatchSchema,
        response: { 200: AdminMediatorSchema, ...problems(400, 401, 403, 404) },
      },
      schemaErrorFormatter: refused('Médiateur non modifié', 'Envoyez { conseillerNumerique: true ou false } et, si besoin, le nom (80 caractères au plus).'),
    },
    async (req) => {
      const m = await getMediator(app.db, req.params.id);
      if (!m || !canSeeStructure(req.user!, m.structureId)) throw notFound();
      const label = req.body.label === undefined ? undefined : req.body.label.trim() || null;
      await updateMediator(app.db, m.id, { conseillerNumerique: req.body.conseillerNumerique, label });
      const [after] = (await listMediatorsWithFlag(app.db, [m.structureId])).filter((x) => x.id === m.id);
      return after!;
    },
  );
}
