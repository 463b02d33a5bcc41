import fc from 'fast-check';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase } from '../helpers/db.ts';
import { installProblemHandler } from '../../src/hub/plugins/problem.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import { createEnrolmentCode } from '../../src/hub/repositories/devices.ts';
import { getStoredActivity } from '../../src/hub/repositories/activities.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { anActivity, givenEnrolledDevice, pushResults, type EnrolledDevice } from './sync-helpers.ts';
import { aPlace, bySourceId, csvOf, importText } from './venues-helpers.ts';

// U+0000 and other control characters: PostgreSQL refuses U+0000 in any text, SQLite keeps it
// where no screen shows it. Both databases must answer the same plain 400 naming the field,
// never a 5xx, and a file being imported loses the stray byte, not its row.

describe.each(DIALECTS)('control characters on %s', (dialect) => {
  let hub: TestHub;
  let structure: Structure;
  let device: EnrolledDevice;
  let admin: StaffSession;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    structure = await givenStructure(hub);
    device = await givenEnrolledDevice(hub, structure);
    admin = await givenStaff(hub, 'admin');
  });
  afterAll(async () => hub?.close());

  it('refuses a NUL in a query string or a route parameter with a 400 naming it', async () => {
    const search = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/venues?q=gare%00', headers: admin.headers });
    expect(search.statusCode).toBe(400);
    expect(problemOf(search).errors).toEqual([expect.objectContaining({ path: 'q' })]);
    expect(problemOf(search).detail).toMatch(/caractère nul/);

    const byId = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/venues/abc%00def', headers: admin.headers });
    expect(byId.statusCode).toBe(400);
    expect(problemOf(byId).errors).toEqual([expect.objectContaining({ path: 'id' })]);

    const pull = await hub.app.inject({ method: 'GET', url: '/api/v1/sync/venues?since=%00', headers: device.auth });
    expect(pull.statusCode).toBe(400);
  });

  it('refuses a NUL in an enrolment body, and the code stays usable', async () => {
    const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id, mediatorLabel: null });
    const bad = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: { code, deviceLabel: 'Tablette\u0000hall' }, remoteAddress: '10.7.0.1' });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).errors).toEqual([expect.objectContaining({ path: 'deviceLabel' })]);
    const good = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: { code, deviceLabel: 'Tablette hall' }, remoteAddress: '10.7.0.1' });
    expect(good.statusCode).toBe(201);
  });

  it('rejects only the pushed record whose tag, site or title holds a control character', async () => {
    const good = anActivity();
    const badTag = anActivity({ tags: ['accueil\u0000'] });
    const badSite = anActivity({ portalLinkIds: ['caf\u0007'] });
    const badTitle = anActivity({
      type: 'collectif',
      autonomy: undefined,
      workshop: { title: 'Atelier\u0000mail', level: 'debutant' },
      beneficiaries: { total: 8, alreadyAccompanied: 2, genre: {}, ageBand: {}, status: {} },
    });
    const results = await pushResults(hub, device, [badTag, good, badSite, badTitle]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'created', 'rejected', 'rejected']);
    expect(results[0]!.errors!.some((e) => e.path.startsWith('tags'))).toBe(true);
    expect(results[0]!.errors!.map((e) => e.message).join(' ')).toMatch(/invisible/);
    expect(results[2]!.errors!.some((e) => e.path.startsWith('portalLinkIds'))).toBe(true);
    expect(await getStoredActivity(hub.database.db, good.id as string)).toBeDefined();
    for (const r of [badTag, badSite, badTitle]) expect(await getStoredActivity(hub.database.db, r.id as string)).toBeUndefined();
  });

  it('refuses a structure tag whose id holds a control character, so no record can carry it', async () => {
    const res = await hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/structures/${structure.id}`, headers: admin.headers, payload: { tags: [{ id: 'caf\u0007', label: 'Permanence CAF' }] } });
    expect(res.statusCode).toBe(400);
    expect(problemOf(res).errors!.some((e) => e.path.startsWith('tags'))).toBe(true);
    const ok = await hub.app.inject({ method: 'PATCH', url: `/api/v1/admin/structures/${structure.id}`, headers: admin.headers, payload: { tags: [{ id: 'caf', label: 'Permanence CAF' }] } });
    expect(ok.statusCode).toBe(200);
  });

  it('imports a CSV row whose cells carry NUL bytes, without them', async () => {
    const row = aPlace({ nom: 'Espace\u0000 numérique\u0001 de la gare', adresse: '1 rue\u0000 du Port' });
    const report = await importText(hub, csvOf([row]));
    expect(report).toMatchObject({ imported: 1, rejected: [] });
    expect(await bySourceId(hub, row.id!)).toMatchObject({ nom: 'Espace numérique de la gare', adresse: '1 rue du Port' });
  });

  it('never answers a 5xx to any text in a structure name, a search or an enrolment label', async () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 30 });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (name, label) => {
        const created = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/structures', headers: admin.headers, payload: { name, departements: ['13'] } });
        expect(created.statusCode).toBeLessThan(500);
        const search = await hub.app.inject({ method: 'GET', url: `/api/v1/admin/venues?q=${encodeURIComponent(name)}`, headers: admin.headers });
        expect(search.statusCode).toBeLessThan(500);
        const enrol = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: { code: 'ABCD2345', deviceLabel: label }, remoteAddress: `10.6.${Math.floor(++n / 250)}.${n % 250}` });
        expect(enrol.statusCode).toBeLessThan(500);
        for (const res of [created, search, enrol]) if (res.statusCode === 400) expect(problemOf(res).errors?.length ?? 1).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a value PostgreSQL itself refuses', () => {
  it('becomes a plain 400 naming the text or the value, not a 500', async () => {
    const database = await createTestDatabase('postgres', { migrate: false });
    const app = Fastify({ logger: false });
    installProblemHandler(app);
    // Real PostgreSQL errors, as a route whose own checks missed the value would meet them.
    app.get('/text', async () => (await sql`select ${'a\u0000b'}::text as t`.execute(database.db)).rows);
    app.get('/number', async () => (await sql`select ${'99999999999'}::integer as n`.execute(database.db)).rows);
    app.get('/bug', async () => (await sql`select * from no_such_table`.execute(database.db)).rows);
    try {
      const text = await app.inject({ url: '/text' });
      expect(text.statusCode).toBe(400);
      expect(problemOf(text).errors).toEqual([expect.objectContaining({ path: '(texte)' })]);
      const number = await app.inject({ url: '/number' });
      expect(number.statusCode).toBe(400);
      expect(problemOf(number).errors).toEqual([expect.objectContaining({ path: '(valeur)' })]);
      // Anything else stays a server error: only the "data exception" class is the input's fault.
      expect((await app.inject({ url: '/bug' })).statusCode).toBe(500);
    } finally {
      await app.close();
      await database.destroy();
    }
  });
});
