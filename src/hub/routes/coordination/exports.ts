import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../../plugins/auth.ts';
import { iterateExportedActivities, type ExportedActivity } from '../../repositories/exports.ts';
import { getStructureCatalogue } from '../../repositories/portal.ts';
import { getStructure, type Structure } from '../../repositories/structures.ts';
import { getVenue } from '../../repositories/venues.ts';
import { getMediator } from '../../repositories/mediator-list.ts';
import type { DB } from '../../db/schema.ts';
import { CSV_BOM, csvLine } from '../../../shared/stats/csv.ts';
import { KARIOLE_HEADERS, karioleRow } from '../../../shared/stats/kariole-layout.ts';
import { NATIONAL_DATE_COLUMNS, NATIONAL_HEADERS, nationalRows, type NationalCell, type NationalContext } from '../../../shared/stats/national-layout.ts';
import { xlsxStream } from '../../lib/xlsx.ts';
import { communeInfo } from './communes.ts';
import { checkWindow, filtersRefused, selectionFor } from './filters.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { useZod } from '../../plugins/openapi.ts';
import { download, problems } from '../../../shared/admin-api/problem.ts';
import { z } from 'zod';
import { ExportQuerySchema } from '../../../shared/admin-api/stats.ts';
import { userTimeZone } from './time-zone.ts';
import { DEFAULT_TIME_ZONE, zonedDay } from '../../../shared/time/zoned-date.ts';

type Layout = 'kariole' | 'national';

/** Names the hub resolves around records (structures, venues, portal entries), cached per export. */
function resolver(db: DB) {
  const structures = new Map<string, Promise<Structure | undefined>>();
  const venues = new Map<string, Promise<NationalContext['venue']>>();
  const portals = new Map<string, Promise<Map<string, string>>>();
  const mediators = new Map<string, Promise<string | null>>();
  const structure = (id: string) => structures.get(id) ?? structures.set(id, getStructure(db, id)).get(id)!;
  const mediator = (id: string) => mediators.get(id) ?? mediators.set(id, getMediator(db, id).then((m) => m?.label ?? null)).get(id)!;
  const venue = (id: string) =>
    venues.get(id) ??
    venues
      .set(
        id,
        getVenue(db, id).then((v) =>
          v ? { nom: v.nom, adresse: v.adresse, commune: v.commune, codePostal: v.code_postal, codeInsee: v.code_insee ?? undefined } : undefined,
        ),
      )
      .get(id)!;
  const portal = (id: string) =>
    portals.get(id) ??
    portals
      .set(
        id,
        structure(id).then(async (s) =>
          s ? new Map((await getStructureCatalogue(db, s, { includeHidden: true })).links.map((l) => [l.id, l.name])) : new Map<string, string>(),
        ),
      )
      .get(id)!;
  return { structure, venue, portal, mediator };
}

/** The rows of each exported record in a layout (the national one gives a row per accompaniment). */
async function* layoutRows(db: DB, rows: AsyncGenerator<ExportedActivity>, layout: Layout): AsyncGenerator<NationalCell[][]> {
  const names = resolver(db);
  for await (const a of rows) {
    const r = a.record;
    const structure = await names.structure(a.structureId);
    if (layout === 'kariole') {
      yield [karioleRow(r, { publicId: a.publicId, structureId: a.structureId, structureName: structure?.name ?? '', mediatorId: a.mediatorId, receivedAt: a.receivedAt, updatedAt: a.updatedAt })];
      continue;
    }
    const portal = await names.portal(a.structureId);
    const tags = new Map((structure?.settings.tags ?? []).map((t) => [t.id, t.label]));
    const ctx: NationalContext = {
      publicId: a.publicId,
      timeZone: structure?.timeZone ?? DEFAULT_TIME_ZONE,
      receivedAt: a.receivedAt,
      updatedAt: a.updatedAt,
      mediator: { label: await names.mediator(a.mediatorId) },
      venue: r.place.venueId ? ((await names.venue(r.place.venueId)) ?? { nom: r.place.venueId }) : undefined,
      placeCommune: communeInfo(r.place.communeInsee),
      residentCommune: communeInfo(r.beneficiaries.communeInsee),
      portalNames: r.portalLinkIds.map((id) => portal.get(id) ?? id),
      tagLabels: r.tags.map((id) => tags.get(id) ?? id),
    };
    yield nationalRows(r, ctx);
  }
}

async function* csvChunks(header: readonly string[], rows: AsyncGenerator<NationalCell[][]>): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(header);
  let buffer = '';
  for await (const group of rows) {
    for (const row of group) buffer += csvLine(row);
    if (buffer.length > 64_000) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default async function exportRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');
  useZod(app);

  // protocol.md: same filters as the stats; layout=kariole (default) | national; CSV, or XLSX.
  for (const format of ['csv', 'xlsx'] as const) {
    const schema = {
      tags: ['Statistiques du tableau de bord'],
      summary: `les accompagnements filtrés, en ${format === 'csv' ? 'CSV (UTF-8 avec BOM, séparateur ;)' : 'classeur XLSX'} ; présentation kariole ou national`,
      security: [{ StaffSession: [] }],
      querystring: ExportQuerySchema,
      response: {
        200: download(`kariole-accompagnements-<présentation>-<jour>.${format}`, format === 'csv' ? 'text/csv' : XLSX_TYPE, format === 'csv' ? z.string() : undefined),
        ...problems(400, 401, 403, 404),
      },
    };
    app.withTypeProvider<ZodTypeProvider>().get(`/api/v1/exports/activities.${format}`, { onRequest: staff, schema, schemaErrorFormatter: filtersRefused }, async (req, reply) => {
      const { layout: chosen, ...asked } = req.query;
      const layout: Layout = chosen ?? 'kariole';
      const filters = checkWindow(asked);
      const selection = await selectionFor(app, req.user!, filters);
      const day = zonedDay(new Date(), await userTimeZone(app, req.user!, filters.structureId));
      const header = layout === 'national' ? NATIONAL_HEADERS : KARIOLE_HEADERS;
      const rows = layoutRows(app.db, iterateExportedActivities(app.db, filters, selection), layout);
      const dateColumns = layout === 'national' ? NATIONAL_DATE_COLUMNS : [];
      const body = format === 'csv' ? Readable.from(csvChunks(header, rows)) : xlsxStream('Accompagnements', header, rows, { dateColumns });
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', `attachment; filename="kariole-accompagnements-${layout}-${day}.${format}"`)
        .header('cache-control', 'no-store')
        .send(body);
    });
  }
}
