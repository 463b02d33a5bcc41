import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import type { AuthenticatedStats } from '../../src/shared/stats/types.ts';
import { anActivity, givenEnrolledDevice, pushResults } from './sync-helpers.ts';

// GET /api/v1/stats/figures.xlsx (issue #16): the dashboard's figures as a workbook. The file is
// opened with exceljs and compared, sheet by sheet, with GET /api/v1/stats for the same filters.

type Cell = ExcelJS.CellValue;

async function openWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The rows of a sheet as arrays of values (1-based columns dropped). */
function rowsOf(ws: ExcelJS.Worksheet): Cell[][] {
  const out: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as Cell[]).slice(1);
  });
  return Array.from(out, (r) => r ?? []);
}

/** The filters block (name → words) and the table (header, rows) of a sheet. */
function readSheet(ws: ExcelJS.Worksheet, firstHeader: string): { filters: Map<string, string>; header: Cell[]; rows: Cell[][] } {
  const rows = rowsOf(ws);
  // Title, the filters, an empty row, then the table.
  const at = rows.findIndex((r, i) => i > 0 && r.length === 0) + 1;
  expect(at, `${ws.name}: header row`).toBeGreaterThan(2);
  expect(rows[at]![0], `${ws.name}: header row`).toBe(firstHeader);
  const filters = new Map(rows.slice(1, at - 1).map((r) => [String(r[0]), String(r[1])]));
  return { filters, header: rows[at]!, rows: rows.slice(at + 1) };
}

