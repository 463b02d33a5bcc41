import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import { ActivityRecordSchema, type ActivityRecord } from '../../src/shared/activity/record.ts';
import { AUTONOMY } from '../../src/shared/activity/codes.ts';
import type { AuthenticatedStats, StatsFilters } from '../../src/shared/stats/types.ts';
import { statsFiltersToSearchParams } from '../../src/shared/stats/filters-url.ts';
import { createMediator } from '../../src/hub/repositories/mediator-list.ts';
import { updateStructure } from '../../src/hub/repositories/structures.ts';
import { createEnrolmentCode } from '../../src/hub/repositories/devices.ts';
import { givenLogged, type Logged } from './coordination-helpers.ts';
import { apiGet, givenApiClient, type TestClient } from './coop-api-helpers.ts';

// stats-contract.md, issue 16: every filter (multi-value, OR within, AND across) and every new
// breakdown of GET /api/v1/stats against a plain computation over a known set of individual
// sessions and workshops; the per-mediator table; the exports, the Coop statistiques and
// share links with the same filters; the bounds.

const base = { revision: 1, adminThemes: [], portalLinkIds: [], aidantsConnect: false, passNumerique: 0, tags: [], equipment: [] };
const individual = (over: Record<string, unknown>) =>
  ActivityRecordSchema.parse({
    ...base,
    id: randomUUID(),
    type: 'individuel',
    date: '2026-10-05',
    durationMin: 30,
    place: { kind: 'a_distance' },
    themes: ['email'],
    autonomy: 'autonome',
    orientation: { oriented: false },
    beneficiaries: { total: 1, alreadyAccompanied: 0 },
    ...over,
  });
const workshop = (total: number, over: Record<string, unknown>) =>
  ActivityRecordSchema.parse({
    ...base,
    id: randomUUID(),
    type: 'collectif',
    date: '2026-10-06',
    durationMin: 90,
    place: { kind: 'autre', communeInsee: '13055' },
    themes: ['email'],
    workshop: { title: 'Atelier', level: 'debutant' },
    beneficiaries: { total, alreadyAccompanied: 0 },
    ...over,
  });

const VENUES = { 'test:v1': '13055', 'test:v2': '2A004' } as Record<string, string>;
const CN = new Set(['m1', 'm3']);

interface Row extends Logged {
  record: ActivityRecord;
}

/** The commune of the activity's place, as the contract defines it. */
const activityCommune = (r: ActivityRecord) =>
  r.place.kind === 'lieu_activite' ? (VENUES[r.place.venueId ?? ''] ?? 'non_communique') : (r.place.communeInsee ?? 'non_communique');
const dep = (insee: string) => (insee === 'non_communique' ? '' : insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2));

/** The filters applied plainly: values of a filter OR-ed, filters AND-ed. */
function matches(l: Row, f: StatsFilters): boolean {
  const r = l.record;
  const any = (list: string[] | undefined, ok: (v: string) => boolean) => !list?.length || list.some(ok);
  return (
    any(f.structureId, (v) => l.structureId === v) &&
    any(f.mediatorId, (v) => l.mediatorId === v) &&
    any(f.type, (v) => r.type === v) &&
    any(f.theme, (v) => r.themes.includes(v as never)) &&
    any(f.adminTheme, (v) => r.adminThemes.includes(v as never)) &&
    any(f.venueId, (v) => r.place.venueId === v) &&
    any(f.commune, (v) => activityCommune(r) === v) &&
    any(f.departement, (v) => dep(activityCommune(r)) === v) &&
    any(f.tag, (v) => r.tags.includes(v)) &&
    (!f.conseillerNumerique || CN.has(l.mediatorId) === (f.conseillerNumerique === 'oui'))
  );
}

