import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type TestHub } from '../helpers/hub.ts';
import { OFFICIAL_CSV, SAMPLE_JSON, aPlace, bySourceId, csvOf, importText } from './venues-helpers.ts';
import { importVenuesCmd } from '../../src/hub/cli/venue-commands.ts';
import { parseArgs } from '../../src/hub/cli/args.ts';
import { readConfig } from '../../src/hub/config.ts';
import type { ImportReport } from '../../src/hub/repositories/venue-import.ts';

describe.each(DIALECTS)('venue import on %s', (dialect) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await givenHub(dialect);
  });
  afterAll(async () => hub?.close());

  it('imports the shared Région Sud sample, mapping its legacy columns and flagging doubtful values', async () => {
    const report = await importText(hub, fs.readFileSync(SAMPLE_JSON, 'utf8'));
    expect(report).toMatchObject({ format: 'json', total: 646, imported: 646, updated: 0, unchanged: 0, rejected: [] });
    expect(report.columns.legacy.map((c) => c.from).sort()).toEqual(['labels_nationaux', 'publics_accueillis']);
    const epoch = report.warningList!.filter((w) => w.path === 'date_maj');
    expect(epoch).toHaveLength(99);
    expect(epoch[0]!.message).toContain('1970-01-01');
    const hours = report.warningList!.filter((w) => w.path === 'horaires');
    expect(hours.length).toBeGreaterThan(0);
    for (const w of hours) expect((await bySourceId(hub, w.id!))?.horaires).toBeTruthy(); // kept as written

    const martigues = await bySourceId(hub, 'dora-3d647b3a-a5b6-41f8-8374-ba37c1ff1746');
    expect(martigues).toMatchObject({ departement: '13', code_insee: '13056', services: expect.arrayContaining(['Aide aux démarches administratives']) });
    const sample = JSON.parse(fs.readFileSync(SAMPLE_JSON, 'utf8')) as ({ id: string } & Record<string, string>)[];
    const cnfs = sample.find((r) => r.labels_nationaux === 'CNFS;France Services')!;
    const v = (await bySourceId(hub, cnfs.id))!;
    expect(v.dispositif_programmes_nationaux).toEqual(['Conseillers numériques', 'France Services']);
    const withPublics = sample.find((r) => r.publics_accueillis === 'Adultes;Familles/enfants;Jeunes (16-26 ans);Seniors (+ 65 ans)')!;
    const p = (await bySourceId(hub, withPublics.id))!;
    expect([...p.publics_specifiquement_adresses].sort()).toEqual(['Familles et/ou enfants', 'Jeunes', 'Seniors']);
    // Missing INSEE codes are filled from the official list of communes, so the département is sure.
    const noInsee = sample.find((r) => !r.code_insee)!;
    expect((await bySourceId(hub, noInsee.id))?.code_insee).toMatch(/^\d{5}$/);
  });

  it('changes nothing when the same file is imported again', async () => {
    const report = await importText(hub, fs.readFileSync(SAMPLE_JSON, 'utf8'));
    expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: 646, rejected: [] });
  });

  it('imports the official v1.0.2 example with every list split', async () => {
    const report = await importText(hub, fs.readFileSync(OFFICIAL_CSV, 'utf8'));
    expect(report).toMatchObject({ format: 'csv', total: 1, imported: 1, rejected: [], warnings: [] });
    const v = (await bySourceId(hub, 'structure-1'))!;
    expect(v.typologie).toEqual(['TIERS_LIEUX', 'ASSO']);
    expect(v.courriels).toHaveLength(2);
    expect(v.modalites_accompagnement).toHaveLength(4);
    expect(v.formations_labels).toEqual(['Formé à « Mon Espace Santé »', 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)']);
    expect(v).toMatchObject({ departement: '51', telephone: '+33180059880', horaires: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00' });
  });

  it('maps v0.1 columns (courriel, accessibilite, conditions_acces, labels_autres, ; lists) and says so', async () => {
    const csv = csvOf([
      aPlace({
        id: 'legacy-1',
        courriel: 'accueil@mairie.fr',
        accessibilite: 'https://acceslibre.beta.gouv.fr/app/x/',
        conditions_acces: 'Gratuit;Accepte le Pass numérique',
        labels_autres: 'Label local;Autre label',
        labels_nationaux: 'Aidants Connect;PIX;Etapes numériques (La Poste)',
        publics_accueillis: 'Seniors (+ 65 ans);Personnes en situation de handicap moteur;Public allophone',
        services: "Aide aux demarches administratives;Maîtrise des outils numériques du quotidien",
        modalites_acces: 'Ce lieu n’accueille pas de public',
        telephone: '04 91 00 00 00',
      }),
    ]);
    const report = await importText(hub, csv);
    expect(report.rejected).toEqual([]);
    expect(report.columns.legacy.map((c) => c.from).sort()).toEqual(['accessibilite', 'conditions_acces', 'courriel', 'labels_autres', 'labels_nationaux', 'publics_accueillis']);
    const v = (await bySourceId(hub, 'legacy-1'))!;
    expect(v).toMatchObject({
      courriels: ['accueil@mairie.fr'],
      fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/x/',
      frais_a_charge: ['Gratuit', 'Gratuit sous condition'],
      autres_formations_labels: ['Label local', 'Autre label'],
      dispositif_programmes_nationaux: ['Aidants Connect', 'Certification PIX'],
      formations_labels: ['Étapes numériques (La Poste)'],
      publics_specifiquement_adresses: ['Seniors'],
      prise_en_charge_specifique: ['Handicaps moteurs', 'Langues étrangères (autres)'],
      services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'],
      modalites_acces: ["Ce lieu n'accueille pas de public"],
      telephone: '+33491000000',
    });
  });

  it('reads a hostile CSV: semicolons, BOM, CRLF, quoted multi-line cells, duplicates, missing fields', async () => {
    const rows = [
      aPlace({ id: 'h-1', nom: 'Médiathèque "La Source"', presentation_detail: 'Première ligne\r\nDeuxième ligne; avec point-virgule', services: 'Aide aux démarches administratives|Loisirs et créations numériques' }),
      aPlace({ id: 'h-2', nom: '' }),
      aPlace({ id: 'h-1', nom: 'Doublon' }),
      aPlace({ id: 'h-3', code_postal: '1300', commune: 'Belley', date_maj: '1969-12-31', horaires: 'Sa 17:00', telephone: '06 12' }),
      aPlace({ id: 'h-4', date_maj: '31/02/2024' }),
      aPlace({ id: 'h-5', code_postal: 'ABCDE', pivot: '' }),
      aPlace({ id: 'h-6', services: 'Cuisine numérique|Aide aux démarches administratives', site_web: 'www.exemple.fr|pas une url' }),
    ];
    const report = await importText(hub, csvOf(rows, { sep: ';', eol: '\r\n', bom: true }));
    expect(report.total).toBe(7);
    expect(report.imported).toBe(3);
    expect(report.imported + report.updated + report.unchanged + report.rejected.length).toBe(report.total);
    expect(report.rejected.map((r) => [r.row, r.id])).toEqual([
      [3, 'h-2'],
      [4, 'h-1'],
      [6, 'h-4'],
      [7, 'h-5'],
    ]);
    expect(report.rejected[0]!.errors[0]!.message).toContain('nom');
    expect(report.rejected[1]!.errors[0]!.message).toContain('déjà');
    expect(report.rejected[3]!.errors.map((e) => e.path).sort()).toEqual(['code_postal', 'pivot']);
    const h1 = (await bySourceId(hub, 'h-1'))!;
    expect(h1.nom).toBe('Médiathèque "La Source"');
    expect(h1.presentation_detail).toBe('Première ligne\nDeuxième ligne; avec point-virgule');
    const h3 = (await bySourceId(hub, 'h-3'))!;
    expect(h3).toMatchObject({ code_postal: '01300', departement: '01', horaires: 'Sa 17:00' });
    expect(h3.telephone).toBeUndefined();
    const paths = report.warningList!.filter((w) => w.id === 'h-3').map((w) => w.path).sort();
    expect(paths).toEqual(['code_postal', 'date_maj', 'horaires', 'telephone']);
    const h6 = (await bySourceId(hub, 'h-6'))!;
    expect(h6.services).toEqual(['Aide aux démarches administratives']);
    expect(h6.site_web).toEqual(['https://www.exemple.fr']);
    expect(report.warningList!.filter((w) => w.id === 'h-6').map((w) => w.path).sort()).toEqual(['services', 'site_web']);
  });

  it('updates a place whose content changed and leaves the others unchanged', async () => {
    const a = aPlace({ id: 'u-1' });
    const b = aPlace({ id: 'u-2' });
    expect(await importText(hub, csvOf([a, b]))).toMatchObject({ imported: 2 });
    const again = await importText(hub, csvOf([a, { ...b, nom: 'Nouveau nom' }]));
    expect(again).toMatchObject({ imported: 0, updated: 1, unchanged: 1 });
    expect((await bySourceId(hub, 'u-2'))?.nom).toBe('Nouveau nom');
  });

  it('keeps the good elements of a JSON file around a malformed one', async () => {
    const json = `[${JSON.stringify(aPlace({ id: 'j-1' }))}, {"id": "j-2", "nom": }, 42, ${JSON.stringify(aPlace({ id: 'j-3', nom: 'Avec ] et } dans le nom' }))}]`;
    const report = await importText(hub, json);
    expect(report).toMatchObject({ total: 4, imported: 2 });
    expect(report.rejected.map((r) => r.row)).toEqual([2, 3]);
    expect((await bySourceId(hub, 'j-3'))?.nom).toBe('Avec ] et } dans le nom');
  });

  it('rejects places outside the territory when importing for a structure', async () => {
    const report = await importText(hub, csvOf([aPlace({ id: 't-13' }), aPlace({ id: 't-2a', code_postal: '20000', commune: 'Ajaccio' })]), { departements: ['13'] });
    expect(report.imported).toBe(1);
    expect(report.rejected).toEqual([{ row: 3, id: 't-2a', source: 'tests', errors: [expect.objectContaining({ message: expect.stringContaining('2A') })] }]);
  });

  it('imports over HTTP for an admin, and for a coordinator only within a structure of theirs', async () => {
    const mine = await givenStructure(hub, 'Centre social du Var', ['83']);
    const other = await givenStructure(hub, 'Autre', ['84']);
    const admin = await givenStaff(hub, 'admin');
    const csv = csvOf([aPlace({ id: 'http-1', code_postal: '83000', commune: 'Toulon' }), aPlace({ id: 'http-2', code_postal: '84000', commune: 'Avignon' })]);
    const res = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/venues/import?source=tests', headers: { ...admin.headers, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 2, rejected: [] });

    const coord = await givenStaff(hub, 'coordinator', [mine.id]);
    const noStructure = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/venues/import', headers: { ...coord.headers, 'content-type': 'text/csv' }, payload: csv });
    expect(problemOf(noStructure).errors?.[0]?.path).toBe('structureId');
    const outOfScope = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/venues/import?structureId=${other.id}`, headers: { ...coord.headers, 'content-type': 'text/csv' }, payload: csv });
    expect(outOfScope.statusCode).toBe(404);
    const changed = csv.replace(/Espace numérique du port/g, 'Espace renommé');
    const ok = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/venues/import?structureId=${mine.id}&source=tests`, headers: { ...coord.headers, 'content-type': 'application/json' }, payload: changed });
    expect(ok.json()).toMatchObject({ updated: 1, rejected: [{ row: 3, id: 'http-2' }] });
    const empty = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/venues/import', headers: { ...admin.headers, 'content-type': 'text/csv' }, payload: '  ' });
    expect(problemOf(empty).status).toBe(400);
    const notAList = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/venues/import', headers: { ...admin.headers, 'content-type': 'application/json' }, payload: '{"id": 1}' });
    expect(problemOf(notAList).detail).toContain('tableau');
  });

  it('imports from the command line for a structure, in plain words or as the JSON report', async () => {
    const s = await givenStructure(hub, 'Centre social de Reims', ['51']);
    const lines: string[] = [];
    const run = (argv: string[]) =>
      importVenuesCmd.run({ config: readConfig({}), args: parseArgs(argv), json: false, database: async () => hub.database, say: (l) => lines.push(l) });
    const report = (await run([OFFICIAL_CSV, '--structure', s.id])) as ImportReport;
    expect(report).toMatchObject({ total: 1, unchanged: 1, rejected: [] });
    expect(lines[0]).toMatch(/^1 rows read \(CSV\): 0 new, 0 updated, 1 unchanged, 0 rejected/);
    await expect(run(['/nonexistent.csv'])).rejects.toThrow('No file at /nonexistent.csv');
    await expect(run([OFFICIAL_CSV, '--structure', 'nope'])).rejects.toThrow('No structure');
    const other = await givenStructure(hub, 'Ailleurs', ['13']);
    const outside = (await run([OFFICIAL_CSV, '--structure', other.id])) as ImportReport;
    expect(outside.rejected).toHaveLength(1);
  });
});
