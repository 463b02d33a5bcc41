import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { anActivity, givenEnrolledDevice, pushResults } from './sync-helpers.ts';
import { createShareLink } from '../../src/hub/repositories/share-links.ts';
import { NOISE_MAX } from '../../src/shared/stats/perturbation.ts';
import { lastDayOfMonth } from '../../src/shared/stats/public-period.ts';
import { addDays } from '../../src/shared/stats/periods.ts';
import { dateMax } from '../../src/shared/stats/window.ts';

/** Every count of a public answer, wherever it sits. */
function countsOf(page: { totals: Record<string, unknown>; series: Record<string, { activities: unknown; accompaniments: unknown }[]>; breakdowns: Record<string, { count: unknown }[]> }): unknown[] {
  return [
    ...Object.values(page.totals),
    ...Object.values(page.series).flatMap((pts) => pts.flatMap((p) => [p.activities, p.accompaniments])),
    ...Object.values(page.breakdowns).flatMap((es) => es.map((e) => e.count)),
  ];
}

describe.each(DIALECTS)('share links on %s', (dialect) => {
  let hub: TestHub;
  let nord: Structure;
  let sud: Structure;
  let admin: StaffSession;
  let coordNord: StaffSession;

  beforeAll(async () => {
    hub = await givenHub(dialect);
    nord = await givenStructure(hub, 'Centre social Nord', ['59']);
    sud = await givenStructure(hub, 'Espace Sud', ['13']);
    admin = await givenStaff(hub, 'admin');
    coordNord = await givenStaff(hub, 'coordinator', [nord.id]);
    const tablet = await givenEnrolledDevice(hub, nord, { ip: '10.0.2.1' });
    // 40 e-mail sessions and 3 health ones in October: the 3 must never be recoverable.
    const records = [
      ...Array.from({ length: 40 }, (_, i) => anActivity({ date: `2026-10-${String((i % 20) + 1).padStart(2, '0')}` })),
      ...Array.from({ length: 3 }, () => anActivity({ date: '2026-10-07', themes: ['sante'], durationMin: 150 })),
    ];
    await pushResults(hub, tablet, records);
  });
  afterAll(async () => hub?.close());

  const create = (s: StaffSession, filters: Record<string, string>) =>
    hub.app.inject({ method: 'POST', url: '/api/v1/admin/share-links', headers: s.headers, payload: { filters } });
  const open = (url: string, accept = 'application/json') => hub.app.inject({ method: 'GET', url: new URL(url).pathname, headers: { accept } });

  it('creates a public link whose JSON masks every count below 11', async () => {
    const res = await create(coordNord, { from: '2026-10-01', to: '2026-10-31' });
    expect(res.statusCode).toBe(201);
    const { url } = res.json() as { url: string };
    expect(url).toMatch(/^http:\/\/[^/]+\/api\/v1\/share\/[A-Za-z0-9_-]{20,}$/);
    const page = await open(url);
    expect(page.statusCode).toBe(200);
    const body = page.json();
    // 43 activities, published within ±3 (docs/public-figures.md).
    expect(Math.abs(body.totals.activities - 43)).toBeLessThanOrEqual(3);
    for (const c of countsOf(body)) {
      if (typeof c === 'number') expect(c).toBeGreaterThanOrEqual(11);
      else expect(['< 11', 'masqué']).toContain(c);
    }
    const durations = Object.fromEntries(body.breakdowns.durationBucket.map((e: { key: string; count: unknown }) => [e.key, e.count]));
    expect(durations['more']).toBe('< 11');
    const themes = Object.fromEntries(body.breakdowns.themes.map((e: { key: string; count: unknown }) => [e.key, e.count]));
    expect(themes.sante).toBe('< 11');
    // A single small month would be the total minus the others: the series is masked as a whole or not at all.
    expect(body.series.byMonth).toHaveLength(1);
    expect(body.series.byMonth[0].period).toBe('2026-10');
    expect(typeof body.series.byMonth[0].accompaniments).toBe('number');
  });

  it('serves a readable HTML page to people, and no script', async () => {
    const { url } = (await create(coordNord, { structureId: nord.id, from: '2026-10-01', to: '2026-10-31' })).json() as { url: string };
    const page = await open(url, 'text/html');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Médiation numérique');
    expect(page.body).toContain('Centre social Nord');
    expect(page.body).toContain('&lt; 11');
    expect(page.body).not.toContain('<script');
  });

  it('is revocable: a revoked link answers 404', async () => {
    const created = (await create(coordNord, { from: '2026-10-01', to: '2026-11-30' })).json() as { id: string; url: string };
    const revoke = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/share-links/${created.id}/revoke`, headers: coordNord.headers });
    expect(revoke.statusCode).toBe(200);
    expect((await open(created.url)).statusCode).toBe(404);
    expect((await open(created.url, 'text/html')).body).toContain("n'est plus disponible");
  });

  it('keeps links within the scope of their creator', async () => {
    const hubWide = (await create(admin, { from: '2026-01-01', to: '2026-10-31' })).json() as { id: string };
    const list = (await hub.app.inject({ method: 'GET', url: '/api/v1/admin/share-links', headers: { cookie: coordNord.cookie } })).json();
    expect(list.links.map((l: { id: string }) => l.id)).not.toContain(hubWide.id);
    const steal = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/share-links/${hubWide.id}/revoke`, headers: coordNord.headers });
    expect(steal.statusCode).toBe(404);
    expect((await create(coordNord, { structureId: sud.id, from: '2026-10-01', to: '2026-10-31' })).statusCode).toBe(404);
    const perMediator = await create(admin, { mediatorId: 'x', from: '2026-10-01', to: '2026-10-31' });
    expect(problemOf(perMediator).errors?.[0]?.path).toBe('filters.mediatorId');
  });

  it('shows the same values at every reading of the same link', async () => {
    const { url } = (await create(coordNord, { from: '2026-09-01', to: '2026-11-30' })).json() as { url: string };
    const first = (await open(url)).json();
    const second = (await open(url)).json();
    delete first.computedAt;
    delete second.computedAt;
    expect(second).toEqual(first);
  });

  it('moves every shown count by at most D from the exact figures, and never below 11', async () => {
    const { url } = (await create(coordNord, { from: '2026-10-01', to: '2026-10-31' })).json() as { url: string };
    const page = (await open(url)).json();
    const exact = (await hub.app.inject({ method: 'GET', url: `/api/v1/stats?structureId=${nord.id}&from=2026-10-01&to=2026-10-31`, headers: { cookie: coordNord.cookie } })).json();
    let shown = 0;
    for (const [key, entries] of Object.entries(page.breakdowns as Record<string, { key: string; count: unknown }[]>)) {
      for (const e of entries) {
        const truth = (exact.breakdowns[key] as { key: string; count: number }[]).find((x) => x.key === e.key)?.count;
        if (typeof e.count !== 'number' || truth === undefined) continue;
        shown++;
        expect(Math.abs(e.count - truth), `${key}.${e.key}`).toBeLessThanOrEqual(NOISE_MAX);
        expect(e.count).toBeGreaterThanOrEqual(11);
        if (truth === 0) expect(e.count).toBe(0);
      }
    }
    for (const k of ['activities', 'accompaniments', 'newBeneficiaries'] as const) {
      if (typeof page.totals[k] === 'number') expect(Math.abs(page.totals[k] - exact.totals[k])).toBeLessThanOrEqual(NOISE_MAX);
    }
    expect(shown).toBeGreaterThanOrEqual(1);
    // Zero stays zero (masked as "< 11"): the theme nobody had.
    expect(page.breakdowns.themes.find((e: { key: string }) => e.key === 'sante_et_bien_etre' || e.key === 'banque')?.count ?? '< 11').toBe('< 11');
    // The authenticated figures stay exact.
    expect(exact.totals.activities).toBe(43);
  });

  it('says what it counts, for whom, over which months, when, and how it is protected', async () => {
    const { url } = (await create(coordNord, { structureId: nord.id, from: '2026-09-01', to: '2026-11-30' })).json() as { url: string };
    const html = (await open(url, 'text/html')).body;
    expect(html).toContain('<strong>accompagnements</strong>');
    expect(html).toContain('Centre social Nord');
    expect(html).toContain('de septembre 2026 à novembre 2026');
    expect(html).toMatch(/Chiffres calculés le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} \(heure de Europe\/Paris\)/);
    expect(html).toContain('href="methode"');
    const json = (await open(url)).json();
    expect(json.period).toEqual({ from: '2026-09-01', to: '2026-11-30' });
    expect(json.protection).toMatchObject({ threshold: 11, noiseMax: NOISE_MAX });
    expect(json).not.toHaveProperty('mediators');
    const method = await hub.app.inject({ method: 'GET', url: new URL('methode', url).pathname });
    expect(method.statusCode).toBe(200);
    expect(method.body).toContain('clé de cellule');
  });

  it('serves an older link naming any days over the whole months it touches', async () => {
    const legacy = await createShareLink(hub.database.db, { createdBy: 'x', structureIds: [nord.id], filters: { from: '2026-10-02', to: '2026-10-20' } });
    const json = (await hub.app.inject({ method: 'GET', url: `/api/v1/share/${legacy.id}`, headers: { accept: 'application/json' } })).json();
    expect(json.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(Math.abs(json.totals.activities - 43)).toBeLessThanOrEqual(NOISE_MAX);
  });

  it('keys on first public read the facts stored before record keys existed, to the same values', async () => {
    const { url } = (await create(coordNord, { from: '2026-10-01', to: '2026-10-31' })).json() as { url: string };
    const before = (await open(url)).json();
    const keyed = await hub.database.db.selectFrom('activity_facts').select('record_key').execute();
    expect(keyed.every((r) => Number(r.record_key) > 0)).toBe(true);
    await hub.database.db.updateTable('activity_facts').set({ record_key: 0 }).execute();
    const after = (await open(url)).json();
    delete before.computedAt;
    delete after.computedAt;
    expect(after).toEqual(before);
    const rekeyed = await hub.database.db.selectFrom('activity_facts').select('record_key').where('structure_id', '=', nord.id).execute();
    expect(rekeyed.every((r) => Number(r.record_key) > 0)).toBe(true);
  });

  it('creates links over whole months only, at and beyond the bounds', async () => {
    const refused = async (filters: Record<string, string>, path: string) => {
      const res = await create(coordNord, filters);
      expect(res.statusCode, JSON.stringify(filters)).toBe(400);
      const p = problemOf(res);
      expect(p.title).toBe('Lien non créé');
      expect(p.errors?.map((e) => e.path)).toContain(path);
      expect(p.errors?.find((e) => e.path === path)?.message).toMatch(/mois|avant/);
    };
    await refused({ from: '2026-06-02', to: '2026-10-31' }, 'filters.from');
    await refused({ from: '2026-06-01', to: '2026-10-30' }, 'filters.to');
    await refused({ from: '2026-06-01', to: '2026-11-28' }, 'filters.to');
    await refused({ to: '2026-10-31' }, 'filters.from');
    await refused({ from: '2026-06-01' }, 'filters.to');
    await refused({}, 'filters.from');
    // February of a leap year ends on the 29th.
    expect((await create(coordNord, { from: '2024-02-01', to: '2024-02-29' })).statusCode).toBe(201);
    await refused({ from: '2024-02-01', to: '2024-02-28' }, 'filters.to');
    // Ten years (120 months) at most.
    const thisMonth = dateMax().slice(0, 7);
    const end = lastDayOfMonth(thisMonth);
    const [y, m] = thisMonth.split('-').map(Number) as [number, number];
    const monthsBack = (n: number) => { const i = y * 12 + (m - 1) - n; return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`; };
    expect((await create(coordNord, { from: monthsBack(119), to: end })).statusCode).toBe(201);
    await refused({ from: monthsBack(120), to: end }, 'filters.to');
    // Up to the month in progress, not beyond.
    await refused({ from: `${thisMonth}-01`, to: lastDayOfMonth(addDays(end, 1).slice(0, 7)) }, 'filters.to');
    // Before the hub's window.
    await refused({ from: '1999-12-01', to: '2000-01-31' }, 'filters.from');
    expect((await create(coordNord, { from: '2000-01-01', to: '2000-03-31' })).statusCode).toBe(201);
  });
});
