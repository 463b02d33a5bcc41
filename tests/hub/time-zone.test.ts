import Papa from 'papaparse';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import { getStructure, type Structure } from '../../src/hub/repositories/structures.ts';
import { migrateToLatest } from '../../src/hub/plugins/db.ts';
import { NATIONAL_HEADERS } from '../../src/shared/stats/national-layout.ts';
import { givenLogged } from './coordination-helpers.ts';
import type { ActivityRecord } from '../../src/shared/activity/record.ts';
import { aPlainRecord } from './plain-record.ts';

// One time-zone rule (issue 15): a structure's dates are days in its own zone. The clock is put at
// 23:30 UTC, when Paris, Réunion and Nouméa are already on the next day and Guadeloupe is not.

const dir = path.resolve('src/hub/migrations');
const names = fs.readdirSync(dir).filter((f) => /^\d{3}_[\w-]+\.ts$/.test(f)).sort().map((f) => f.replace(/\.ts$/, ''));
const provider: MigrationProvider = {
  async getMigrations() {
    const out: Record<string, Migration> = {};
    for (const n of names) out[n] = (await import(pathToFileURL(path.join(dir, `${n}.ts`)).href)) as Migration;
    return out;
  },
};

const record = (id: string, date: string) => aPlainRecord(id, date) as unknown as ActivityRecord;

