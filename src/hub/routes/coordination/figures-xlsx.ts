import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { download, problems } from '../../../shared/admin-api/problem.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { useZod } from '../../plugins/openapi.ts';
import { computeMediatorTable, computeStats, type StructureSelection } from '../../repositories/stats.ts';
import { listMediators } from '../../repositories/mediator-list.ts';
import { listStructures, type Structure } from '../../repositories/structures.ts';
import { getVenuesByIds } from '../../repositories/venues.ts';
import type { User } from '../../repositories/users.ts';
import { ACTIVITY_TYPES, ADMIN_THEMES, THEMES } from '../../../shared/activity/codes.ts';
import { proportionOf } from '../../../shared/stats/proportions.ts';
import { StatsQuerySchema } from '../../../shared/admin-api/stats.ts';
import { type AuthenticatedStats, type BreakdownEntry, type StatsFilters } from '../../../shared/stats/types.ts';
import { frenchDateTime, frenchDay, zonedDay } from '../../../shared/time/zoned-date.ts';
import { communeInfo } from './communes.ts';
import { checkWindow, filtersRefused, selectionFor } from './filters.ts';
import { labelOpenBreakdowns } from './labels.ts';
import { commonTimeZone } from './time-zone.ts';

// GET /api/v1/stats/figures.xlsx: the dashboard's figures as a workbook (issue #16), for the
// same filters and with the same scope checks as GET /api/v1/stats. One sheet for the totals,
// one per series (month, day), one per breakdown and one per mediator; each sheet starts with
// the filters in words (period in the structure's time zone, structures, …), then a bold
// header row and real numbers. Written with exceljs's streaming writer.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sheet titles of the breakdowns (French, as the dashboard shows them), in the dashboard's order. */
export const BREAKDOWN_SHEETS: Readonly<Record<string, string>> = {
  type: "Type d'accompagnement",
  themes: 'Thématiques',
  adminThemes: 'Démarches administratives',
  channel: "Canaux d'accompagnement",
  durationBucket: 'Durée',
  venue: "Lieux d'activité",
  activityCommune: "Commune de l'activité",
  commune: 'Commune des bénéficiaires',
  genre: 'Genre',
  ageBand: "Tranche d'âge",
  status: 'Statut',
  autonomy: 'Autonomie',
  equipment: 'Matériel numérique',
  oriented: 'Orientation',
  aidantsConnect: 'Aidants Connect',
  passNumerique: 'Pass numérique',
  portalSites: 'Sites utilisés',
  tags: 'Étiquettes',
};
/** Breakdowns that count people, not accompaniments. */
const BENEFICIARY_BREAKDOWNS = new Set(['genre', 'ageBand', 'status', 'commune']);

export const TOTALS_SHEET = 'Totaux';
export const MONTH_SHEET = 'Par mois';
export const DAY_SHEET = 'Par jour';
export const MEDIATOR_SHEET = 'Par médiateur';
export const BREAKDOWN_HEADER = ['Code', 'Libellé', 'Nombre', 'Part (%)'] as const;
export const SERIES_HEADER = ['Période', 'Activités', 'Accompagnements'] as const;
export const TOTALS_HEADER = ['Indicateur', 'Valeur'] as const;
export const MEDIATOR_HEADER = ['Médiateur', 'Conseiller numérique', 'Activités', 'Accompagnements', 'Heures'] as const;

/** The figures of GET /api/v1/stats for these filters (the same computation, the same names). */
async function figures(app: FastifyInstance, filters: StatsFilters, selection: StructureSelection): Promise<AuthenticatedStats> {
  const [stats, mediators] = await Promise.all([computeStats(app.db, filters, selection), computeMediatorTable(app.db, filters, selection)]);
  return { ...(await labelOpenBreakdowns(app.db, stats, 'all' in selection ? null : selection.ids)), mediators };
}

type Row = (string | number | null)[];

/** The filters in words, one [name, value] row each (every filter, "tous" when not used). */
async function filterRows(app: FastifyInstance, user: User, f: StatsFilters, structures: Structure[], zone: string): Promise<Row[]> {
  const codes = (list: readonly { code: string; label: string }[], values: string[] | undefined, all: string) =>
    values?.length ? values.map((v) => list.find((c) => c.code === v)?.label ?? v).join(', ') : all;
  const mediators = f.mediatorId?.length ? await listMediators(app.db, structures.map((s) => s.id)) : [];
  const venues = f.venueId?.length ? await getVenuesByIds(app.db, f.venueId) : [];
  const tags = new Map(structures.flatMap((s) => s.settings.tags.map((t) => [t.id, t.label] as const)));
  const period =
    f.from && f.to ? `du ${frenchDay(f.from, zone)} au ${frenchDay(f.to, zone)}` : f.from ? `depuis le ${frenchDay(f.from, zone)}` : f.to ? `jusqu'au ${frenchDay(f.to, zone)}` : 'toute la période';
  const list = (values: string[] | undefined, name: (v: string) => string, all: string) => (values?.length ? values.map(name).join(', ') : all);
  return [
    ['Période', `${period} (dates de la structure, fuseau ${zone})`],
    ['Structures', f.structureId?.length || user.role !== 'admin' ? structures.map((s) => s.name).join(', ') : 'Toutes les structures'],
    ['Médiateurs', list(f.mediatorId, (id) => mediators.find((m) => m.id === id)?.label ?? id, 'Tous')],
    ['Conseiller numérique', f.conseillerNumerique === 'oui' ? 'Oui' : f.conseillerNumerique === 'non' ? 'Non' : 'Tous les médiateurs'],
    ["Type d'accompagnement", codes(ACTIVITY_TYPES, f.type, 'Tous')],
    ["Thématiques d'accompagnement", codes(THEMES, f.theme, 'Toutes')],
    ['Démarches administratives', codes(ADMIN_THEMES, f.adminTheme, 'Toutes')],
    ["Lieux d'activité", list(f.venueId, (id) => venues.find((v) => v.id === id)?.nom ?? id, 'Tous')],
    ["Communes de l'activité", list(f.commune, (c) => (communeInfo(c) ? `${communeInfo(c)!.name} (${c})` : c), 'Toutes')],
    ["Départements de l'activité", list(f.departement, (d) => d, 'Tous')],
    ['Étiquettes', list(f.tag, (id) => tags.get(id) ?? id, 'Toutes')],
    ['Édité le', `${frenchDateTime(new Date().toISOString(), zone)} (heure de la structure)`],
  ];
}

