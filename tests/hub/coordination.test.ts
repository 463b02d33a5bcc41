import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import { getStructure, type Structure } from '../../src/hub/repositories/structures.ts';
import { anActivity, givenEnrolledDevice, pushResults, type EnrolledDevice } from './sync-helpers.ts';

describe.each(DIALECTS)('coordination API on %s', (dialect) => {
  let hub: TestHub;
  let nord: Structure;
  let sud: Structure;
  let admin: StaffSession;
  let coordNord: StaffSession;
  let tabletNord: EnrolledDevice;
  let tabletSud: EnrolledDevice;

  const get = (s: StaffSession, url: string) => hub.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

  beforeAll(async () => {
    hub = await givenHub(dialect);
    nord = await givenStructure(hub, 'Centre social Nord', ['59']);
    sud = await givenStructure(hub, 'Espace numérique Sud', ['13']);
    admin = await givenStaff(hub, 'admin');
    coordNord = await givenStaff(hub, 'coordinator', [nord.id]);
    tabletNord = await givenEnrolledDevice(hub, nord, { mediatorLabel: 'Alice', ip: '10.0.0.11' });
    tabletSud = await givenEnrolledDevice(hub, sud, { mediatorLabel: 'Bob', ip: '10.0.0.12' });
    await pushResults(hub, tabletNord, [
      anActivity({ date: '2026-10-02' }),
      anActivity({ date: '2026-10-03', beneficiaries: { total: 1, alreadyAccompanied: 1, genre: {}, ageBand: {}, status: {} } }),
      anActivity({
        type: 'collectif',
        date: '2026-11-05',
        autonomy: undefined,
        workshop: { title: 'Premiers pas', level: 'debutant' },
        beneficiaries: { total: 10, alreadyAccompanied: 4, genre: { feminin: 6 }, ageBand: {}, status: {} },
      }),
    ]);
    await pushResults(hub, tabletSud, [anActivity({ date: '2026-10-02', themes: ['sante'] })]);
  });
  afterAll(async () => hub?.close());

  it('counts a workshop of 10 as 10 accompaniments and 1 activity, new beneficiaries apart', async () => {
    const res = await get(coordNord, `/api/v1/stats?structureId=${nord.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totals).toEqual({ activities: 3, accompaniments: 12, beneficiaries: 12, newBeneficiaries: 7 });
    expect(body.series.byMonth).toEqual([
      { period: '2026-10', activities: 2, accompaniments: 2 },
      { period: '2026-11', activities: 1, accompaniments: 10 },
    ]);
    expect(body.series.byDay.length).toBe(35);
    expect(Object.keys(body.breakdowns).sort()).toEqual(
      [
        'adminThemes', 'ageBand', 'channel', 'commune', 'durationBucket', 'equipment', 'genre', 'oriented', 'status', 'themes', 'type', 'venue',
        'aidantsConnect', 'passNumerique', 'portalSites', 'autonomy', 'tags', 'activityCommune',
      ].sort(),
    );
    const genre = Object.fromEntries(body.breakdowns.genre.map((e: { key: string; count: number }) => [e.key, e.count]));
    expect(genre).toEqual({ masculin: 0, feminin: 7, non_communique: 5 });
    expect(body.breakdowns.type.map((e: { label: string }) => e.label)).toEqual(['Accompagnement individuel', 'Atelier collectif']);
  });

  it('shows a coordinator only its structures; the admin sees the whole hub', async () => {
    const mine = (await get(coordNord, '/api/v1/stats')).json();
    const all = (await get(admin, '/api/v1/stats')).json();
    expect(mine.totals.activities).toBe(3);
    expect(all.totals.activities).toBe(4);
    const out = await get(coordNord, `/api/v1/stats?structureId=${sud.id}`);
    expect(out.statusCode).toBe(404);
    const otherMediator = await get(coordNord, `/api/v1/stats?mediatorId=${tabletSud.mediatorId}`);
    expect(otherMediator.statusCode).toBe(404);
  });

  it('filters by period, mediator, type and theme', async () => {
    const q = (s: string) => get(admin, `/api/v1/stats?${s}`).then((r) => r.json().totals.activities);
    expect(await q('from=2026-10-03&to=2026-10-31')).toBe(1);
    expect(await q(`mediatorId=${tabletSud.mediatorId}`)).toBe(1);
    expect(await q('type=collectif')).toBe(1);
    expect(await q('theme=sante')).toBe(1);
    expect(await q('theme=email&type=individuel')).toBe(2);
  });

  it('rejects malformed filters with the field named', async () => {
    for (const [qs, path] of [['from=2026-13-01', 'from'], ['type=groupe', 'type'], ['theme=cuisine', 'theme'], ['from=2026-10-05&to=2026-10-01', 'to'], ['colour=blue', '(corps)']] as const) {
      const res = await get(admin, `/api/v1/stats?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(problemOf(res).errors?.map((e) => e.path).join(',')).toContain(path === '(corps)' ? '' : path);
    }
  });

  it('lets a coordinator set a kiosk PIN, stored only as the agreed hash', async () => {
    const res = await hub.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/structures/${nord.id}`,
      headers: coordNord.headers,
      payload: { kioskPin: '4821', kioskIdleSeconds: 90, tags: [{ label: 'Permanence CAF' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().settings).toMatchObject({ kioskPinSet: true, kioskIdleSeconds: 90, tags: [{ label: 'Permanence CAF' }] });
    expect(res.body).not.toContain('kioskPinHash');
    const stored = await getStructure(hub.database.db, nord.id);
    expect(stored?.settings.kioskPinHash).toBe(createHash('sha256').update('kariole-kiosk:4821').digest('hex'));
    const bad = await hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/structures/${nord.id}`, headers: coordNord.headers, payload: { kioskPin: '12' } });
    expect(problemOf(bad).errors?.[0]?.path).toBe('kioskPin');
    const unknownPlace = await hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/structures/${nord.id}`, headers: coordNord.headers, payload: { placesOfActivity: ['nope'] } });
    expect(unknownPlace.statusCode).toBe(400);
  });

  it('lets an admin invite a coordinator who then sees only the structures given', async () => {
    const res = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: admin.headers, payload: { email: 'claire@sud.fr', structureIds: [sud.id] } });
    expect(res.statusCode).toBe(201);
    const { password } = res.json() as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(12);
    const login = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'claire@sud.fr', password } });
    expect(login.statusCode).toBe(204);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const stats = await hub.app.inject({ method: 'GET', url: '/api/v1/stats', headers: { cookie } });
    expect(stats.json().totals.activities).toBe(1);
    const again = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: admin.headers, payload: { email: 'claire@sud.fr', structureIds: [sud.id] } });
    expect(again.statusCode).toBe(409);
    const byCoordinator = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: coordNord.headers, payload: { email: 'x@y.fr', structureIds: [nord.id] } });
    expect(byCoordinator.statusCode).toBe(403);
  });

  it('offers the filters of the user: its structures and their mediators', async () => {
    const body = (await get(coordNord, '/api/v1/admin/filter-options')).json();
    expect(body.structures).toEqual([{ id: nord.id, name: 'Centre social Nord', timeZone: 'Europe/Paris' }]);
    expect(body.mediators).toEqual([{ id: tabletNord.mediatorId, structureId: nord.id, label: 'Alice' }]);
  });

  it('requires a session and the CSRF token on changes', async () => {
    expect((await hub.app.inject({ method: 'GET', url: '/api/v1/stats' })).statusCode).toBe(401);
    const noCsrf = await hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/structures/${nord.id}`, headers: { cookie: coordNord.cookie }, payload: { name: 'Piraté' } });
    expect(noCsrf.statusCode).toBe(403);
  });
});
