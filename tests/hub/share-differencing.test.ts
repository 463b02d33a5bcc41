import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, type StaffSession, type TestHub } from '../helpers/hub.ts';
import { setMeta } from '../../src/hub/repositories/meta.ts';
import { PUBLIC_SECRET_META } from '../../src/hub/repositories/public-stats.ts';
import { AGE_BANDS, GENRES, STATUSES } from '../../src/shared/activity/codes.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { anActivity, givenEnrolledDevice, pushResults, type EnrolledDevice } from './sync-helpers.ts';

// The two differencing attacks of issue 16, on a crowd where every genre, age band and status
// holds at least 11 people: (a) two links over whole months that differ by one month holding
// only the target's session; (b) one link read before and after a late sync of the target's
// session. The exact (authenticated) figures reveal the target every time — the control; the
// public pages must not reveal two of the three.

const DIMS = [
  { key: 'genre', codes: GENRES.map((c) => c.code) },
  { key: 'ageBand', codes: AGE_BANDS.map((c) => c.code) },
  { key: 'status', codes: STATUSES.map((c) => c.code) },
] as const;

/** A fixed UUID per number: the same records, hence the same keys, at every run and on both databases. */
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

type Person = { genre: string; ageBand: string; status: string };

function session(id: number, date: string, p: Person): Record<string, unknown> {
  return anActivity({
    id: uuid(id),
    date,
    beneficiaries: { total: 1, alreadyAccompanied: 0, genre: { [p.genre]: 1 }, ageBand: { [p.ageBand]: 1 }, status: { [p.status]: 1 } },
  });
}

type Page = { breakdowns: Record<string, { key: string; count: unknown }[]> };

/** Differences per category of one dimension (NaN where a side is masked). */
function diffs(after: Page, before: Page, dim: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of after.breakdowns[dim]!) {
    const b = before.breakdowns[dim]!.find((x) => x.key === e.key)?.count;
    out.set(e.key, typeof e.count === 'number' && typeof b === 'number' ? e.count - b : Number.NaN);
  }
  return out;
}

/** "+1 in the target's category and 0 elsewhere": the signature that names the target. */
function exactSignature(d: Map<string, number>, target: string): boolean {
  return [...d].every(([k, v]) => v === (k === target ? 1 : 0));
}

/** The attacker's guess: the only category that moved, else the one that moved up most (none on a tie). */
function guess(d: Map<string, number>): string | undefined {
  const moved = [...d].filter(([, v]) => v !== 0 && !Number.isNaN(v));
  if (moved.length === 1) return moved[0]![0];
  const best = Math.max(...[...d.values()].filter((v) => !Number.isNaN(v)));
  const top = [...d].filter(([, v]) => v === best);
  return top.length === 1 ? top[0]![0] : undefined;
}