/** A sheet name Excel accepts (≤ 31 characters, none of []*?:/\), unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]*?:/\\]/g, ' ').slice(0, 31);
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** The workbook, written sheet by sheet into a byte stream. */
function workbookStream(title: string, filters: Row[], stats: AuthenticatedStats): PassThrough {
  const out = new PassThrough();
  const write = async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = 'Kariole';
    wb.created = new Date(0);
    const used = new Set<string>();
    const sheet = (name: string, header: readonly string[], rows: Row[], widths: number[]) => {
      const ws = wb.addWorksheet(sheetName(name, used));
      ws.columns = widths.map((width) => ({ width }));
      const titleRow = ws.addRow([`${title} — ${name}`]);
      titleRow.font = { bold: true, size: 13 };
      titleRow.commit();
      for (const r of filters) {
        const row = ws.addRow(r);
        row.getCell(1).font = { bold: true };
        row.commit();
      }
      ws.addRow([]).commit();
      const head = ws.addRow([...header]);
      head.font = { bold: true };
      head.commit();
      for (const r of rows) ws.addRow(r).commit();
      ws.commit();
    };
    const t = stats.totals;
    sheet(
      TOTALS_SHEET,
      TOTALS_HEADER,
      [
        ['Accompagnements', t.accompaniments],
        ['Activités (séances individuelles et ateliers)', t.activities],
        ['Bénéficiaires', t.beneficiaries],
        ['Nouveaux bénéficiaires', t.newBeneficiaries],
        ['Bénéficiaires déjà accompagnés', t.beneficiaries - t.newBeneficiaries],
      ],
      [44, 16],
    );
    sheet(MONTH_SHEET, SERIES_HEADER, stats.series.byMonth.map((p) => [p.period, p.activities, p.accompaniments]), [28, 14, 18]);
    sheet(DAY_SHEET, SERIES_HEADER, stats.series.byDay.map((p) => [p.period, p.activities, p.accompaniments]), [28, 14, 18]);
    const keys = [...Object.keys(BREAKDOWN_SHEETS), ...Object.keys(stats.breakdowns).filter((k) => !(k in BREAKDOWN_SHEETS))];
    for (const key of keys) {
      const entries = (stats.breakdowns as Record<string, BreakdownEntry[] | undefined>)[key];
      if (!entries) continue;
      const sum = entries.reduce((n, e) => n + e.count, 0);
      const unit = BENEFICIARY_BREAKDOWNS.has(key) ? 'Bénéficiaires' : 'Accompagnements';
      sheet(
        BREAKDOWN_SHEETS[key] ?? key,
        [BREAKDOWN_HEADER[0], BREAKDOWN_HEADER[1], unit, BREAKDOWN_HEADER[3]],
        entries.map((e) => [e.key, e.label, e.count, Math.round(proportionOf(e.count, sum) * 10) / 10]),
        [28, 44, 16, 10],
      );
    }
    sheet(
      MEDIATOR_SHEET,
      MEDIATOR_HEADER,
      stats.mediators.map((m, i) => [m.label ?? `Médiateur ${i + 1}`, m.conseillerNumerique ? 'Oui' : 'Non', m.activities, m.accompaniments, m.hours]),
      [32, 20, 12, 18, 10],
    );
    await wb.commit();
  };
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

export default async function figuresXlsxRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');
  useZod(app);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/stats/figures.xlsx',
    // The same query schema, error wording and window rules as GET /api/v1/stats.
    {
      onRequest: staff,
      schema: {
        tags: ['Statistiques du tableau de bord'],
        summary: 'chiffres du tableau de bord en classeur XLSX',
        description:
          "Mêmes filtres et mêmes droits que GET /api/v1/stats. Une feuille pour les totaux, une par série (mois, jour), une par répartition et une par médiateur ; chaque feuille commence par les filtres en toutes lettres (période dans le fuseau de la structure).",
        querystring: StatsQuerySchema,
        response: {
          200: download('le classeur des chiffres', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
          ...problems(400, 401, 403, 404),
        },
      },
      schemaErrorFormatter: filtersRefused,
    },
    async (req, reply) => {
      const filters = checkWindow(req.query);
      const selection = await selectionFor(app, req.user!, filters);
      const stats = await figures(app, filters, selection);
      const structures = await listStructures(app.db, 'ids' in selection ? selection.ids : undefined);
      const zone = commonTimeZone(structures);
      const rows = await filterRows(app, req.user!, filters, structures, zone);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="kariole-chiffres-${zonedDay(new Date(), zone)}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(workbookStream('Kariole — chiffres du tableau de bord', rows, stats));
    },
  );
}
