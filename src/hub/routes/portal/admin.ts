import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertStructureInScope, requireStaff } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { generatedLinksFor, getCurrentCatalogue, getCustomisation, getStructureCatalogue, saveCustomisation } from '../../repositories/portal.ts';
import { getStructure, type Structure } from '../../repositories/structures.ts';
import { customisationErrors } from '../../../shared/portal/merge.ts';
import { buildKioskPolicy } from '../../../shared/portal/policy.ts';
import { PortalCustomisationSchema } from '../../../shared/portal/schema.ts';
import { KioskPolicySchema, PortalViewSchema, StructureParamsSchema } from '../../../shared/admin-api/portal.ts';
import { download, problems } from '../../../shared/admin-api/problem.ts';

const NOT_FOUND = { status: 404, title: 'Introuvable', detail: "Cette structure n'existe pas ou ne fait pas partie de vos structures." };
const notFound = () => new HttpProblem(NOT_FOUND.status, NOT_FOUND.title, NOT_FOUND.detail);
const tags = ['Portail'];

export default async function adminPortalRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staff = requireStaff('admin', 'coordinator');

  // Out of scope and unknown answer the same 404, so nothing can be probed.
  async function structureInScope(req: FastifyRequest & { params: { id: string } }): Promise<Structure> {
    assertStructureInScope(req.user!, req.params.id);
    const structure = await getStructure(app.db, req.params.id);
    if (!structure) throw notFound();
    return structure;
  }

  async function view(structure: Structure) {
    return {
      structureId: structure.id,
      customisation: await getCustomisation(app.db, structure.id),
      catalogue: await getStructureCatalogue(app.db, structure, { includeHidden: true }),
    };
  }

  app.get(
    '/api/v1/admin/structures/:id/portal',
    {
      onRequest: staff,
      config: { invalidParams: NOT_FOUND },
      schema: { tags, summary: 'le portail de la structure : sa personnalisation et le catalogue fusionné', params: StructureParamsSchema, response: { 200: PortalViewSchema, ...problems(401, 403, 404) } },
    },
    async (req) => view(await structureInScope(req)),
  );

  app.put(
    '/api/v1/admin/structures/:id/portal',
    {
      onRequest: staff,
      config: {
        invalidParams: NOT_FOUND,
        invalid: { title: 'Portail non enregistré', detail: 'Certaines entrées sont incomplètes ou invalides : corrigez les champs indiqués.' },
      },
      schema: {
        tags,
        summary: 'remplace la personnalisation du portail (entrées ajoutées, masquées, épinglées, ordre)',
        params: StructureParamsSchema,
        body: PortalCustomisationSchema,
        response: { 200: PortalViewSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const structure = await structureInScope(req);
      const base = await getCurrentCatalogue(app.db);
      const errors = customisationErrors(base, req.body, generatedLinksFor(structure.departements));
      if (errors.length) throw new HttpProblem(400, 'Portail non enregistré', 'Certains identifiants ne correspondent à aucune entrée du portail.', errors);
      await saveCustomisation(app.db, structure.id, req.body, req.user!.id);
      return view(structure);
    },
  );

  app.get(
    '/api/v1/admin/structures/:id/kiosk-policy.json',
    {
      onRequest: staff,
      config: { invalidParams: NOT_FOUND },
      schema: {
        tags,
        summary: 'la politique de navigateur géré des tablettes en accès libre (pièce jointe JSON)',
        params: StructureParamsSchema,
        response: { 200: download('kariole-kiosk-policy.json', 'application/json', KioskPolicySchema), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const structure = await structureInScope(req);
      const catalogue = await getStructureCatalogue(app.db, structure);
      const hubUrl = app.config.publicUrl ?? `${req.protocol}://${req.host}`;
      const policy = buildKioskPolicy({ links: catalogue.links, hubUrl, idleSeconds: structure.settings.kioskIdleSeconds });
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kariole-kiosk-policy.json"')
        .header('cache-control', 'no-store')
        .send(JSON.stringify(policy, null, 2));
    },
  );
}
