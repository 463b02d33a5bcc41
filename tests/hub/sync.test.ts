import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceSettingsSchema } from '../../src/shared/protocol/settings.ts';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type TestHub } from '../helpers/hub.ts';
import { countStoredActivities, getStoredActivity } from '../../src/hub/repositories/activities.ts';
import { getDevice } from '../../src/hub/repositories/devices.ts';
import { updateStructure, type Structure } from '../../src/hub/repositories/structures.ts';
import { writeVenues } from '../../src/hub/repositories/venues.ts';
import type { Venue } from '../../src/shared/venues/schema.ts';
import { anActivity, givenEnrolledDevice, push, pushResults, type EnrolledDevice } from './sync-helpers.ts';

describe.each(DIALECTS)('activity push on %s', (dialect) => {
  let hub: TestHub;
  let structure: Structure;
  let device: EnrolledDevice;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    structure = await givenStructure(hub);
    device = await givenEnrolledDevice(hub, structure);
  });
  afterAll(async () => hub?.close());

  it('creates new records, then answers a retry as unchanged without storing twice', async () => {
    const a = anActivity();
    const b = anActivity({ type: 'collectif', autonomy: undefined, workshop: { title: 'Découvrir la tablette', level: 'debutant' }, beneficiaries: { total: 8, alreadyAccompanied: 2, genre: {}, ageBand: {}, status: {} } });
    expect(await pushResults(hub, device, [a, b])).toEqual([
      { id: a.id, status: 'created', revision: 1 },
      { id: b.id, status: 'created', revision: 1 },
    ]);
    const before = await countStoredActivities(hub.database.db, structure.id);
    expect(await pushResults(hub, device, [a, b])).toEqual([
      { id: a.id, status: 'unchanged', revision: 1 },
      { id: b.id, status: 'unchanged', revision: 1 },
    ]);
    expect(await countStoredActivities(hub.database.db, structure.id)).toBe(before);
    const stored = await getStoredActivity(hub.database.db, a.id as string);
    expect(stored).toMatchObject({ structureId: structure.id, revision: 1, deleted: false });
    expect(stored?.record).toMatchObject({ themes: ['email'], date: '2026-11-20' });
  });

  it('treats the same content with keys in another order as the same record', async () => {
    const a = anActivity({ beneficiaries: { total: 1, alreadyAccompanied: 0, genre: { feminin: 1 }, ageBand: { 'vingt_cinq_trente_neuf': 1 }, status: {} } });
    await pushResults(hub, device, [a]);
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    expect((await pushResults(hub, device, [reordered]))[0]).toMatchObject({ status: 'unchanged' });
  });

  it('replaces a record with a higher revision and flags a different content at the same or a lower revision', async () => {
    const a = anActivity();
    await pushResults(hub, device, [a]);
    const edited = { ...a, revision: 2, durationMin: 45 };
    expect((await pushResults(hub, device, [edited]))[0]).toEqual({ id: a.id, status: 'updated', revision: 2 });
    expect((await getStoredActivity(hub.database.db, a.id as string))?.record).toMatchObject({ durationMin: 45 });

    const sameRevisionOther = { ...a, revision: 2, durationMin: 60 };
    const [conflict] = await pushResults(hub, device, [sameRevisionOther]);
    expect(conflict).toMatchObject({ id: a.id, status: 'conflict', revision: 2 });
    expect(conflict!.errors?.[0]?.path).toBe('revision');
    expect((await pushResults(hub, device, [{ ...a, revision: 1, durationMin: 90 }]))[0]).toMatchObject({ status: 'conflict' });
    // A late retry of the older revision is not a conflict.
    expect((await pushResults(hub, device, [{ ...a, revision: 1, durationMin: 45 }]))[0]).toMatchObject({ status: 'unchanged' });
    expect((await getStoredActivity(hub.database.db, a.id as string))?.record).toMatchObject({ durationMin: 45, revision: 2 });
  });

  it('processes twice the same id in one batch in order', async () => {
    const a = anActivity();
    const edited = { ...a, revision: 2, durationMin: 15 };
    const results = await pushResults(hub, device, [a, edited, edited, a]);
    expect(results.map((r) => r.status)).toEqual(['created', 'updated', 'unchanged', 'conflict']);
    expect((await getStoredActivity(hub.database.db, a.id as string))?.revision).toBe(2);
  });

  it('rejects invalid records with their fields named and stores the valid ones of the batch', async () => {
    const good = anActivity();
    const withNote = anActivity({ notes: 'Mme Dupont, 3 rue des Lilas' });
    const noTheme = anActivity({ themes: [] });
    const withTime = anActivity({ date: '2026-11-20T14:32:00Z' });
    const results = await pushResults(hub, device, [withNote, good, noTheme, withTime, 42]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'created', 'rejected', 'rejected', 'rejected']);
    expect(results[0]!.id).toBe(withNote.id);
    expect(results[0]!.errors?.length).toBeGreaterThan(0);
    expect(results[2]!.errors?.map((e) => e.path)).toContain('themes');
    expect(results[3]!.errors?.map((e) => e.path)).toContain('date');
    for (const r of [withNote, noTheme, withTime]) expect(await getStoredActivity(hub.database.db, r.id as string)).toBeUndefined();
    expect(await getStoredActivity(hub.database.db, good.id as string)).toBeDefined();
  });

  it('keeps a tombstone for a deletion and answers its retry as unchanged', async () => {
    const a = anActivity();
    await pushResults(hub, device, [a]);
    expect((await pushResults(hub, device, [{ id: a.id, revision: 2, deleted: true }]))[0]).toEqual({ id: a.id, status: 'updated', revision: 2 });
    const tomb = await getStoredActivity(hub.database.db, a.id as string);
    expect(tomb).toMatchObject({ deleted: true, revision: 2, record: null });
    expect((await pushResults(hub, device, [{ id: a.id, revision: 2, deleted: true }]))[0]).toMatchObject({ status: 'unchanged' });
    // A deletion of a record the hub never saw is kept too.
    const b = anActivity();
    expect((await pushResults(hub, device, [{ id: b.id, revision: 1, deleted: true }]))[0]).toMatchObject({ status: 'created' });
    expect(await getStoredActivity(hub.database.db, b.id as string)).toMatchObject({ deleted: true });
    // A deletion with extra fields is refused.
    expect((await pushResults(hub, device, [{ id: b.id, revision: 3, deleted: true, notes: 'x' }]))[0]).toMatchObject({ status: 'rejected' });
  });

  it('answers conflict for an id that belongs to another structure, without touching it', async () => {
    const other = await givenStructure(hub, 'Autre structure', ['84']);
    const otherDevice = await givenEnrolledDevice(hub, other, { ip: '10.0.0.2' });
    const a = anActivity();
    await pushResults(hub, otherDevice, [a]);
    const [r] = await pushResults(hub, device, [{ ...a, revision: 5 }]);
    expect(r).toMatchObject({ status: 'conflict' });
    expect(r!.errors?.[0]?.path).toBe('id');
    expect(await getStoredActivity(hub.database.db, a.id as string)).toMatchObject({ structureId: other.id, revision: 1 });
  });

  it('takes structure, device and mediator from the token, never from the payload', async () => {
    const a = anActivity({ structureId: 'evil', deviceId: 'evil' });
    expect((await pushResults(hub, device, [a]))[0]).toMatchObject({ status: 'rejected' });
    const row = await hub.database.db.selectFrom('activities').selectAll().where('structure_id', '=', 'evil').execute();
    expect(row).toHaveLength(0);
  });

  it('keeps the device last sync time and the count of records received', async () => {
    const fresh = await givenEnrolledDevice(hub, structure, { ip: '10.0.0.3' });
    expect(await getDevice(hub.database.db, fresh.deviceId)).toMatchObject({ lastSyncAt: null, recordsReceived: 0 });
    const records = [anActivity(), anActivity(), anActivity()];
    await pushResults(hub, fresh, records);
    await pushResults(hub, fresh, records);
    const d = await getDevice(hub.database.db, fresh.deviceId);
    expect(d?.recordsReceived).toBe(3);
    expect(Date.parse(d!.lastSyncAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('stores each record once when the same batch arrives twice at the same time', async () => {
    const twin = await givenEnrolledDevice(hub, structure, { ip: '10.0.0.9' });
    const records = Array.from({ length: 50 }, () => anActivity());
    const [a, b] = await Promise.all([pushResults(hub, device, records), pushResults(hub, twin, records)]);
    for (let i = 0; i < records.length; i++) {
      expect([a[i]!.status, b[i]!.status].sort()).toEqual(['created', 'unchanged']);
    }
    const rows = await hub.database.db.selectFrom('activities').select('id').where('id', 'in', records.map((r) => r.id as string)).execute();
    expect(rows).toHaveLength(50);
  });

  it('stores a full batch of 500 in one request', async () => {
    const records = Array.from({ length: 500 }, () => anActivity());
    const results = await pushResults(hub, device, records);
    expect(results).toHaveLength(500);
    expect(results.every((r, i) => r.status === 'created' && r.id === records[i]!.id)).toBe(true);
  });

  describe('whole-request problems', () => {
    it('401 without a token, with an unknown one, and once revoked', async () => {
      const none = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/activities', payload: { records: [anActivity()] } });
      expect(none.statusCode).toBe(401);
      expect(problemOf(none).status).toBe(401);
      const bad = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/activities', headers: { authorization: 'Bearer nope' }, payload: { records: [anActivity()] } });
      expect(bad.statusCode).toBe(401);
      const victim = await givenEnrolledDevice(hub, structure, { ip: '10.0.0.4' });
      const admin = await givenStaff(hub, 'admin');
      const revoke = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${victim.deviceId}/revoke`, headers: admin.headers });
      expect(revoke.statusCode).toBe(200);
      const after = await push(hub, victim, [anActivity()]);
      expect(after.statusCode).toBe(401);
      expect(problemOf(after).detail).toMatch(/inscri/i);
    });

    it('400 for malformed JSON and wrong shapes, naming the field', async () => {
      const malformed = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/activities', headers: { ...device.auth, 'content-type': 'application/json' }, payload: '{"records": [' });
      expect(malformed.statusCode).toBe(400);
      problemOf(malformed);
      for (const body of [{}, { records: 'x' }, { records: [] }, { records: [anActivity()], extra: 1 }, [anActivity()]]) {
        const res = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/activities', headers: device.auth, payload: body as object });
        expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
        expect(problemOf(res).errors?.length).toBeGreaterThan(0);
      }
      const missing = problemOf(await hub.app.inject({ method: 'POST', url: '/api/v1/sync/activities', headers: device.auth, payload: {} }));
      expect(missing.errors?.map((e) => e.path)).toContain('records');
    });

    it('413 for more than 500 records or a body over 2 MB', async () => {
      const many = await push(hub, device, Array.from({ length: 501 }, () => anActivity()));
      expect(many.statusCode).toBe(413);
      expect(problemOf(many).errors?.[0]?.path).toBe('records');
      const huge = await push(hub, device, [anActivity({ padding: 'x'.repeat(2.1 * 1024 * 1024) })]);
      expect(huge.statusCode).toBe(413);
      problemOf(huge);
    });

    it('429 with Retry-After over the per-device rate limit', async () => {
      const busy = await givenEnrolledDevice(hub, structure, { ip: '10.0.0.5' });
      let last = await push(hub, busy, [anActivity()]);
      for (let i = 0; i < 130 && last.statusCode !== 429; i++) last = await push(hub, busy, [{}]);
      expect(last.statusCode).toBe(429);
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      expect(problemOf(last).status).toBe(429);
    });
  });

  describe('settings pull', () => {
    it('sends the structure settings with the communes of its départements, and 304 when unchanged', async () => {
      await updateStructure(hub.database.db, structure.id, {
        settings: { tags: [{ id: 'ccas', label: 'Orienté par le CCAS' }], kioskIdleSeconds: 90, kioskPinHash: 'ab'.repeat(32), languages: ['fr', 'ar'] },
      });
      const res = await hub.app.inject({ method: 'GET', url: '/api/v1/sync/settings', headers: { ...device.auth, 'x-kariole-pending': '7' } });
      expect(res.statusCode).toBe(200);
      const s = res.json();
      // sent pre-serialised with its ETag: the contract is checked here
      expect(DeviceSettingsSchema.safeParse(s).success).toBe(true);
      expect(s).toMatchObject({
        structure: { id: structure.id, name: structure.name },
        tags: [{ id: 'ccas', label: 'Orienté par le CCAS' }],
        kioskIdleSeconds: 90,
        kioskPinHash: 'ab'.repeat(32),
        languages: ['fr', 'ar'],
        placesOfActivity: [],
      });
      expect(s.communes.find((c: { insee: string }) => c.insee === '13001')).toMatchObject({ name: 'Aix-en-Provence', postcodes: expect.arrayContaining(['13090']) });
      expect(s.communes.every((c: { insee: string }) => c.insee.startsWith('13'))).toBe(true);
      expect((await getDevice(hub.database.db, device.deviceId))?.pendingCount).toBe(7);
      const again = await hub.app.inject({ method: 'GET', url: '/api/v1/sync/settings', headers: { ...device.auth, 'if-none-match': String(res.headers.etag) } });
      expect(again.statusCode).toBe(304);
      const noToken = await hub.app.inject({ method: 'GET', url: '/api/v1/sync/settings' });
      expect(noToken.statusCode).toBe(401);
    });

    it('names the places of activity from the directory', async () => {
      const list: never[] = [];
      const venue = {
        id: 'lieu-salon-1', pivot: '', nom: 'Espace France Services', commune: 'Salon-de-Provence', code_postal: '13300', code_insee: '13103',
        adresse: '1 place de la Mairie', typologie: list, courriels: list, site_web: list, itinerance: list, date_maj: '2026-01-10', services: list,
        publics_specifiquement_adresses: list, prise_en_charge_specifique: list, frais_a_charge: list, dispositif_programmes_nationaux: list,
        formations_labels: list, autres_formations_labels: list, modalites_acces: list, modalites_accompagnement: list, departement: '13',
      } as unknown as Venue;
      await writeVenues(hub.database.db, [venue]);
      await updateStructure(hub.database.db, structure.id, { settings: { placesOfActivity: ['lieu-salon-1', 'lieu-disparu'] } });
      const s = (await hub.app.inject({ method: 'GET', url: '/api/v1/sync/settings', headers: device.auth })).json();
      expect(s.placesOfActivity).toEqual([
        { venueId: 'lieu-salon-1', name: 'Espace France Services (Salon-de-Provence)', communeInsee: '13103' },
        { venueId: 'lieu-disparu', name: 'lieu-disparu' },
      ]);
    });
  });
});