/** The expected figures of a filtered set, computed row by row. */
function plain(rows: Row[], f: StatsFilters) {
  const kept = rows.filter((l) => matches(l, f));
  const count = (key: (r: ActivityRecord) => string[], weight = (r: ActivityRecord) => r.beneficiaries.total) => {
    const out: Record<string, number> = {};
    for (const { record: r } of kept) for (const k of key(r)) out[k] = (out[k] ?? 0) + weight(r);
    for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
    return out;
  };
  const perMediator: Record<string, { activities: number; accompaniments: number; minutes: number }> = {};
  for (const l of kept) {
    const m = (perMediator[l.mediatorId] ??= { activities: 0, accompaniments: 0, minutes: 0 });
    m.activities += 1;
    m.accompaniments += l.record.beneficiaries.total;
    m.minutes += l.record.durationMin;
  }
  return {
    totals: { activities: kept.length, accompaniments: kept.reduce((n, l) => n + l.record.beneficiaries.total, 0) },
    breakdowns: {
      aidantsConnect: count((r) => [r.aidantsConnect ? 'oui' : 'non']),
      passNumerique: count(() => ['pass_numerique'], (r) => r.passNumerique),
      autonomy: count((r) => (r.type === 'individuel' && r.autonomy ? [r.autonomy] : [])),
      tags: count((r) => r.tags),
      portalSites: count((r) => r.portalLinkIds),
      activityCommune: count((r) => [activityCommune(r)]),
      themes: count((r) => r.themes),
    },
    perMediator,
  };
}

const nonZero = (entries: { key: string; count: number }[]) => Object.fromEntries(entries.filter((e) => e.count > 0).map((e) => [e.key, e.count]));