describe.each(DIALECTS)('differencing attacks on public figures on %s', (dialect) => {
  let hub: TestHub;
  let coord: StaffSession;
  let tablet: EnrolledDevice;
  let structure: Structure;
  const targets: { person: Person; attack: 'a' | 'b'; learnt: number; signatures: number; exactLearnt: number }[] = [];

  beforeAll(async () => {
    hub = await givenHub(dialect);
    await setMeta(hub.database.db, PUBLIC_SECRET_META, 'a-fixed-secret-for-the-differencing-test');
    structure = await givenStructure(hub, 'Médiathèque du Port', ['13']);
    coord = await givenStaff(hub, 'coordinator', [structure.id]);
    tablet = await givenEnrolledDevice(hub, structure, { ip: '10.0.9.1' });
    // The crowd: 130 sessions from July to October; every category of every dimension ≥ 11.
    const crowd = Array.from({ length: 130 }, (_, i) =>
      session(1000 + i, `2026-${String(7 + (i % 4)).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`, {
        genre: DIMS[0].codes[i % 3]!,
        ageBand: DIMS[1].codes[(i * 5) % 8]!,
        status: DIMS[2].codes[(i * 3) % 5]!,
      }),
    );
    await pushResults(hub, tablet, crowd);
  });
  afterAll(async () => hub?.close());

  const person = (k: number): Person => ({
    genre: DIMS[0].codes[(k * 7 + 1) % 3]!,
    ageBand: DIMS[1].codes[(k * 3 + 2) % 8]!,
    status: DIMS[2].codes[(k * 11 + 4) % 5]!,
  });
  const link = async (from: string, to: string) => {
    const res = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/share-links', headers: coord.headers, payload: { filters: { structureId: structure.id, from, to } } });
    expect(res.statusCode).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const read = async (id: string): Promise<Page> =>
    (await hub.app.inject({ method: 'GET', url: `/api/v1/share/${id}`, headers: { accept: 'application/json' } })).json();
  const exact = async (from: string, to: string): Promise<Page> =>
    (await hub.app.inject({ method: 'GET', url: `/api/v1/stats?structureId=${structure.id}&from=${from}&to=${to}`, headers: { cookie: coord.cookie } })).json();

  const judge = (p: Person, attack: 'a' | 'b', after: Page, before: Page, exactAfter: Page, exactBefore: Page) => {
    let learnt = 0;
    let signatures = 0;
    let exactLearnt = 0;
    for (const dim of DIMS) {
      const target = p[dim.key];
      const d = diffs(after, before, dim.key);
      if (guess(d) === target) learnt++;
      if (exactSignature(d, target)) signatures++;
      if (exactSignature(diffs(exactAfter, exactBefore, dim.key), target)) exactLearnt++;
    }
    targets.push({ person: p, attack, learnt, signatures, exactLearnt });
  };

  it('(a) two links over whole months differing by one month that holds only the target', async () => {
    // Targets alone in January … June; link A_k starts with target k's month, B_k a month later.
    const months = ['01', '02', '03', '04', '05', '06'];
    await pushResults(hub, tablet, months.map((m, k) => session(k + 1, `2026-${m}-15`, person(k))));
    for (const [k, m] of months.entries()) {
      const next = months[k + 1] ?? '07';
      const a = await read(await link(`2026-${m}-01`, '2026-10-31'));
      const b = await read(await link(`2026-${next}-01`, '2026-10-31'));
      judge(person(k), 'a', a, b, await exact(`2026-${m}-01`, '2026-10-31'), await exact(`2026-${next}-01`, '2026-10-31'));
    }
  });

  it('(b) one link read before and after a late sync of the target', async () => {
    const id = await link('2026-07-01', '2026-10-31');
    for (let k = 10; k < 16; k++) {
      const before = await read(id);
      const exactBefore = await exact('2026-07-01', '2026-10-31');
      await pushResults(hub, tablet, [session(k, '2026-08-20', person(k))]);
      judge(person(k), 'b', await read(id), before, await exact('2026-07-01', '2026-10-31'), exactBefore);
    }
  });

  it('perturbs every public count, new breakdowns included, within ±D, and never shows a per-mediator table', async () => {
    const page = (await read(await link('2026-07-01', '2026-10-31'))) as Page & { totals: Record<string, unknown>; series: { byMonth: { accompaniments: unknown }[] } };
    const truth = (await exact('2026-07-01', '2026-10-31')) as Page & { totals: Record<string, number>; mediators?: unknown[] };
    expect(truth.mediators?.length).toBeGreaterThan(0);
    expect(page).not.toHaveProperty('mediators');
    for (const key of ['aidantsConnect', 'passNumerique', 'portalSites', 'autonomy', 'tags', 'activityCommune']) expect(page.breakdowns, key).toHaveProperty(key);
    expect(Object.keys(page.breakdowns).sort()).toEqual(Object.keys(truth.breakdowns).sort());
    let shown = 0;
    let moved = 0;
    for (const [key, entries] of Object.entries(page.breakdowns)) {
      for (const e of entries) {
        if (typeof e.count !== 'number') continue;
        const t = truth.breakdowns[key]!.find((x) => x.key === e.key)?.count as number | undefined;
        if (t === undefined) continue; // « Autres »
        shown++;
        expect(Math.abs(e.count - t), `${key}.${e.key}`).toBeLessThanOrEqual(3);
        if (e.count !== t) moved++;
      }
    }
    for (const key of ['aidantsConnect', 'autonomy', 'activityCommune']) expect(page.breakdowns[key]!.some((e) => typeof e.count === 'number'), key).toBe(true);
    expect(shown).toBeGreaterThan(15);
    // Each shown count keeps its true value one time in seven: most move.
    expect(moved / shown).toBeGreaterThan(0.5);
  });

  it('no target has two of genre, age band and status learnt by differencing', () => {
    expect(targets).toHaveLength(12);
    // The control: the exact figures give the three away, every time.
    for (const t of targets) expect(t.exactLearnt).toBe(3);
    // The public pages: never the "+1 there, 0 elsewhere" signature on two dimensions…
    for (const t of targets) expect(t.signatures, JSON.stringify(t)).toBeLessThanOrEqual(1);
    // …and the attacker's best guesses get two or three right for few targets. Over 4,000
    // targets (unit test) two or more are right for 22 % of them (blind guessing: 12 %), all
    // three for 3 % (blind: 0.8 %); on 12 targets, at most 5 and 2 (measured here: 1 and 0;
    // the keys are fixed, so the result is the same at every run). The exact figures: 12 and 12.
    const twoOrMore = targets.filter((t) => t.learnt >= 2).length;
    expect(twoOrMore).toBeLessThanOrEqual(5);
    expect(targets.filter((t) => t.learnt === 3).length).toBeLessThanOrEqual(2);
  });
});
