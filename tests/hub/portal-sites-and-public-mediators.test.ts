import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import { ActivityRecordSchema } from '../../src/shared/activity/record.ts';
import type { AuthenticatedStats } from '../../src/shared/stats/types.ts';
import { createMediator } from '../../src/hub/repositories/mediator-list.ts';
import { saveCustomisation } from '../../src/hub/repositories/portal.ts';
import { updateStructure, type Structure } from '../../src/hub/repositories/structures.ts';
import { givenLogged, type Logged } from './coordination-helpers.ts';

// Issue #16, polish: (1) "Sites utilisés" names the sites (the structure's own portal, then the
// catalogue), never their link ids, on the dashboard, the figures workbook and the public page;
// (3) a public link whose filters narrow the page to fewer than 2 mediators is refused.

const workshop = (total: number, over: Record<string, unknown>) =>
  ActivityRecordSchema.parse({
    id: randomUUID(),
    revision: 1,
    type: 'collectif',
    date: '2026-10-06',
    durationMin: 90,
    place: { kind: 'autre', communeInsee: '13055' },
    themes: ['email'],
    adminThemes: [],
    equipment: [],
    aidantsConnect: false,
    passNumerique: 0,
    tags: [],
    portalLinkIds: [],
    workshop: { title: 'Atelier', level: 'debutant' },
    beneficiaries: { total, alreadyAccompanied: 0 },
    ...over,
  });