describe.each(DIALECTS)('stats filters and breakdowns (stats-contract.md) on %s', (dialect) => {
  let hub: TestHub;
  let admin: StaffSession;
  let coordinator: StaffSession;
  let client: TestClient;
  let s1: string;
  let s2: string;
  let rows: Row[];

  beforeAll(async () => {
    hub = await givenHub(dialect);
    admin = await givenStaff(hub, 'admin');
    s1 = (await givenStructure(hub, 'Centre social A')).id;
    s2 = (await givenStructure(hub, 'Médiathèque B', ['2A'])).id;
    coordinator = await givenStaff(hub, 'coordinator', [s1]);
    client = await givenApiClient(hub);
    const db = hub.database.db;
    await updateStructure(db, s1, { settings: { tags: [{ id: 't1', label: 'Permanence CAF' }, { id: 't2', label: 'Quartier nord' }] } });
    await updateStructure(db, s2, { settings: { tags: [{ id: 't3', label: 'Bibliothèque' }] } });
    await createMediator(db, { id: 'm1', structureId: s1, label: 'Awa' });
    await createMediator(db, { id: 'm2', structureId: s1, label: 'Bruno' });
    await createMediator(db, { id: 'm3', structureId: s2, label: 'Chloé' });
    await db.updateTable('mediators').set({ conseiller_numerique: 1 }).where('id', 'in', [...CN]).execute();
    const now = new Date().toISOString();
    for (const [id, insee] of Object.entries(VENUES)) {
      await db
        .insertInto('venues')
        .values({
          id,
          departement: insee.slice(0, 2),
          previous_departement: null,
          nom: `Lieu ${id}`,
          commune: insee === '13055' ? 'Marseille' : 'Ajaccio',
          code_postal: insee === '13055' ? '13001' : '20000',
          code_insee: insee,
          search_text: id,
          data: '{}',
          content_hash: id,
          seq: 1,
          deleted: 0,
          source: 'test',
          source_id: id.slice(5),
          match_pivot: null,
          match_key: null,
          linked_to: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const at = (structureId: string, mediatorId: string, record: ActivityRecord): Row => ({ structureId, mediatorId, record });
    rows = [
      at(s1, 'm1', workshop(8, { themes: ['email', 'bureautique'], tags: ['t1'], durationMin: 120 })),
      at(s1, 'm1', individual({ aidantsConnect: true, passNumerique: 2, tags: ['t1', 't2'], portalLinkIds: ['caf', 'ameli'], place: { kind: 'lieu_activite', venueId: 'test:v1' } })),
      at(s1, 'm2', individual({ themes: ['email', 'aide_aux_demarches_administratives'], adminThemes: ['social_sante'], autonomy: 'partiellement_autonome', place: { kind: 'domicile', communeInsee: '97105' }, durationMin: 45, portalLinkIds: ['caf'] })),
      at(s1, 'm2', workshop(3, { themes: ['sante'], place: { kind: 'a_distance' }, tags: ['t2'], passNumerique: 1 })),
      at(s2, 'm3', individual({ themes: ['securite_numerique'], autonomy: 'entierement_accompagne', place: { kind: 'lieu_activite', venueId: 'test:v2' }, tags: ['t3'], durationMin: 150, aidantsConnect: true })),
      at(s2, 'm3', workshop(5, { themes: ['sante', 'email'], place: { kind: 'autre', communeInsee: '2A004' }, date: '2026-10-20' })),
      at(s1, 'm1', individual({ themes: ['sante'], adminThemes: [], place: { kind: 'autre', communeInsee: '13001' }, date: '2026-10-21', autonomy: undefined })),
    ];
    await givenLogged(db, dialect, rows);
  });
  afterAll(async () => hub?.close());

  const PERIOD: StatsFilters = { from: '2026-10-01', to: '2026-10-31' };
  const get = (path: string, f: StatsFilters, who: StaffSession = admin) =>
    hub.app.inject({ method: 'GET', url: `${path}?${statsFiltersToSearchParams({ ...PERIOD, ...f }).toString()}`, headers: { cookie: who.cookie } });
  const stats = async (f: StatsFilters, who?: StaffSession) => {
    const res = await get('/api/v1/stats', f, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AuthenticatedStats;
  };

  const CASES: [string, StatsFilters][] = [
    ['no filter', {}],
    ['two structures', { structureId: ['S1', 'S2'] }],
    ['workshops', { type: ['collectif'] }],
    ['both types', { type: ['individuel', 'collectif'] }],
    ['two themes (OR)', { theme: ['bureautique', 'securite_numerique'] }],
    ['one theme, every structure (roll-ups)', { theme: ['sante'] }],
    ['a démarche', { adminTheme: ['social_sante'] }],
    ['a place of activity', { venueId: ['test:v1'] }],
    ['two communes of the activity (venue and "autre lieu")', { commune: ['13055', '2A004'] }],
    ['an overseas département', { departement: ['971'] }],
    ['Corsica', { departement: ['2A'] }],
    ['a tag', { tag: ['t2'] }],
    ['two tags (OR)', { tag: ['t1', 't3'] }],
    ['conseillers numériques', { conseillerNumerique: 'oui' }],
    ['other mediators', { conseillerNumerique: 'non' }],
    ['two mediators', { mediatorId: ['m2', 'm3'] }],
    ['filters AND-ed', { type: ['individuel'], tag: ['t1', 't3'], conseillerNumerique: 'oui' }],
    ['a département and a theme', { departement: ['13'], theme: ['email'] }],
  ];

  it.each(CASES)('figures and breakdowns equal the plain computation: %s', async (_, asked) => {
    const f: StatsFilters = { ...asked, ...(asked.structureId ? { structureId: [s1, s2] } : {}) };
    const s = await stats(f);
    const want = plain(rows, f);
    expect(s.totals).toMatchObject(want.totals);
    for (const key of Object.keys(want.breakdowns) as (keyof typeof want.breakdowns)[]) {
      expect(nonZero(s.breakdowns[key]), key).toEqual(want.breakdowns[key]);
    }
    // The per-mediator table adds up to the totals, hours to one decimal.
    const byId = Object.fromEntries(s.mediators.map((m) => [m.mediatorId, m]));
    expect(Object.keys(byId).sort()).toEqual(Object.keys(want.perMediator).sort());
    for (const [id, m] of Object.entries(want.perMediator)) {
      expect(byId[id]).toMatchObject({ activities: m.activities, accompaniments: m.accompaniments, hours: Math.round(m.minutes / 6) / 10, conseillerNumerique: CN.has(id) });
    }
    expect(s.mediators.reduce((n, m) => n + m.activities, 0)).toBe(s.totals.activities);
    expect(s.mediators.reduce((n, m) => n + m.accompaniments, 0)).toBe(s.totals.accompaniments);
  });

  it('labels the new breakdowns: tags, portal sites, communes of the activity, autonomy, Pass numérique', async () => {
    const s = await stats({});
    const label = (key: keyof AuthenticatedStats['breakdowns'], k: string) => s.breakdowns[key].find((e) => e.key === k)?.label;
    expect(label('tags', 't1')).toBe('Permanence CAF');
    expect(label('tags', 't3')).toBe('Bibliothèque');
    expect(label('portalSites', 'caf')).toMatch(/CAF|Caf|allocations/i);
    expect(label('activityCommune', '13055')).toBe('Marseille');
    expect(label('activityCommune', 'non_communique')).toBe('Non communiqué');
    expect(s.breakdowns.autonomy.map((e) => e.key)).toEqual(AUTONOMY.map((a) => a.code));
    expect(s.breakdowns.passNumerique).toEqual([{ key: 'pass_numerique', label: 'Pass numérique acceptés', count: 3 }]);
    expect(s.mediators.find((m) => m.mediatorId === 'm1')?.label).toBe('Awa');
  });

  it('exports the activities of the same filters', async () => {
    for (const [, f] of CASES.filter(([, f]) => !f.structureId)) {
      const res = await get('/api/v1/exports/activities.csv', { ...f });
      expect(res.statusCode, res.body).toBe(200);
      const lines = res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      expect(lines.length - 1).toBe(plain(rows, f).totals.activities);
    }
    const res = await hub.app.inject({ method: 'GET', url: '/api/v1/exports/activities.csv?layout=autre', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(400);
    expect(problemOf(res).errors?.map((e) => e.path)).toContain('layout');
  });

  it('keeps a coordinator in scope: a structure or mediator of another structure is 404, even in a list', async () => {
    expect((await get('/api/v1/stats', { structureId: [s1, s2] }, coordinator)).statusCode).toBe(404);
    expect((await get('/api/v1/stats', { mediatorId: ['m1', 'm3'] }, coordinator)).statusCode).toBe(404);
    const own = await stats({}, coordinator);
    expect(own.totals).toMatchObject(plain(rows, { structureId: [s1] }).totals);
    expect(own.mediators.map((m) => m.mediatorId).sort()).toEqual(['m1', 'm2']);
    // The coordinator's own tags by the ids pushed.
    expect(nonZero(own.breakdowns.tags)).toEqual(plain(rows, { structureId: [s1] }).breakdowns.tags);
  });

  it('bounds every list: 100 values pass, 101 are refused naming the parameter; unknown codes too', async () => {
    const ok = await get('/api/v1/stats', { tag: Array.from({ length: 100 }, (_, i) => `t${i}`) });
    expect(ok.statusCode).toBe(200);
    const bad: [string, string][] = [
      ['tag', Array.from({ length: 101 }, (_, i) => `tag=t${i}`).join('&')],
      ['commune', Array.from({ length: 101 }, (_, i) => `commune=${String(13000 + i)}`).join('&')],
      ['venueId', `venueId=${'v'.repeat(201)}`],
      ['theme', 'theme=email&theme=inconnu'],
      ['adminTheme', 'adminTheme=impots'],
      ['type', 'type=atelier'],
      ['commune', 'commune=Marseille'],
      ['departement', 'departement=99'],
      ['departement', 'departement=2C'],
      ['conseillerNumerique', 'conseillerNumerique=peut-etre'],
      ['conseillerNumerique', 'conseillerNumerique=oui&conseillerNumerique=non'],
    ];
    for (const [param, query] of bad) {
      for (const path of ['/api/v1/stats', '/api/v1/exports/activities.csv']) {
        const res = await hub.app.inject({ method: 'GET', url: `${path}?${query}`, headers: { cookie: admin.cookie } });
        expect(res.statusCode, `${path} ${param}`).toBe(400);
        expect(problemOf(res).errors?.map((e) => e.path), `${path} ${query.slice(0, 40)}`).toContain(param);
      }
    }
    const venue200 = await get('/api/v1/stats', { venueId: ['v'.repeat(200)] });
    expect(venue200.statusCode).toBe(200);
  });

  it('reads a share link stored with single-value filters (before round 3)', async () => {
    const id = 'ancienlien' + 'x'.repeat(14);
    await hub.database.db
      .insertInto('share_links')
      .values({ id, created_by: 'someone', structure_ids: JSON.stringify([s1]), filters: JSON.stringify({ from: '2026-10-01', to: '2026-10-31', type: 'collectif', theme: 'email' }), created_at: new Date().toISOString(), revoked_at: null })
      .execute();
    const res = await hub.app.inject({ method: 'GET', url: `/api/v1/share/${id}`, headers: { accept: 'application/json' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { filters: StatsFilters; mediators?: unknown };
    expect(body.filters).toMatchObject({ type: ['collectif'], theme: ['email'] });
    // Never the per-mediator table on a public page.
    expect(body.mediators).toBeUndefined();
    const list = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/share-links', headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
    const html = await hub.app.inject({ method: 'GET', url: `/api/v1/share/${id}` });
    expect(html.statusCode).toBe(200);
  });

  it('applies the Coop statistiques filters as the dashboard does', async () => {
    const cases: [string, StatsFilters][] = [
      ['filter[communes]=13055,2A004', { commune: ['13055', '2A004'] }],
      ['filter[departements]=971', { departement: ['971'] }],
      ['filter[lieux]=test:v1,test:v2', { venueId: ['test:v1', 'test:v2'] }],
      ['filter[conseiller_numerique]=1', { conseillerNumerique: 'oui' }],
      ['filter[conseiller_numerique]=0&filter[types]=collectif', { conseillerNumerique: 'non', type: ['collectif'] }],
      ['filter[mediateurs]=m1,m3&filter[departements]=13', { mediatorId: ['m1', 'm3'], departement: ['13'] }],
    ];
    for (const [query, f] of cases) {
      const res = await apiGet(hub, client, `/api/v1/statistiques?filter[du]=2026-10-01&filter[au]=2026-10-31&${query}`);
      expect(res.statusCode, `${query} ${res.body.slice(0, 200)}`).toBe(200);
      const a = (res.json() as { data: { attributes: { totaux: { activites: { total: number }; accompagnements: { total: number } }; activites: { thematiques: { value: string; count: number }[]; tags: { label: string; count: number }[] } } } }).data.attributes;
      const dash = await stats(f);
      expect(a.totaux.activites.total, query).toBe(dash.totals.activities);
      expect(a.totaux.accompagnements.total, query).toBe(dash.totals.accompaniments);
      expect(a.totaux.activites.total, query).toBe(plain(rows, f).totals.activities);
      expect(a.activites.tags.map((t) => [t.label, t.count]).sort(), query).toEqual(dash.breakdowns.tags.map((t) => [t.label, t.count]).sort());
    }
    const all = await apiGet(hub, client, '/api/v1/statistiques?filter[du]=2026-10-01&filter[au]=2026-10-31');
    const tags = (all.json() as { data: { attributes: { activites: { tags: { label: string; count: number }[] } } } }).data.attributes.activites.tags;
    expect(Object.fromEntries(tags.map((t) => [t.label, t.count]))).toEqual({ 'Permanence CAF': 9, 'Quartier nord': 4, Bibliothèque: 1 });
    for (const [param, value] of [['filter[communes]', 'Marseille'], ['filter[departements]', '99'], ['filter[beneficiaires]', 'b1'], ['filter[conseiller_numerique]', 'oui']]) {
      const res = await apiGet(hub, client, `/api/v1/statistiques?${param}=${value}`);
      expect(res.statusCode, param).toBe(400);
      expect((res.json() as { errors: { source?: { parameter?: string } }[] }).errors[0]?.source?.parameter).toBe(param);
    }
  });

  it('lets a coordinator flag the mediators of their structures, and no other', async () => {
    const patch = (id: string, payload: unknown, who = coordinator) =>
      hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/mediators/${id}`, payload: payload as object, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf } });
    const res = await patch('m2', { conseillerNumerique: true, label: '  Bruno D.  ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: 'm2', structureId: s1, label: 'Bruno D.', conseillerNumerique: true });
    expect((await stats({ conseillerNumerique: 'oui' })).mediators.map((m) => m.mediatorId).sort()).toEqual(['m1', 'm2', 'm3']);
    expect((await patch('m3', { conseillerNumerique: false })).statusCode).toBe(404);
    expect((await patch('inconnu', { conseillerNumerique: false })).statusCode).toBe(404);
    expect((await patch('m2', { conseillerNumerique: 'oui' })).statusCode).toBe(400);
    expect((await patch('m2', { conseillerNumerique: true, label: 'x'.repeat(81) })).statusCode).toBe(400);
    expect((await patch('m2', { conseillerNumerique: true, label: 'x'.repeat(80) })).statusCode).toBe(200);
    expect((await patch('m2', { conseillerNumerique: false, label: 'Bruno' })).statusCode).toBe(200);

    const list = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/mediators', headers: { cookie: coordinator.cookie } });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { mediators: { id: string; conseillerNumerique: boolean }[] }).mediators.map((m) => [m.id, m.conseillerNumerique])).toEqual([
      ['m1', true],
      ['m2', false],
    ]);
    expect((await hub.app.inject({ method: 'GET', url: `/api/v1/admin/mediators?structureId=${s2}`, headers: { cookie: coordinator.cookie } })).statusCode).toBe(404);
    const other = await hub.app.inject({ method: 'GET', url: `/api/v1/admin/mediators?structureId=${s2}`, headers: { cookie: admin.cookie } });
    expect((other.json() as { mediators: { id: string }[] }).mediators.map((m) => m.id)).toEqual(['m3']);
  });

  it('sets the flag at enrolment for the mediator the code creates', async () => {
    const codeRes = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/admin/enrolment-codes',
      payload: { structureId: s1, mediatorLabel: 'Dalila', conseillerNumerique: true },
      headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrf },
    });
    expect(codeRes.statusCode, codeRes.body).toBe(201);
    const enrol = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: { code: codeRes.json().code, deviceLabel: 'Tablette' }, remoteAddress: '10.9.9.9' });
    expect(enrol.statusCode, enrol.body).toBe(201);
    const mediator = await hub.database.db.selectFrom('mediators').selectAll().where('id', '=', enrol.json().mediatorId).executeTakeFirstOrThrow();
    expect(Number(mediator.conseiller_numerique)).toBe(1);
    const plainCode = await createEnrolmentCode(hub.database.db, { structureId: s1, mediatorLabel: 'Eve' });
    const enrolled = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: { code: plainCode.code, deviceLabel: 'Tablette 2' }, remoteAddress: '10.9.9.8' });
    const eve = await hub.database.db.selectFrom('mediators').selectAll().where('id', '=', enrolled.json().mediatorId).executeTakeFirstOrThrow();
    expect(Number(eve.conseiller_numerique)).toBe(0);
    const bad = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/admin/enrolment-codes',
      payload: { structureId: s1, conseillerNumerique: 'oui' },
      headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrf },
    });
    expect(bad.statusCode).toBe(400);
  });
});
