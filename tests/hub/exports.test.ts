import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, type StaffSession, type TestHub } from '../helpers/hub.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { NATIONAL_HEADERS } from '../../src/shared/stats/national-layout.ts';
import { KARIOLE_HEADERS } from '../../src/shared/stats/kariole-layout.ts';
import { anActivity, givenEnrolledDevice, pushResults } from './sync-helpers.ts';
import { publicIdOf } from '../../src/hub/repositories/coop-activities.ts';

// The national layout's headers, written out from taxonomy.md (not imported), in order.
const TAXONOMY_HEADERS =
  'Date · Enregistré le · Dernière modification le · Prénom du médiateur · Nom du médiateur · Rôle · ID - Conum · Type · Participants · Canaux d’accompagnement · Nom du lieu · Adresse · Commune · Code postal · Code Insee · Durée (min) · Nom de l’atelier · Matériel numérique utilisé · Thématique(s) d’accompagnement · Tags · Nom de la démarche administrative · Niveau d’autonomie (ou de l’atelier) · Bénéficiaire réorienté · Structure de redirection · Commune du bénéficiaire · Code postal du bénéficiaire · Code Insee du bénéficiaire · Genre du bénéficiaire · Tranche d’âge du bénéficiaire · Statut du bénéficiaire · Source de la donnée · ID CRA'.split(
    ' · ',
  );