describe.each(DIALECTS)('the figures workbook on %s', (dialect) => {
  let hub: TestHub;
  let nord: Structure;
  let sud: Structure;
  let admin: StaffSession;
  let coordSud: StaffSession;

  beforeAll(async () => {
    hub = await givenHub(dialect);
    nord = await givenStructure(hub, 'Centre social Nord', ['59']);
    sud = await givenStructure(hub, 'Espace Sud', ['13']);
    admin = await givenStaff(hub, 'admin');
    coordSud = await givenStaff(hub, 'coordinator', [sud.id]);
    const north = await givenEnrolledDevice(hub, nord, { ip: '10.0.2.1', mediatorLabel: 'Nadia' });
    const south = await givenEnrolledDevice(hub, sud, { ip: '10.0.2.2', mediatorLabel: 'Samir' });
    await pushResults(hub, north, [
      anActivity({ date: '2026-10-02', durationMin: 45, themes: ['email', 'aide_aux_demarches_administratives'], adminThemes: ['argent_impots'], place: { kind: 'domicile', communeInsee: '59350' } }),
      anActivity({ date: '2026-10-03', themes: ['sante'], autonomy: 'partiellement_autonome' }),
      anActivity({
        type: 'collectif',
        date: '2026-10-05',
        durationMin: 90,
        autonomy: undefined,
        workshop: { title: 'Sécurité en ligne', level: 'debutant' },
        themes: ['email'],
        beneficiaries: { total: 6, alreadyAccompanied: 1, genre: { feminin: 4, masculin: 2 }, ageBand: {}, status: {} },
      }),
    ]);
    await pushResults(hub, south, [anActivity({ date: '2026-10-10', themes: ['email'] }), anActivity({ date: '2026-11-04', themes: ['sante'] })]);
  });
  afterAll(async () => hub?.close());

  const get = (s: StaffSession | undefined, url: string) => hub.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });

  async function both(s: StaffSession, qs: string): Promise<{ stats: AuthenticatedStats; wb: ExcelJS.Workbook; headers: Record<string, unknown> }> {
    const json = await get(s, `/api/v1/stats?${qs}`);
    expect(json.statusCode, json.body).toBe(200);
    const file = await get(s, `/api/v1/stats/figures.xlsx?${qs}`);
    expect(file.statusCode, file.body.slice(0, 300)).toBe(200);
    return { stats: json.json() as AuthenticatedStats, wb: await openWorkbook(file.rawPayload), headers: file.headers };
  }

  it('writes totals, series and one sheet per breakdown, equal to GET /api/v1/stats, with the filters in words on every sheet', async () => {
    const qs = `from=2026-10-01&to=2026-10-31&structureId=${nord.id}&theme=email&theme=sante`;
    const { stats, wb, headers } = await both(admin, qs);
    expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(headers['content-disposition'])).toMatch(/^attachment; filename="kariole-chiffres-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect(stats.totals.activities).toBe(3);

    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(['Totaux', 'Par mois', 'Par jour']);
    expect(names).toContain('Par médiateur');
    // One sheet per breakdown of the JSON answer, no more.
    expect(names.length).toBe(3 + Object.keys(stats.breakdowns).length + 1);
    for (const label of ['Thématiques', 'Genre', "Commune de l'activité", 'Aidants Connect', 'Pass numérique', 'Sites utilisés', 'Autonomie', 'Étiquettes']) {
      expect(names).toContain(label);
    }

    for (const ws of wb.worksheets) {
      expect(String(rowsOf(ws)[0]![0])).toContain('Kariole');
      const first = ws.name === 'Totaux' ? 'Indicateur' : ws.name === 'Par mois' || ws.name === 'Par jour' ? 'Période' : ws.name === 'Par médiateur' ? 'Médiateur' : 'Code';
      const { filters } = readSheet(ws, first);
      expect(filters.get('Période'), ws.name).toBe('du 01/10/2026 au 31/10/2026 (dates de la structure, fuseau Europe/Paris)');
      expect(filters.get('Structures'), ws.name).toBe('Centre social Nord');
      expect(filters.get("Thématiques d'accompagnement"), ws.name).toBe('E-mail, Santé');
      expect(filters.get("Type d'accompagnement"), ws.name).toBe('Tous');
      expect(filters.get('Édité le'), ws.name).toMatch(/^\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} \(heure de la structure\)$/);
    }

    const totals = readSheet(wb.getWorksheet('Totaux')!, 'Indicateur');
    expect(totals.header).toEqual(['Indicateur', 'Valeur']);
    expect(totals.rows).toEqual([
      ['Accompagnements', stats.totals.accompaniments],
      ['Activités (séances individuelles et ateliers)', stats.totals.activities],
      ['Bénéficiaires', stats.totals.beneficiaries],
      ['Nouveaux bénéficiaires', stats.totals.newBeneficiaries],
      ['Bénéficiaires déjà accompagnés', stats.totals.beneficiaries - stats.totals.newBeneficiaries],
    ]);
    expect(typeof totals.rows[0]![1]).toBe('number');

    const byMonth = readSheet(wb.getWorksheet('Par mois')!, 'Période');
    expect(byMonth.header).toEqual(['Période', 'Activités', 'Accompagnements']);
    expect(byMonth.rows).toEqual(stats.series.byMonth.map((p) => [p.period, p.activities, p.accompaniments]));
    const byDay = readSheet(wb.getWorksheet('Par jour')!, 'Période');
    expect(byDay.rows).toEqual(stats.series.byDay.map((p) => [p.period, p.activities, p.accompaniments]));

    const themes = readSheet(wb.getWorksheet('Thématiques')!, 'Code');
    expect(themes.header).toEqual(['Code', 'Libellé', 'Accompagnements', 'Part (%)']);
    expect(themes.rows.map((r) => r.slice(0, 3))).toEqual(stats.breakdowns.themes.map((e) => [e.key, e.label, e.count]));
    const email = themes.rows.find((r) => r[0] === 'email')!;
    expect(email[2]).toBe(7); // 1 individual + a workshop of 6
    const genre = readSheet(wb.getWorksheet('Genre')!, 'Code');
    expect(genre.header[2]).toBe('Bénéficiaires');
    expect(genre.rows.map((r) => r.slice(0, 3))).toEqual(stats.breakdowns.genre.map((e) => [e.key, e.label, e.count]));

    const mediators = readSheet(wb.getWorksheet('Par médiateur')!, 'Médiateur');
    expect(mediators.header).toEqual(['Médiateur', 'Conseiller numérique', 'Activités', 'Accompagnements', 'Heures']);
    expect(mediators.rows).toEqual(
      (stats.mediators ?? []).map((m, i) => [m.label ?? `Médiateur ${i + 1}`, m.conseillerNumerique ? 'Oui' : 'Non', m.activities, m.accompaniments, m.hours]),
    );
  });

  it('writes every breakdown of the JSON answer with the same entries', async () => {
    const { stats, wb } = await both(admin, 'from=2026-10-01&to=2026-11-30');
    const sheets = wb.worksheets.slice(3, -1);
    expect(sheets.length).toBe(Object.keys(stats.breakdowns).length);
    const entries = Object.values(stats.breakdowns).map((list) => list.map((e) => [e.key, e.label, e.count]));
    const written = sheets.map((ws) => readSheet(ws, 'Code').rows.map((r) => r.slice(0, 3)));
    expect(written.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(entries.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
    const structures = readSheet(wb.getWorksheet('Totaux')!, 'Indicateur').filters.get('Structures');
    expect(structures).toBe('Toutes les structures');
  });

  it('keeps to the caller’s structures: another structure is 404, its own figures only', async () => {
    const out = await get(coordSud, `/api/v1/stats/figures.xlsx?structureId=${nord.id}`);
    expect(out.statusCode).toBe(404);
    expect(problemOf(out).title).toBe('Introuvable');
    const { stats, wb } = await both(coordSud, 'from=2026-10-01&to=2026-11-30');
    expect(stats.totals.activities).toBe(2);
    const totals = readSheet(wb.getWorksheet('Totaux')!, 'Indicateur');
    expect(totals.filters.get('Structures')).toBe('Espace Sud');
    expect(totals.rows[1]).toEqual(['Activités (séances individuelles et ateliers)', 2]);
  });

  it('refuses what GET /api/v1/stats refuses, naming the parameter, and anonymous callers', async () => {
    expect((await get(undefined, '/api/v1/stats/figures.xlsx')).statusCode).toBe(401);
    const badTheme = await get(admin, '/api/v1/stats/figures.xlsx?theme=email&theme=pas_un_theme');
    expect(badTheme.statusCode).toBe(400);
    expect(problemOf(badTheme).errors?.map((e) => e.path)).toContain('theme');
    // The same refusals, in the same words, as GET /api/v1/stats.
    for (const qs of ['couleur=bleu', 'theme=email&theme=pas_un_theme', 'commune=123', 'conseillerNumerique=peut-etre', 'from=2026-02-30']) {
      const [xlsx, json] = await Promise.all([get(admin, `/api/v1/stats/figures.xlsx?${qs}`), get(admin, `/api/v1/stats?${qs}`)]);
      expect(xlsx.statusCode, qs).toBe(400);
      expect(problemOf(xlsx), qs).toEqual(problemOf(json));
    }
    const tooMany = await get(admin, `/api/v1/stats/figures.xlsx?${Array.from({ length: 101 }, (_, i) => `tag=t${i}`).join('&')}`);
    expect(tooMany.statusCode).toBe(400);
    const atBound = await get(admin, `/api/v1/stats/figures.xlsx?from=2026-10-01&to=2026-10-31&${Array.from({ length: 100 }, (_, i) => `tag=t${i}`).join('&')}`);
    expect(atBound.statusCode).toBe(200);
    const inverted = await get(admin, '/api/v1/stats/figures.xlsx?from=2026-10-31&to=2026-10-01');
    expect(inverted.statusCode).toBe(400);
    const empty = await get(admin, '/api/v1/stats/figures.xlsx?from=&to=2026-10-31&theme=');
    expect(empty.statusCode).toBe(200);
  });
});
