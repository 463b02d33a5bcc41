import type { FastifyInstance } from 'fastify';
import { requireDevice } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { getStructureCatalogue } from '../../repositories/portal.ts';
import { getStructure } from '../../repositories/structures.ts';
import { PortalCatalogueSchema } from '../../../shared/portal/schema.ts';
import { json, noContent, problems } from '../../../shared/admin-api/problem.ts';
import { deviceRateLimit } from '../sync/rate-limit.ts';
import { sendWithEtag } from './etag.ts';

/** `GET /api/v1/sync/portal`: the catalogue merged with the device's structure customisation (ETag / 304). */
export default async function syncPortalRoutes(app: FastifyInstance) {
  app.get(
    '/api/v1/sync/portal',
    {
      onRequest: requireDevice,
      config: { rateLimit: deviceRateLimit(120) },
      schema: {
        tags: ['Synchronisation'],
        summary: "le portail de la structure de l'appareil (ETag, 304 quand il n'a pas changé)",
        security: [{ DeviceAuth: [] }],
        response: { 200: json('le catalogue fusionné', PortalCatalogueSchema), 304: noContent("l'appareil a déjà cette version"), ...problems(401, 404, 429) },
      },
    },
    async (req, reply) => {
      const structure = await getStructure(app.db, req.device!.structureId);
      if (!structure) throw new HttpProblem(404, 'Introuvable', "La structure de cet appareil n'existe plus.");
      return sendWithEtag(req, reply, await getStructureCatalogue(app.db, structure));
    },
  );
}
