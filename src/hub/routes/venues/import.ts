import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireStaff } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { ImportFileError, importVenues } from '../../repositories/venue-import.ts';
import { ImportReportSchema, VenueImportQuerySchema } from '../../../shared/admin-api/venue-import.ts';
import { problems } from '../../../shared/admin-api/problem.ts';
import { territoryOf } from './scope.ts';

/**
 * POST /api/v1/admin/venues/import: the body (CSV or JSON in the national standard) is
 * streamed to the importer, never parsed whole. A coordinator imports for one of its
 * structures (`?structureId=`), limited to its territory; an admin may import anything.
 * `?source=` names the source of rows whose `source` cell is empty; `?full=1` lists every warning.
 */
export default async function venueImportRoutes(fastify: FastifyInstance) {
  // Encapsulated: the raw body stream replaces the JSON parser for this route only.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/admin/venues/import',
    {
      onRequest: requireStaff('admin', 'coordinator'),
      bodyLimit: 200 * 1024 * 1024,
      config: { invalid: { title: 'Import impossible', detail: 'Vérifiez les paramètres de la requête.' } },
      schema: {
        tags: ['Administration : lieux'],
        summary: "importe un fichier de lieux au standard national (CSV ou JSON, text/csv ou application/json, lu en flux) et rend son rapport",
        querystring: VenueImportQuerySchema,
        response: { 200: ImportReportSchema, ...problems(400, 401, 403, 404, 413) },
      },
    },
    async (req) => {
      const user = req.user!;
      if (user.role !== 'admin' && !req.query.structureId) {
        throw new HttpProblem(400, 'Structure manquante', 'Indiquez la structure (structureId) pour laquelle vous importez des lieux.', [
          { path: 'structureId', message: 'structureId : requis pour un coordinateur' },
        ]);
      }
      const departements = req.query.structureId ? await territoryOf(app, user, req.query.structureId) : undefined;
      const body = req.body as AsyncIterable<Buffer> | undefined;
      if (!body || typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function') {
        throw new HttpProblem(400, 'Fichier manquant', 'Envoyez le fichier (CSV ou JSON) dans le corps de la requête.');
      }
      try {
        return await importVenues(app.db, body, {
          departements,
          source: req.query.source,
          full: req.query.full === '1' || req.query.full === 'true',
          actor: { action: 'import', userId: user.id, userEmail: user.email },
        });
      } catch (e) {
        if (e instanceof ImportFileError) throw new HttpProblem(400, 'Fichier illisible', e.message);
        throw e;
      }
    },
  );
}
