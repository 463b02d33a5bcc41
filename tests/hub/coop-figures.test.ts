import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import { ActivityRecordSchema, type ActivityRecord } from '../../src/shared/activity/record.ts';
import { DURATION_BUCKETS } from '../../src/shared/activity/codes.ts';
import { withProportions } from '../../src/shared/stats/proportions.ts';
import type { Stats } from '../../src/shared/stats/types.ts';
import { createMediator } from '../../src/hub/repositories/mediator-list.ts';
import { givenLogged, type Logged } from './coordination-helpers.ts';

// The dashboard's figures against a plain computation written the Coop's way (taxonomy.md
// "Statistics", its mes-statistiques queries): one row per accompaniment — a workshop of 8 is
// 8 rows carrying the workshop's values — then each breakdown counts rows, and a share is a
// percentage of the breakdown's sum.

const base = { revision: 1, adminThemes: [], portalLinkIds: [], aidantsConnect: false, passNumerique: 0, tags: [] };
const individual = (over: Record<string, unknown>) =>
  ActivityRecordSchema.parse({
    ...base,
    id: randomUUID(),
    type: 'individuel',
    date: '2026-10-05',
    durationMin: 30,
    place: { kind: 'a_distance' },
    equipment: [],
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
    equipment: ['ordinateur'],
    themes: ['email'],
    workshop: { title: 'Atelier', level: 'debutant' },
    beneficiaries: { total, alreadyAccompanied: 0 },
    ...over,
  });

/** The Coop's way: expand each activity into its accompaniments, then count rows per value. */
function coopBreakdowns(records: ActivityRecord[]) {
  const rows = records.flatMap((r) => Array.from({ length: r.beneficiaries.total }, () => r));
  const bucket = (min: number) => DURATION_BUCKETS[min < 30 ? 0 : min < 60 ? 1 : min < 120 ? 2 : 3]!.code;
  const countBy = (values: (r: ActivityRecord) => string[]) => {
    const out: Record<string, number> = {};
    for (const r of rows) for (const v of values(r)) out[v] = (out[v] ?? 0) + 1;
    return out;
  };
  return {
    type: countBy((r) => [r.type]),
    themes: countBy((r) => r.themes),
    adminThemes: countBy((r) => r.adminThemes),
    channel: countBy((r) => [r.place.kind]),
    durationBucket: countBy((r) => [bucket(r.durationMin)]),
    equipment: countBy((r) => r.equipment),
  };
}

const nonZero = (entries: { key: string; count: number }[]) => Object.fromEntries(entries.filter((e) => e.count > 0).map((e) => [e.key, e.count]));

describe.each(DIALECTS)('the dashboard’s figures as the Coop computes them, on %s', (dialect) => {
  let hub: TestHub;
  let admin: StaffSession;
  let structureId: string;
  const records = [
    workshop(8, { themes: ['email', 'bureautique'] }),
    individual({ themes: ['email'], equipment: ['telephone'], durationMin: 20 }),
    individual({ themes: ['email', 'aide_aux_demarches_administratives'], adminThemes: ['social_sante'], place: { kind: 'domicile', communeInsee: '13001' }, durationMin: 45 }),
    workshop(3, { themes: ['sante'], durationMin: 120, place: { kind: 'a_distance' }, equipment: ['tablette', 'telephone'] }),
    individual({ themes: ['securite_numerique'], durationMin: 150, equipment: ['aucun'] }),
  ];

  beforeAll(async () => {
    hub = await givenHub(dialect);
    admin = await givenStaff(hub, 'admin');
    structureId = (await givenStructure(hub)).id;
    await createMediator(hub.database.db, { id: 'm-1', structureId, label: 'Médiatrice 1' });
    const logged: Logged[] = records.map((record) => ({ structureId, mediatorId: 'm-1', record }));
    await givenLogged(hub.database.db, dialect, logged);
  });
  afterAll(async () => hub?.close());

  const stats = async (query: string): Promise<Stats> => {
    const res = await hub.app.inject({ method: 'GET', url: `/api/v1/stats?from=2026-10-01&to=2026-10-31${query}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    return res.json() as Stats;
  };

  it.each([
    ['every structure (daily roll-ups)', ''],
    ['one structure', 'structure'],
    ['one mediator (the facts)', 'mediator'],
  ])('counts every breakdown per accompaniment: %s', async (_, scope) => {
    const query = scope === 'structure' ? `&structureId=${structureId}` : scope === 'mediator' ? '&mediatorId=m-1' : '';
    const s = await stats(query);
    // The example: a workshop of 8 and two individuals on "E-mail" give 10.
    expect(s.breakdowns.themes.find((e) => e.key === 'email')?.count).toBe(10);
    expect(s.totals).toMatchObject({ activities: 5, accompaniments: 14 });
    const want = coopBreakdowns(records);
    for (const key of Object.keys(want) as (keyof typeof want)[]) expect(nonZero(s.breakdowns[key])).toEqual(want[key]);
    // Shares of the breakdown's sum: themes add up to 8×2 + 1 + 2 + 3 + 1 = 23.
    const themes = withProportions(s.breakdowns.themes);
    expect(themes.find((e) => e.key === 'email')?.proportion).toBe(Math.round((100_000 * 10) / 23) / 1000);
    expect(themes.reduce((n, e) => n + e.proportion, 0)).toBeCloseTo(100, 1);
  });

  it('labels the duration buckets with the Coop’s strings', async () => {
    const s = await stats('');
    expect(s.breakdowns.durationBucket.map((e) => [e.key, e.label, e.count])).toEqual([
      ['30', 'Moins de 30 min', 1],
      ['60', '30min à 1 h', 1],
      ['120', '1 h à 2 h', 8],
      ['more', '2 h et plus', 4],
    ]);
  });

  it('refuses a filter in the earlier theme codes, naming it, on the figures and the exports', async () => {
    for (const url of ['/api/v1/stats?theme=aide_demarches_administratives', '/api/v1/exports/activities.csv?layout=national&theme=navigation_internet']) {
      const res = await hub.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      expect(res.statusCode).toBe(400);
      expect(problemOf(res).errors?.map((e) => e.path)).toContain('theme');
    }
    const ok = await hub.app.inject({ method: 'GET', url: '/api/v1/stats?theme=aide_aux_demarches_administratives&from=2026-10-01&to=2026-10-31', headers: { cookie: admin.cookie } });
    expect(ok.statusCode).toBe(200);
    // One individual chose it: 1 accompaniment.
    expect((ok.json() as Stats).totals.accompaniments).toBe(1);
  });
});