describe.each(DIALECTS)('portal site names and public links of one mediator on %s', (dialect) => {
  let hub: TestHub;
  let admin: StaffSession;
  let coord: StaffSession;
  let s: Structure;

  beforeAll(async () => {
    hub = await givenHub(dialect);
    admin = await givenStaff(hub, 'admin');
    s = await givenStructure(hub, 'Centre social des Sites', ['13']);
    coord = await givenStaff(hub, 'coordinator', [s.id]);
    const db = hub.database.db;
    await updateStructure(db, s.id, { settings: { tags: [{ id: 'seule', label: 'Permanence de Zoé' }, { id: 'deux', label: 'Quartier' }] } });
    await saveCustomisation(
      db,
      s.id,
      {
        added: [{ id: 'mairie', name: 'Mairie de Trifouilly', url: 'https://trifouilly.example', category: 'local', pictogram: 'townhall', audience: 'public' }],
        hidden: ['caf'],
        pinned: [],
        order: [],
      },
      null,
    );
    await createMediator(db, { id: 'zoe', structureId: s.id, label: 'Zoé' });
    await createMediator(db, { id: 'yann', structureId: s.id, label: 'Yann' });
    await db.updateTable('mediators').set({ conseiller_numerique: 1 }).where('id', '=', 'zoe').execute();
    const rows: Logged[] = [
      // 12 people each: the public page shows these counts (≥ 11).
      { structureId: s.id, mediatorId: 'zoe', record: workshop(12, { portalLinkIds: ['ameli', 'mairie'], tags: ['seule', 'deux'] }) },
      { structureId: s.id, mediatorId: 'yann', record: workshop(12, { portalLinkIds: ['francetravail', 'caf'], tags: ['deux'] }) },
      { structureId: s.id, mediatorId: 'yann', record: workshop(12, { portalLinkIds: ['ancien-site'], tags: ['deux'] }) },
    ];
    await givenLogged(db, dialect, rows);
  });
  afterAll(async () => hub?.close());

  const WANT = {
    ameli: 'ameli (ameli.fr)',
    mairie: 'Mairie de Trifouilly',
    francetravail: 'France Travail',
    caf: 'CAF', // hidden on this structure's portal, still named
    'ancien-site': 'ancien-site',
  };
  const labelsOf = (entries: { key: string; label: string }[]) => Object.fromEntries(entries.map((e) => [e.key, e.label]));
  const Q = 'from=2026-10-01&to=2026-10-31';

  it('names the sites on the dashboard: the structure’s own sites, hidden ones, the catalogue; an unknown id stays', async () => {
    const res = await hub.app.inject({ method: 'GET', url: `/api/v1/stats?${Q}&structureId=${s.id}`, headers: { cookie: coord.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json() as AuthenticatedStats;
    expect(labelsOf(stats.breakdowns.portalSites)).toEqual(WANT);
    // Hub-wide (the admin, no structure filter): the same names.
    const all = (await hub.app.inject({ method: 'GET', url: `/api/v1/stats?${Q}`, headers: { cookie: admin.cookie } })).json() as AuthenticatedStats;
    expect(labelsOf(all.breakdowns.portalSites)).toEqual(WANT);
  });

  it('names the sites in the figures workbook', async () => {
    const res = await hub.app.inject({ method: 'GET', url: `/api/v1/stats/figures.xlsx?${Q}`, headers: { cookie: coord.cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sites utilisés');
    expect(ws).toBeDefined();
    // Code in the first column, name in the second.
    const named = new Map<string, string>();
    ws!.eachRow((row) => {
      const v = row.values as ExcelJS.CellValue[];
      named.set(String(v[1]), String(v[2]));
    });
    for (const [key, label] of Object.entries(WANT)) expect(named.get(key), key).toBe(label);
  });

  it('names the sites on the public page (JSON and HTML)', async () => {
    const made = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/share-links', headers: coord.headers, payload: { filters: { from: '2026-10-01', to: '2026-10-31', structureId: [s.id] } } });
    expect(made.statusCode, made.body).toBe(201);
    const path = new URL((made.json() as { url: string }).url).pathname;
    const page = (await hub.app.inject({ method: 'GET', url: path, headers: { accept: 'application/json' } })).json() as { breakdowns: Record<string, { key: string; label: string }[]> };
    const shown = labelsOf(page.breakdowns.portalSites!);
    // Sites of fewer than 11 are grouped under "Autres" (docs/public-figures.md); the others are named.
    const named = Object.entries(shown).filter(([key]) => key !== 'autres');
    expect(named.length).toBeGreaterThan(0);
    for (const [key, label] of named) expect(label, key).toBe(WANT[key as keyof typeof WANT]);
    const html = (await hub.app.inject({ method: 'GET', url: path })).body;
    for (const [, label] of named) expect(html).toContain(label);
    expect(html).not.toContain('>mairie<');
  });

  it('refuses a public link whose filters count fewer than 2 mediators, in plain French', async () => {
    const create = (filters: Record<string, unknown>) =>
      hub.app.inject({ method: 'POST', url: '/api/v1/admin/share-links', headers: coord.headers, payload: { filters: { from: '2026-10-01', to: '2026-10-31', structureId: [s.id], ...filters } } });
    for (const [filters, path, counted] of [
      [{ conseillerNumerique: 'oui' }, 'filters.conseillerNumerique', "qu'un médiateur"],
      [{ tag: ['seule'] }, 'filters.tag', "qu'un médiateur"],
      [{ tag: ['seule'], theme: ['email'] }, 'filters.theme', "qu'un médiateur"],
      [{ adminTheme: ['logement'] }, 'filters.adminTheme', 'aucun médiateur'],
    ] as const) {
      const res = await create(filters);
      expect(res.statusCode, JSON.stringify(filters)).toBe(400);
      const p = problemOf(res);
      expect(p.title).toBe('Lien non créé');
      expect(p.detail).toMatch(/au moins 2 médiateurs/);
      expect(p.errors?.map((e) => e.path)).toContain(path);
      expect(p.errors?.[0]?.message).toBe(`Avec ce filtre, la période ne compte ${counted} (il en faut au moins 2).`);
    }
    // Two mediators behind the filters: the link is made; so is the whole structure's page.
    expect((await create({ tag: ['deux'] })).statusCode).toBe(201);
    expect((await create({ conseillerNumerique: 'non', theme: ['email'] })).statusCode).toBe(400);
    expect((await create({})).statusCode).toBe(201);
    // Nothing refused was stored.
    const list = (await hub.app.inject({ method: 'GET', url: '/api/v1/admin/share-links', headers: { cookie: coord.cookie } })).json() as { links: { filters: Record<string, unknown> }[] };
    expect(list.links.some((l) => l.filters.conseillerNumerique || (l.filters.tag as string[] | undefined)?.includes('seule'))).toBe(false);
  });
});
