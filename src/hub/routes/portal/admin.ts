import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assertStructureInScope, requireStaff } from '../../plugins/auth.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { generatedLinksFor, getCurrentCatalogue, getCustomisation, getStructureCatalogue, saveCustomisation } from '../../repositories/portal.ts';
import { getStructure, type Structure } from '../../repositories/structures.ts';
import { customisationErrors } from '../../../shared/portal/merge.ts';
import { buildKioskPolicy } from '../../../shared/portal/policy.ts';
import { PortalCustomisationSchema } from '../../../shared/portal/schema.ts';

const Params = z.object({ id: z.string().min(1).max(100) });

const notFound = () => new HttpProblem(404, 'Introuvable', "Cette structure n'existe pas ou ne fait pas partie de vos structures.");

export default async function adminPortalRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');

  // Out of scope and unknown answer the same 404, so nothing can be probed.
  async function structureInScope(req: FastifyRequest): Promise<Structure> {
    const parsed = Params.safeParse(req.params);
    if (!parsed.success) throw notFound();
    assertStructureInScope(req.user!, parsed.data.id);
    const structure = await getStructure(app.db, parsed.data.id);
    if (!structure) throw notFound();
    return structure;
  }

  async function view(structure: Structure) {
    return {
      structureId: structure.id,
      customisation: await getCustomisation(app.db, structure.id),
      /** the merged catalogue as devices will get it, hidden entries included and flagged */
      catalogue: await getStructureCatalogue(app.db, structure, { includeHidden: true }),
    };
  }

  app.get('/api/v1/admin/structures/:id/portal', { preHandler: staff }, async (req) => view(await structureInScope(req)));

  app.put('/api/v1/admin/structures/:id/portal', { preHandler: staff }, async (req) => {
    const structure = await structureInScope(req);
    const parsed = PortalCustomisationSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new HttpProblem(400, 'Portail non enregistré', 'Certaines entrées sont incomplètes ou invalides : corrigez les champs indiqués.', zodErrors(parsed.error.issues));
    }
    const base = await getCurrentCatalogue(app.db);
    const errors = customisationErrors(base, parsed.data, generatedLinksFor(structure.departements));
    if (errors.length) throw new HttpProblem(400, 'Portail non enregistré', 'Certains identifiants ne correspondent à aucune entrée du portail.', errors);
    await saveCustomisation(app.db, structure.id, parsed.data, req.user!.id);
    return view(structure);
  });

  app.get('/api/v1/admin/structures/:id/kiosk-policy.json', { preHandler: staff }, async (req, reply) => {
    const structure = await structureInScope(req);
    const catalogue = await getStructureCatalogue(app.db, structure);
    const hubUrl = app.config.publicUrl ?? `${req.protocol}://${req.host}`;
    const policy = buildKioskPolicy({ links: catalogue.links, hubUrl, idleSeconds: structure.settings.kioskIdleSeconds });
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="kariole-kiosk-policy.json"')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(policy, null, 2));
  });
}
