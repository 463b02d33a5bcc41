import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { anActivity, givenEnrolledDevice, pushResults } from './sync-helpers.ts';

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
    expect(body.totals.activities).toBe(43);
    for (const c of countsOf(body)) {
      if (typeof c === 'number') expect(c).toBeGreaterThanOrEqual(11);
      else expect(['< 11', 'masqué']).toContain(c);
    }
    const durations = Object.fromEntries(body.breakdowns.durationBucket.map((e: { key: string; count: unknown }) => [e.key, e.count]));
    expect(durations['more']).toBe('< 11');
    const themes = Object.fromEntries(body.breakdowns.themes.map((e: { key: string; count: unknown }) => [e.key, e.count]));
    expect(themes.sante).toBe('< 11');
    // A single small month would be the total minus the others: the series is masked as a whole or not at all.
    expect(body.series.byMonth).toEqual([{ period: '2026-10', activities: 43, accompaniments: 43 }]);
  });

  it('serves a readable HTML page to people, and no script', async () => {
    const { url } = (await create(coordNord, { structureId: nord.id })).json() as { url: string };
    const page = await open(url, 'text/html');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Médiation numérique');
    expect(page.body).toContain('Centre social Nord');
    expect(page.body).toContain('&lt; 11');
    expect(page.body).not.toContain('<script');
  });

  it('is revocable: a revoked link answers 404', async () => {
    const created = (await create(coordNord, {})).json() as { id: string; url: string };
    const revoke = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/share-links/${created.id}/revoke`, headers: coordNord.headers });
    expect(revoke.statusCode).toBe(200);
    expect((await open(created.url)).statusCode).toBe(404);
    expect((await open(created.url, 'text/html')).body).toContain("n'est plus disponible");
  });

  it('keeps links within the scope of their creator', async () => {
    const hubWide = (await create(admin, {})).json() as { id: string };
    const list = (await hub.app.inject({ method: 'GET', url: '/api/v1/admin/share-links', headers: { cookie: coordNord.cookie } })).json();
    expect(list.links.map((l: { id: string }) => l.id)).not.toContain(hubWide.id);
    const steal = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/share-links/${hubWide.id}/revoke`, headers: coordNord.headers });
    expect(steal.statusCode).toBe(404);
    expect((await create(coordNord, { structureId: sud.id })).statusCode).toBe(404);
    const perMediator = await create(admin, { mediatorId: 'x' });
    expect(problemOf(perMediator).errors?.[0]?.path).toBe('filters.mediatorId');
  });
});
