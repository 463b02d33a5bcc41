import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LieuxActiviteQuerySchema, PAGE_SIZE_DEFAULT, StructuresQuerySchema } from '../../../shared/coop-api/query.ts';
import { HealthSchema, LieuSchema, StructureListSchema } from '../../../shared/coop-api/resources.ts';
import { toLieu, toStructure } from '../../../shared/coop-api/structure.ts';
import { DISPOSITIFS } from '../../../shared/venues/fields.ts';
import { countStructures, placesOfActivity, structurePage } from '../../repositories/coop-structures.ts';
import { listStructures } from '../../repositories/structures.ts';
import { ping } from '../../repositories/meta.ts';
import { decodeCursor, encodeCursor } from '../../lib/coop-cursor.ts';
import { ERROR_RESPONSES } from './activites.ts';
import { CoopError } from './errors.ts';
import { apiUrl, carried, listMeta, withCursor } from './links.ts';

/** Most places /lieux-activite answers with (La Coop's list is unpaged too). */
export const LIEUX_MAX = 10_000;

const iso = (s: string | undefined) => (s === undefined ? undefined : new Date(s).toISOString());

export default async function structureRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/structures',
    {
      config: { coopScope: 'structures' },
      schema: {
        tags: ['Structures'],
        summary: 'liste des structures',
        description: "Retourne les lieux de l'annuaire du hub (les « structures » de La Coop sont des lieux d'activité), suppressions comprises, triés par date de création décroissante.",
        security: [{ ClientAuth: [] }],
        querystring: StructuresQuerySchema,
        response: { 200: StructureListSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const q = req.query;
      const size = q['page[size]'] ?? PAGE_SIZE_DEFAULT;
      const raw = q['page[after]'] ?? q['page[before]'];
      const direction = q['page[before]'] ? 'before' : 'after';
      let cursor;
      if (raw !== undefined) {
        const c = decodeCursor(raw);
        if (!c) throw new CoopError(400, 'Paramètre invalide', `page[${direction}] : curseur invalide (reprenez le lien links.next ou links.prev d'une réponse).`, `page[${direction}]`);
        cursor = { ...c, direction } as const;
      }
      const filters = { ids: q.ids, creationSince: iso(q['filter[creation][depuis]']), modificationSince: iso(q['filter[modification][depuis]']) };
      const [page, total] = await Promise.all([structurePage(app.db, { size, cursor, ...filters }), countStructures(app.db, filters)]);
      const hasNext = direction === 'after' ? page.more : Boolean(cursor);
      const hasPrev = direction === 'before' ? page.more : Boolean(cursor);
      const first = page.rows[0];
      const last = page.rows.at(-1);
      const base = carried(size, {
        ids: q.ids?.join(','),
        'filter[creation][depuis]': q['filter[creation][depuis]'],
        'filter[modification][depuis]': q['filter[modification][depuis]'],
      });
      return {
        data: page.rows.map(toStructure),
        links: {
          self: { href: apiUrl(req, '/structures', raw !== undefined ? withCursor(base, direction, raw) : base) },
          ...(hasNext && last ? { next: { href: apiUrl(req, '/structures', withCursor(base, 'after', encodeCursor(last.createdAt, last.venue.id))) } } : {}),
          ...(hasPrev && first ? { prev: { href: apiUrl(req, '/structures', withCursor(base, 'before', encodeCursor(first.createdAt, first.venue.id))) } } : {}),
        },
        meta: listMeta(total, size, hasNext, hasPrev),
      };
    },
  );

  r.get(
    '/api/v1/lieux-activite',
    {
      config: { coopScope: 'lieux_activite' },
      schema: {
        tags: ["Lieux d'activité"],
        summary: "liste des lieux d'activité",
        description: `Retourne les lieux où des activités du hub ont lieu (lieux d'activité des structures et lieux cités par les activités), au format du schéma des lieux de médiation numérique (${LIEUX_MAX} au plus).`,
        security: [{ ClientAuth: [] }],
        querystring: LieuxActiviteQuerySchema,
        response: { 200: z.array(LieuSchema), ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const dispositif = req.query['filter[dispositif_programmes_nationaux]'];
      if (dispositif !== undefined && !(DISPOSITIFS as readonly string[]).includes(dispositif)) {
        throw new CoopError(400, 'Paramètre invalide', 'filter[dispositif_programmes_nationaux] : valeur inconnue.', 'filter[dispositif_programmes_nationaux]');
      }
      const declared = [...new Set((await listStructures(app.db)).flatMap((s) => s.settings.placesOfActivity))];
      const venues = await placesOfActivity(app.db, { ids: req.query.ids, declared, limit: LIEUX_MAX });
      return venues.filter((v) => !dispositif || v.dispositif_programmes_nationaux.includes(dispositif)).map(toLieu);
    },
  );

  r.get(
    '/api/v1/health',
    {
      config: { coopScope: null },
      schema: {
        tags: ['Utilitaires'],
        summary: 'health',
        description: "État du service (tout client d'API valide).",
        security: [{ ClientAuth: [] }],
        querystring: z.strictObject({}),
        response: { 200: HealthSchema, 503: HealthSchema, 401: ERROR_RESPONSES[401] },
      },
    },
    async (_req, reply) => {
      try {
        await ping(app.db);
      } catch {
        return reply.code(503).send({ status: 'error' as const });
      }
      return { status: 'ok' as const };
    },
  );
}