function parseCsv(body: string): string[][] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(body.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe.each(DIALECTS)('activity exports on %s', (dialect) => {
  let hub: TestHub;
  let nord: Structure;
  let sud: Structure;
  let admin: StaffSession;
  let coordSud: StaffSession;
  const workshopId = '0193a000-0000-7000-8000-000000000010';

  beforeAll(async () => {
    hub = await givenHub(dialect);
    nord = await givenStructure(hub, 'Centre social Nord', ['59']);
    sud = await givenStructure(hub, 'Espace Sud', ['13']);
    admin = await givenStaff(hub, 'admin');
    coordSud = await givenStaff(hub, 'coordinator', [sud.id]);
    const tablet = await givenEnrolledDevice(hub, nord, { ip: '10.0.1.1' });
    await pushResults(hub, tablet, [
      anActivity({
        date: '2026-10-02',
        place: { kind: 'domicile', communeInsee: '59350' },
        themes: ['aide_aux_demarches_administratives', 'email'],
        adminThemes: ['argent_impots'],
        portalLinkIds: ['impots'],
        orientation: { oriented: true, towards: 'aide_sociale' },
        beneficiaries: { total: 1, alreadyAccompanied: 0, genre: { feminin: 1 }, ageBand: { 'soixante_soixante_neuf': 1 }, status: { retraite: 1 }, communeInsee: '59350' },
      }),
      anActivity({
        id: workshopId,
        type: 'collectif',
        date: '2026-10-05',
        autonomy: undefined,
        workshop: { title: '=HYPERLINK("x"); "Mails" et; sécurité', level: 'intermediaire' },
        beneficiaries: { total: 10, alreadyAccompanied: 2, genre: { masculin: 3, feminin: 5 }, ageBand: {}, status: {} },
      }),
    ]);
  });
  afterAll(async () => hub?.close());

  const exportCsv = (s: StaffSession, qs: string) => hub.app.inject({ method: 'GET', url: `/api/v1/exports/activities.csv?${qs}`, headers: { cookie: s.cookie } });

  it('writes the national layout: taxonomy headers in order, one row per accompaniment', async () => {
    const res = await exportCsv(admin, 'layout=national');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename="kariole-accompagnements-national-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual(TAXONOMY_HEADERS);
    expect(header).toHaveLength(32);
    expect([...NATIONAL_HEADERS]).toEqual(TAXONOMY_HEADERS);
    expect(rows).toHaveLength(11);
    const col = (name: string) => TAXONOMY_HEADERS.indexOf(name);
    const individual = rows[0]!;
    expect(individual[col('Date')]).toBe('02/10/2026');
    expect(individual[col('Enregistré le')]).toMatch(/^\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}$/);
    expect(individual[col('Dernière modification le')]).toBe('');
    expect([individual[col('Prénom du médiateur')], individual[col('Rôle')], individual[col('ID - Conum')]]).toEqual(['', 'Médiateur', '']);
    expect(individual[col('Type')]).toBe('Accompagnement individuel');
    expect(individual[col('Participants')]).toBe('1');
    expect(individual[col('Canaux d’accompagnement')]).toBe('À domicile');
    expect(individual[col('Commune')]).toBe('Lille');
    expect(individual[col('Nom de la démarche administrative')]).toMatch(/impots|Impôts/i);
    // Several values in one cell: one per line, as the Coop writes them.
    expect(individual[col('Thématique(s) d’accompagnement')]).toBe('Aide aux démarches administratives\nE-mail\nArgent - Impôts');
    expect(individual[col('Niveau d’autonomie (ou de l’atelier)')]).toBe('3/3');
    expect(individual[col('Bénéficiaire réorienté')]).toBe('Oui');
    expect(individual[col('Structure de redirection')]).toBe('Structure d’aide sociale (maison des solidarités, centre social…)');
    expect(individual[col('Code Insee du bénéficiaire')]).toBe('59350');
    expect([individual[col('Genre du bénéficiaire')], individual[col('Tranche d’âge du bénéficiaire')], individual[col('Statut du bénéficiaire')]]).toEqual(['Féminin', '60 - 69 ans', 'Retraité']);
    expect(individual[col('Source de la donnée')]).toBe('Kariole');
    const workshop = rows.slice(1);
    expect(workshop.map((r) => r[col('Participants')])).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}/10`));
    // "ID CRA" is the hub's opaque public id of the activity, never the device's record id
    // (a v7 record id carries its creation time: issue 14/11).
    const workshopPublicId = await publicIdOf(hub.database.db, workshopId);
    expect(workshopPublicId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(workshop.every((r) => r[col('ID CRA')] === workshopPublicId)).toBe(true);
    expect(individual[col('ID CRA')]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    expect(individual[col('ID CRA')]).not.toBe(workshopPublicId);
    const deviceIds = (await hub.database.db.selectFrom('activities').select('id').execute()).map((a) => a.id);
    expect(rows.filter((r) => deviceIds.includes(r[col('ID CRA')]!))).toEqual([]);
    expect(workshop.map((r) => r[col('Genre du bénéficiaire')])).toEqual([...Array(3).fill('Masculin'), ...Array(5).fill('Féminin'), ...Array(2).fill('Non communiqué')]);
    expect(workshop.every((r) => r[col('Bénéficiaire réorienté')] === '' && r[col('Structure de redirection')] === '')).toBe(true);
    // Quoting survives separators and quotes; a formula is neutralised.
    expect(workshop[0]![col('Nom de l’atelier')]).toBe(`'=HYPERLINK("x"); "Mails" et; sécurité`);
    expect(workshop[0]![col('Niveau d’autonomie (ou de l’atelier)')]).toBe('2/3');
  });

  it('writes the Kariole layout: one row per activity with only the anonymised fields', async () => {
    const [header, ...rows] = parseCsv((await exportCsv(admin, 'layout=kariole')).body);
    expect(header).toEqual([...KARIOLE_HEADERS]);
    expect(rows).toHaveLength(2);
    const recordFields = new Set(['id', 'revision', 'date', 'type', 'durationMin', 'place', 'equipment', 'themes', 'adminThemes', 'portalLinkIds', 'autonomy', 'orientation', 'workshop', 'beneficiaries', 'aidantsConnect', 'passNumerique', 'tags']);
    const hubFields = new Set(['structureId', 'structure', 'mediatorId', 'receivedAt', 'updatedAt']);
    for (const h of header!) expect(recordFields.has(h.split('.')[0]!) || hubFields.has(h), h).toBe(true);
    expect(res2text(rows)).not.toMatch(/notes|createdAt/);
  });

  it('writes the same rows as an XLSX workbook, read back by an independent reader', async () => {
    for (const layout of ['national', 'kariole'] as const) {
      const res = await hub.app.inject({ method: 'GET', url: `/api/v1/exports/activities.xlsx?layout=${layout}`, headers: { cookie: admin.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(String(res.headers['content-disposition'])).toMatch(new RegExp(`filename="kariole-accompagnements-${layout}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"`));
      const sheets = await readXlsxFile(res.rawPayload);
      expect(sheets.map((s) => s.sheet)).toEqual(['Accompagnements']);
      // Same cells as the CSV, less the apostrophe the CSV puts before a formula-like text: a
      // workbook cell written as text is never a formula. Numbers are numbers (a coordinator can sum them).
      const csv = parseCsv((await exportCsv(admin, `layout=${layout}`)).body).map((row) => row.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, '')));
      const dmy = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('/');
      const asText = sheets[0]!.data.map((row) => row.map((c) => (c === null ? '' : c instanceof Date ? dmy(c) : String(c))));
      expect(asText).toEqual(csv);
      if (layout === 'national') {
        const data = sheets[0]!.data;
        expect(data[0]).toEqual(TAXONOMY_HEADERS);
        // "Date" is a real date cell; numbers are numbers (a coordinator can sum them).
        expect(data.slice(1).every((r) => r[0] instanceof Date)).toBe(true);
        expect((data[1]![0] as unknown as Date).toISOString()).toBe('2026-10-02T00:00:00.000Z');
        expect(typeof data[1]![TAXONOMY_HEADERS.indexOf('Durée (min)')]).toBe('number');
        // A formula-like workshop title stays text in a cell, never a formula.
        expect(asText.some((r) => r.includes('=HYPERLINK("x"); "Mails" et; sécurité'))).toBe(true);

        // The table as a spreadsheet shows it: bold frozen header, filter buttons over every column and row.
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        const sheet = book.worksheets[0]!;
        expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBe(`A1:AF${data.length}`);
        expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.Date);
        expect(sheet.getCell('A2').numFmt).toBe('dd/mm/yyyy');
        // Line breaks between values show: the cells wrap.
        expect(sheet.getCell(2, TAXONOMY_HEADERS.indexOf('Thématique(s) d’accompagnement') + 1).alignment?.wrapText).toBe(true);
      }
    }
    expect((await hub.app.inject({ method: 'GET', url: `/api/v1/exports/activities.xlsx?structureId=${nord.id}`, headers: { cookie: coordSud.cookie } })).statusCode).toBe(404);
  });

  it('exports with the filters and the scope of the dashboard', async () => {
    expect(parseCsv((await exportCsv(admin, 'layout=national&type=individuel')).body)).toHaveLength(2);
    expect(parseCsv((await exportCsv(admin, 'from=2026-10-03')).body)).toHaveLength(2);
    expect(parseCsv((await exportCsv(coordSud, 'layout=kariole')).body)).toHaveLength(1);
    expect((await exportCsv(coordSud, `structureId=${nord.id}`)).statusCode).toBe(404);
    expect((await exportCsv(admin, 'layout=excel')).statusCode).toBe(400);
  });
});

function res2text(rows: string[][]): string {
  return rows.map((r) => r.join(';')).join('\n');
}
