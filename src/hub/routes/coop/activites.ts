import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ActivitesQuerySchema, PAGE_SIZE_DEFAULT } from '../../../shared/coop-api/query.ts';
import { ActiviteListSchema, JsonApiErrorsSchema, type Activite } from '../../../shared/coop-api/resources.ts';
import { toActivite } from '../../../shared/coop-api/activite.ts';
import { activityPage, countActivities } from '../../repositories/coop-activities.ts';
import { decodeCursor, encodeCursor } from '../../lib/coop-cursor.ts';
import type { DB } from '../../db/schema.ts';
import { CoopError } from './errors.ts';
import { apiUrl, carried, listMeta, withCursor } from './links.ts';
import { namesFor } from './names.ts';

export const ERROR_RESPONSES = { 400: JsonApiErrorsSchema, 401: JsonApiErrorsSchema, 403: JsonApiErrorsSchema } as const;

// total_count is a COUNT over the whole table: kept a few seconds per filter so that paging
// through a million activities costs one count, not one per page.
const COUNT_TTL_MS = 10_000;
const counts = new WeakMap<DB, Map<string, { at: number; n: Promise<number> }>>();
function cachedCount(db: DB, key: string, load: () => Promise<number>): Promise<number> {
  let m = counts.get(db);
  if (!m) counts.set(db, (m = new Map()));
  const hit = m.get(key);
  if (hit && Date.now() - hit.at < COUNT_TTL_MS) return hit.n;
  const n = load();
  m.set(key, { at: Date.now(), n });
  n.catch(() => m.delete(key));
  return n;
}

export default async function activitesRoute(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/activites',
    {
      config: { coopScope: 'activites' },
      schema: {
        tags: ['Activités'],
        summary: 'liste des activités',
        description:
          "Retourne les activités enregistrées sur ce hub, suppressions comprises (suppression renseignée), triées par date de dernière modification décroissante. Suivre les changements : filter[modification][depuis].",
        security: [{ ClientAuth: [] }],
        querystring: ActivitesQuerySchema,
        response: { 200: ActiviteListSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const q = req.query;
      const size = q['page[size]'] ?? PAGE_SIZE_DEFAULT;
      const raw = q['page[after]'] ?? q['page[before]'];
      const direction = q['page[before]'] ? 'before' : 'after';
      let cursor: { at: string; id: string; direction: 'after' | 'before' } | undefined;
      if (raw !== undefined) {
        const c = decodeCursor(raw);
        if (!c) throw new CoopError(400, 'Paramètre invalide', `page[${direction}] : curseur invalide (reprenez le lien links.next ou links.prev d'une réponse).`, `page[${direction}]`);
        cursor = { ...c, direction };
      }
      const filters = { creationSince: normalise(q['filter[creation][depuis]']), modificationSince: normalise(q['filter[modification][depuis]']) };
      const [page, total] = await Promise.all([
        activityPage(app.db, { size, cursor, ...filters }),
        cachedCount(app.db, `${filters.creationSince ?? ''}|${filters.modificationSince ?? ''}`, () => countActivities(app.db, filters)),
      ]);
      // Names read once per structure of the page (a page mostly holds a few structures).
      const names = new Map<string, Awaited<ReturnType<typeof namesFor>>>();
      for (const id of new Set(page.rows.map((r) => r.structureId))) names.set(id, await namesFor(app.db, id));
      const data: Activite[] = page.rows.map((row) => toActivite(row, names.get(row.structureId)!));
      const hasNext = direction === 'after' ? page.more : Boolean(cursor);
      const hasPrev = direction === 'before' ? page.more : Boolean(cursor);
      const first = page.rows[0];
      const last = page.rows.at(-1);
      const base = carried(size, { 'filter[creation][depuis]': q['filter[creation][depuis]'], 'filter[modification][depuis]': q['filter[modification][depuis]'] });
      const self = raw !== undefined ? withCursor(base, direction, raw) : base;
      return {
        data,
        links: {
          self: { href: apiUrl(req, '/activites', self) },
          ...(hasNext && last ? { next: { href: apiUrl(req, '/activites', withCursor(base, 'after', encodeCursor(last.updatedAt, last.publicId))) } } : {}),
          ...(hasPrev && first ? { prev: { href: apiUrl(req, '/activites', withCursor(base, 'before', encodeCursor(first.updatedAt, first.publicId))) } } : {}),
        },
        meta: listMeta(total, size, hasNext, hasPrev),
      };
    },
  );
}

/** An ISO instant in the hub's stored form (UTC, milliseconds), so text comparison is time order. */
function normalise(s: string | undefined): string | undefined {
  return s === undefined ? undefined : new Date(s).toISOString();
}