function rowsOf(body: string): string[][] {
  return Papa.parse<string[]>(body.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
}

describe.each(DIALECTS)('the structure time zone on %s', (dialect) => {
  let hub: TestHub;
  let paris: Structure;
  let reunion: Structure;
  let guadeloupe: Structure;
  let admin: StaffSession;
  let coordReunion: StaffSession;

  beforeAll(async () => {
    hub = await givenHub(dialect);
    paris = await givenStructure(hub, 'Centre Paris', ['75']);
    reunion = await givenStructure(hub, 'Case Saint-Denis', ['974']);
    guadeloupe = await givenStructure(hub, 'Espace Pointe-à-Pitre', ['971']);
    admin = await givenStaff(hub, 'admin');
    coordReunion = await givenStaff(hub, 'coordinator', [reunion.id]);
    const { db, dialect: d } = hub.database;
    // Received at 23:30 UTC on 2 October 2026.
    const at = '2026-10-02T23:30:00.000Z';
    await givenLogged(db, d, [{ structureId: paris.id, mediatorId: 'm-paris', record: record('0193a000-0000-7000-8000-0000000000a1', '2026-10-02') }], at);
    await givenLogged(db, d, [{ structureId: reunion.id, mediatorId: 'm-reunion', record: record('0193a000-0000-7000-8000-0000000000a2', '2026-10-02') }], at);
    await givenLogged(db, d, [{ structureId: guadeloupe.id, mediatorId: 'm-gp', record: record('0193a000-0000-7000-8000-0000000000a3', '2026-10-02') }], at);
  });
  afterAll(async () => hub?.close());
  afterEach(() => vi.useRealTimers());

  it('gives each structure the zone of its départements, Europe/Paris by default', () => {
    expect(paris.timeZone).toBe('Europe/Paris');
    expect(reunion.timeZone).toBe('Indian/Reunion');
    expect(guadeloupe.timeZone).toBe('America/Guadeloupe');
  });

  it('writes "Enregistré le" as the day in each structure\'s zone', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/v1/exports/activities.csv?layout=national', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = rowsOf(res.body);
    expect(header).toEqual([...NATIONAL_HEADERS]);
    const received = header!.indexOf('Enregistré le');
    const modified = header!.indexOf('Dernière modification le');
    const byStructure = new Map(rows.map((r) => [r[NATIONAL_HEADERS.indexOf('ID CRA')], r]));
    expect(byStructure.size).toBe(3);
    const got = rows.map((r) => `${r[received]}|${r[modified]}`).sort();
    // 23:30 UTC is 01:30 on the 3rd in Paris (UTC+2) and 03:30 in Réunion (UTC+4), 19:30 on the 2nd in Guadeloupe (UTC-4).
    expect(got).toEqual(['02/10/2026 à 19:30|', '03/10/2026 à 01:30|', '03/10/2026 à 03:30|']);
  });

  it("names the export after today in the user's zone at 23:30 UTC", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T23:30:00.000Z'));
    // sessions opened under the faked clock
    const admin = await givenStaff(hub, 'admin');
    const coordReunion = await givenStaff(hub, 'coordinator', [reunion.id]);
    const url = '/api/v1/exports/activities.csv?layout=kariole';
    const forReunion = await hub.app.inject({ method: 'GET', url, headers: { cookie: coordReunion.cookie } });
    expect(String(forReunion.headers['content-disposition'])).toContain('kariole-accompagnements-kariole-2026-11-30.csv');
    const forGuadeloupe = await hub.app.inject({ method: 'GET', url: `${url}&structureId=${guadeloupe.id}`, headers: { cookie: admin.cookie } });
    expect(String(forGuadeloupe.headers['content-disposition'])).toContain('kariole-accompagnements-kariole-2026-11-29.csv');
    const forParis = await hub.app.inject({ method: 'GET', url: `${url}&structureId=${paris.id}`, headers: { cookie: admin.cookie } });
    expect(String(forParis.headers['content-disposition'])).toContain('2026-11-30.csv');
  });

  it('tells the dashboard the zone of each structure and of the user', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/filter-options', headers: { cookie: coordReunion.cookie } });
    const body = res.json<{ timeZone: string; structures: { id: string; timeZone: string }[] }>();
    expect(body.timeZone).toBe('Indian/Reunion');
    expect(body.structures).toEqual([expect.objectContaining({ id: reunion.id, timeZone: 'Indian/Reunion' })]);
    const all = (await hub.app.inject({ method: 'GET', url: '/api/v1/admin/filter-options', headers: { cookie: admin.cookie } })).json<{ timeZone: string }>();
    expect(all.timeZone).toBe('Europe/Paris');
  });

  it('lets a coordinator choose a zone, refuses an unknown or too long one, and follows the départements otherwise', async () => {
    const patchAs = (who: { cookie: string; csrf: string }, body: unknown) =>
      hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/structures/${reunion.id}`, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, payload: body as object });
    const patch = (body: unknown) => patchAs(coordReunion, body);
    // only an admin changes a structure's départements (the territory decides which places a coordinator writes)
    const unknown = await patch({ timeZone: 'Europe/Atlantis' });
    expect(unknown.statusCode).toBe(400);
    expect(problemOf(unknown).errors?.[0]?.message).toMatch(/Fuseau horaire inconnu/);
    const long = await patch({ timeZone: `Europe/${'x'.repeat(58)}` });
    expect(long.statusCode).toBe(400);
    expect(problemOf(long).errors?.[0]?.message).toMatch(/trop long/);
    expect((await getStructure(hub.database.db, reunion.id))?.timeZone).toBe('Indian/Reunion');

    const moved = await patchAs(admin, { departements: ['976'] });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<{ timeZone: string }>().timeZone).toBe('Indian/Mayotte');
    const chosen = await patch({ timeZone: 'Indian/Reunion' });
    expect(chosen.json<{ timeZone: string }>().timeZone).toBe('Indian/Reunion');
    // chosen by hand: a later change of départements keeps it
    expect((await patchAs(admin, { departements: ['13'] })).json<{ timeZone: string }>().timeZone).toBe('Indian/Reunion');
  });
});

describe.each(DIALECTS)('migration 010 on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.destroy());

  it('gives existing structures their zone from their départements', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const db = database.db;
    const before = names[names.indexOf('010_structure_time_zone') - 1]!;
    expect((await new Migrator({ db, provider }).migrateTo(before)).error).toBeUndefined();
    const now = new Date().toISOString();
    for (const [id, deps] of [['s-lille', '["59"]'], ['s-noumea', '["988"]'], ['s-mix', '["13","973"]'], ['s-bad', 'not json']] as const) {
      await db.insertInto('structures').values({ id, name: id, departements: deps, settings: '{}', created_at: now, updated_at: now }).execute();
    }
    await migrateToLatest(db);
    const zones = Object.fromEntries((await db.selectFrom('structures').select(['id', 'time_zone']).execute()).map((r) => [r.id, r.time_zone]));
    expect(zones).toEqual({ 's-lille': 'Europe/Paris', 's-noumea': 'Pacific/Noumea', 's-mix': 'America/Cayenne', 's-bad': 'Europe/Paris' });
  });
});
