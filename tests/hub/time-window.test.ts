import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { ingestActivities } from '../../src/hub/repositories/activities.ts';
import { createShareLink } from '../../src/hub/repositories/share-links.ts';
import { addDays } from '../../src/shared/stats/periods.ts';
import { SHARE_MAX_MONTHS, lastDayOfMonth, monthMinus } from '../../src/shared/stats/public-period.ts';
import { MAX_PERIOD_DAYS, utcToday } from '../../src/shared/stats/window.ts';
import { anActivity, givenEnrolledDevice, pushResults, type EnrolledDevice } from './sync-helpers.ts';

// Issue #12, "one date kills the hub": records and filters live in a time window
// (2000-01-01 .. the day after the hub's today); out-of-window data stored earlier cannot
// hang the dashboards or share links; every route taking a date answers fast and bounded.

const BODY_BOUND = 3 * 1024 * 1024;

describe.each(DIALECTS)('time window on %s', (dialect) => {
  let hub: TestHub;
  let structure: Structure;
  let admin: StaffSession;
  let coordinator: StaffSession;
  let tablet: EnrolledDevice;
  const today = utcToday();
  const lastDay = addDays(today, 1);

  beforeAll(async () => {
    hub = await givenHub(dialect);
    structure = await givenStructure(hub, 'Centre social du Port', ['13']);
    admin = await givenStaff(hub, 'admin');
    coordinator = await givenStaff(hub, 'coordinator', [structure.id]);
    tablet = await givenEnrolledDevice(hub, structure, { ip: '10.1.0.1' });
  });
  afterAll(async () => hub?.close());

  it('rejects a pushed record dated before 2000-01-01 or after tomorrow, naming date; keeps the edges', async () => {
    const results = await pushResults(hub, tablet, [
      anActivity({ date: '1999-12-31' }),
      anActivity({ date: '2000-01-01' }),
      anActivity({ date: lastDay }),
      anActivity({ date: addDays(today, 2) }),
      anActivity({ date: '9999-12-31' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'created', 'created', 'rejected', 'rejected']);
    for (const r of [results[0]!, results[3]!, results[4]!]) {
      expect(r.errors?.map((e) => e.path)).toEqual(['date']);
      expect(r.errors?.[0]?.message).toMatch(/^Date de l'accompagnement : pas (avant|après) le/);
    }
  });

  const get = (who: StaffSession, url: string, accept?: string) =>
    hub.app.inject({ method: 'GET', url, headers: { cookie: who.cookie, ...(accept ? { accept } : {}) } });

  it('refuses filters outside the window or longer than the bound with a French 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['to=9999-12-31', 'to'],
      ['from=0001-01-01', 'from'],
      [`from=1999-12-31&to=2000-01-05`, 'from'],
      [`from=2000-01-01&to=${addDays('2000-01-01', MAX_PERIOD_DAYS)}`, 'to'],
    ];
    for (const [qs, param] of cases) {
      for (const url of [`/api/v1/stats?${qs}`, `/api/v1/exports/activities.csv?${qs}`, `/api/v1/exports/activities.xlsx?${qs}`]) {
        const res = await get(admin, url);
        expect(res.statusCode, url).toBe(400);
        const p = problemOf(res);
        expect(p.errors?.map((e) => e.path)).toContain(param);
        expect(p.detail).toMatch(/période|Période/);
      }
      const filters = Object.fromEntries(new URLSearchParams(qs));
      const share = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/share-links', headers: admin.headers, payload: { filters } });
      expect(share.statusCode, qs).toBe(400);
    }
    // The longest period allowed is answered.
    const ok = await get(admin, `/api/v1/stats?from=2010-01-01&to=${addDays('2010-01-01', MAX_PERIOD_DAYS - 1)}`);
    expect(ok.statusCode).toBe(200);
  });

  it('reads every dashboard and share route with records at both edges, and with out-of-window data stored earlier', async () => {
    // Stored before the window existed: a record dated 9999-12-31 and one in 1970, and share links without a period or with an absurd one.
    const device = { deviceId: tablet.deviceId, structureId: structure.id, mediatorId: tablet.mediatorId };
    const old = [anActivity({ date: '9999-12-31' }), anActivity({ date: '1970-01-01' })];
    await ingestActivities(hub.database.db, hub.database.dialect, device, old.map((r, index) => ({ index, id: r.id as string, revision: 1, deleted: false, record: r })), new Date().toISOString());
    const links = [
      await createShareLink(hub.database.db, { createdBy: 'x', structureIds: [structure.id], filters: {} }),
      await createShareLink(hub.database.db, { createdBy: 'x', structureIds: null, filters: { from: '0001-01-01', to: '9999-12-31' } }),
    ];
    // A new link covers whole months (docs/public-figures.md): the ten years up to the month of the window's last day.
    const noPeriod = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/share-links', headers: coordinator.headers, payload: { filters: {} } });
    expect(noPeriod.statusCode).toBe(400);
    const lastMonth = lastDay.slice(0, 7);
    const created = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/admin/share-links',
      headers: coordinator.headers,
      payload: { filters: { from: `${monthMinus(lastMonth, SHARE_MAX_MONTHS - 1)}-01`, to: lastDayOfMonth(lastMonth) } },
    });
    expect(created.statusCode).toBe(201);
    const urls = [
      '/api/v1/stats',
      `/api/v1/stats?structureId=${structure.id}`,
      `/api/v1/stats?structureId=${structure.id}&theme=email`,
      `/api/v1/stats?mediatorId=${tablet.mediatorId}`,
      `/api/v1/stats?from=2000-01-01&to=2000-01-01`,
      `/api/v1/stats?from=${lastDay}&to=${lastDay}`,
      `/api/v1/exports/activities.csv?structureId=${structure.id}`,
      `/api/v1/exports/activities.xlsx?layout=national`,
    ];
    await get(admin, '/api/v1/stats'); // warms the roll-ups and the code paths up: the timing is of a steady hub
    for (const who of [admin, coordinator]) {
      for (const url of urls) {
        const t0 = performance.now();
        const res = await get(who, url);
        expect(res.statusCode, url).toBe(200);
        expect(performance.now() - t0, url).toBeLessThan(1000);
        expect(res.rawPayload.length, url).toBeLessThan(BODY_BOUND);
      }
    }
    const stats = (await get(admin, '/api/v1/stats')).json() as { totals: { activities: number }; series: { byDay: { period: string }[] } };
    expect(stats.series.byDay[0]?.period).toBe('2000-01-01');
    expect(stats.series.byDay.at(-1)?.period).toBe(lastDay);
    expect(stats.totals.activities).toBe(2);
    const shareIds = [...links.map((l) => l.id), (created.json() as { id: string }).id];
    for (const id of shareIds) {
      for (const accept of ['application/json', 'text/html']) {
        const t0 = performance.now();
        const res = await hub.app.inject({ method: 'GET', url: `/api/v1/share/${id}`, headers: { accept } });
        expect(res.statusCode).toBe(200);
        expect(performance.now() - t0).toBeLessThan(1000);
        expect(res.rawPayload.length).toBeLessThan(BODY_BOUND);
      }
    }
  });

  it('answers any date on every route that takes one within a second, bounded, never 5xx (property)', async () => {
    const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const date = fc.oneof(
      fc.tuple(digits(4, 9999), digits(2, 13), digits(2, 32)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.integer({ min: -40_000, max: 40_000 }).map((n) => addDays(today, n)).filter((d) => /^\d{4}-/.test(d)),
      fc.constantFrom('9999-12-31', '0000-01-01', '2000-01-01', lastDay, '', 'x', '+010000-01-01', '2026-02-29'),
    );
    const route = fc.constantFrom('stats', 'csv', 'xlsx', 'share');
    await fc.assert(
      fc.asyncProperty(route, fc.option(date, { nil: undefined }), fc.option(date, { nil: undefined }), async (r, from, to) => {
        const filters: Record<string, string> = {};
        if (from !== undefined) filters.from = from;
        if (to !== undefined) filters.to = to;
        const qs = new URLSearchParams(filters).toString();
        const t0 = performance.now();
        const res =
          r === 'share'
            ? await hub.app.inject({ method: 'POST', url: '/api/v1/admin/share-links', headers: admin.headers, payload: { filters } })
            : await get(admin, r === 'stats' ? `/api/v1/stats?${qs}` : `/api/v1/exports/activities.${r}?${qs}`);
        expect(res.statusCode).toBeLessThan(500);
        expect(performance.now() - t0).toBeLessThan(1000);
        expect(res.rawPayload.length).toBeLessThan(BODY_BOUND);
        if (r === 'share' && res.statusCode === 201) {
          const page = await hub.app.inject({ method: 'GET', url: `/api/v1/share/${(res.json() as { id: string }).id}`, headers: { accept: 'application/json' } });
          expect(page.statusCode).toBe(200);
          expect(page.rawPayload.length).toBeLessThan(BODY_BOUND);
        }
      }),
      { numRuns: dialect === 'postgres' ? 40 : 80 },
    );
  });
});
