import { randomUUID } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type TestHub } from '../helpers/hub.ts';
import { getVenuesByIds, iterateVenues, searchVenues, writeVenues } from '../../src/hub/repositories/venues.ts';
import { normaliseVenueRow } from '../../src/shared/venues/normalise.ts';
import { inseeOf } from '../../src/hub/repositories/venue-communes.ts';
import type { Venue } from '../../src/shared/venues/schema.ts';
import { VENUE_COLUMNS } from '../../src/shared/venues/fields.ts';
import { aPlace, givenTablet, importText, pull, pullAll, type Tablet } from './venues-helpers.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';

function place(id: string, cp = '13001', extra: Record<string, string> = {}): Venue {
  const r = normaliseVenueRow(aPlace({ id, code_postal: cp, nom: `Lieu ${id}`, ...extra }), { inseeOf });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.venue;
}

describe.each(DIALECTS)('venue sync on %s', (dialect) => {
  let hub: TestHub;
  let structure: Structure;
  let tablet: Tablet;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    structure = await givenStructure(hub, 'Centre social des Bouches-du-Rhône', ['13', '2A']);
    tablet = await givenTablet(hub, structure);
  });
  afterAll(async () => hub?.close());

  it('sends the territory page by page, and nothing outside it', async () => {
    const inside = Array.from({ length: 120 }, (_, i) => place(`in-${i}`));
    await writeVenues(hub.database.db, [...inside, place('corse-1', '20000'), place('var-1', '83000'), place('var-2', '83000')]);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await pull(hub, tablet, cursor, 50);
      seen.push(...page.venues.map((v) => v.id));
      cursor = page.cursor;
      pages++;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(121);
    expect(seen).toContain('corse-1');
    expect(seen).not.toContain('var-1');
    const after = await pull(hub, tablet, cursor);
    expect(after).toMatchObject({ venues: [], deleted: [], hasMore: false });
  });

  it('compresses a page for a device that accepts it, to a fraction of its size', async () => {
    const url = '/api/v1/sync/venues?limit=200';
    const plain = await hub.app.inject({ method: 'GET', url, headers: tablet.auth });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().venues.length).toBeGreaterThan(100);
    const br = await hub.app.inject({ method: 'GET', url, headers: { ...tablet.auth, 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('application/json');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    const gz = await hub.app.inject({ method: 'GET', url, headers: { ...tablet.auth, 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('caps limit at 5000, defaults to 1000, and refuses a cursor it did not issue', async () => {
    const first = await pull(hub, tablet, undefined, 100000);
    expect(first.hasMore).toBe(false);
    const bad = await hub.app.inject({ method: 'GET', url: '/api/v1/sync/venues?since=hello', headers: tablet.auth });
    expect(problemOf(bad).errors?.[0]?.path).toBe('since');
    const badLimit = await hub.app.inject({ method: 'GET', url: '/api/v1/sync/venues?limit=-3', headers: tablet.auth });
    expect(badLimit.statusCode).toBe(400);
    const noToken = await hub.app.inject({ method: 'GET', url: '/api/v1/sync/venues' });
    expect(noToken.statusCode).toBe(401);
  });

  it('sends changes and deletions on the next pull', async () => {
    const store = new Map<string, Venue>();
    const cursor = await pullAll(hub, tablet, store);
    await writeVenues(hub.database.db, [place('in-1', '13001', { nom: 'Lieu renommé' })]);
    const admin = await givenStaff(hub, 'admin');
    const del = await hub.app.inject({ method: 'DELETE', url: '/api/v1/admin/venues/in-2', headers: admin.headers });
    expect(del.statusCode).toBe(204);
    // A place that moves out of the territory is a deletion for this device.
    await writeVenues(hub.database.db, [place('in-3', '83000')]);
    const page = await pull(hub, tablet, cursor);
    expect(page.venues.map((v) => [v.id, v.nom])).toEqual([['in-1', 'Lieu renommé']]);
    expect(page.deleted.sort()).toEqual(['in-2', 'in-3']);
  });

  it('never skips nor repeats a row when imports commit while a device pages through', async () => {
    const db = hub.database.db;
    const store = new Map<string, Venue>();
    const received: string[] = [];
    let cursor: string | undefined;
    let writing = true;
    // Several writers at once (PostgreSQL runs them on separate connections), small transactions.
    const writers = Promise.all(
      [0, 1, 2, 3].map(async (w) => {
        for (let b = 0; b < 15; b++) {
          const batch = Array.from({ length: 7 }, (_, i) => place(`c-${w}-${b}-${i}`));
          if (b > 0) batch.push(place(`c-${w}-${b - 1}-0`, '13001', { nom: `v${b}` }));
          await writeVenues(db, batch);
        }
      }),
    ).finally(() => (writing = false));
    while (writing) {
      const page = await pull(hub, tablet, cursor, 13);
      for (const v of page.venues) {
        received.push(`${v.id}@${v.nom}`);
        store.set(v.id, v);
      }
      for (const id of page.deleted) store.delete(id);
      cursor = page.cursor;
    }
    await writers;
    cursor = await pullAll(hub, tablet, store, cursor, 13);
    const onHub = new Map<string, Venue>();
    for await (const v of iterateVenues(db, { departements: structure.departements })) onHub.set(v.id, v);
    expect([...store.keys()].sort()).toEqual([...onHub.keys()].sort());
    for (const [id, v] of onHub) expect(store.get(id)?.nom, id).toBe(v.nom);
    // The same version of a place is never sent twice.
    expect(new Set(received).size).toBe(received.length);
  });

  it('restarts from the beginning when the structure territory changes', async () => {
    const s = await givenStructure(hub, 'Petit territoire', ['2A']);
    const t = await givenTablet(hub, s);
    const first = await pull(hub, t);
    expect(first.venues.map((v) => v.id)).toEqual(['corse-1']);
    expect(first.restart).toBe('start');
    const same = await pull(hub, t, first.cursor);
    expect(same.restart).toBeUndefined();
    await hub.database.db.updateTable('structures').set({ departements: JSON.stringify(['2A', '83']) }).where('id', '=', s.id).execute();
    const next = await pull(hub, t, first.cursor);
    expect(next.venues.map((v) => v.id).sort()).toEqual(['corse-1', 'in-3', 'var-1', 'var-2']);
    // The hub says it restarted, so the device replaces its places instead of adding to them.
    expect(next.restart).toBe('territory');
    expect((await pull(hub, t, next.cursor)).restart).toBeUndefined();
  });

  it('stores a field report once per client id and lets a coordinator apply or dismiss it', async () => {
    const id = randomUUID();
    const body = { id, venueId: 'in-5', field: 'telephone', proposed: '04 91 22 33 44', comment: 'Numéro affiché sur la porte' };
    const first = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: tablet.auth, payload: body });
    expect(first.statusCode).toBe(201);
    const retry = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: tablet.auth, payload: body });
    expect(retry.statusCode).toBe(200);
    const bad = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: tablet.auth, payload: { venueId: 'in-5', field: 'couleur', proposed: 'x' } });
    expect(problemOf(bad).errors?.map((e) => e.path)).toEqual(['field']);
    const unknown = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: tablet.auth, payload: { venueId: 'nope', field: 'nom', proposed: 'x' } });
    expect(problemOf(unknown).errors?.[0]?.path).toBe('venueId');

    const other = await givenStructure(hub, 'Ailleurs', ['84']);
    const outsider = await givenStaff(hub, 'coordinator', [other.id]);
    const hidden = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/venue-reports', headers: outsider.headers });
    expect(hidden.json()).toEqual({ reports: [] });
    expect((await hub.app.inject({ method: 'POST', url: `/api/v1/admin/venue-reports/${id}/apply`, headers: outsider.headers })).statusCode).toBe(404);

    const coord = await givenStaff(hub, 'coordinator', [structure.id]);
    const list = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/venue-reports', headers: coord.headers });
    expect(list.json().reports).toEqual([expect.objectContaining({ id, venueName: 'Lieu in-5', field: 'telephone', status: 'pending' })]);
    const store = new Map<string, Venue>();
    const cursor = await pullAll(hub, tablet, store);
    const applied = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/venue-reports/${id}/apply`, headers: coord.headers });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().venue.telephone).toBe('+33491223344');
    const page = await pull(hub, tablet, cursor);
    expect(page.venues.map((v) => [v.id, v.telephone])).toEqual([['in-5', '+33491223344']]);
    const twice = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/venue-reports/${id}/apply`, headers: coord.headers });
    expect(twice.statusCode).toBe(409);

    const badValue = randomUUID();
    await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: tablet.auth, payload: { id: badValue, venueId: 'in-6', field: 'code_postal', proposed: 'treize' } });
    const refused = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/venue-reports/${badValue}/apply`, headers: coord.headers });
    expect(problemOf(refused).errors?.[0]?.path).toBe('code_postal');
    const dismissed = await hub.app.inject({ method: 'POST', url: `/api/v1/admin/venue-reports/${badValue}/dismiss`, headers: coord.headers });
    expect(dismissed.json().report.status).toBe('dismissed');
  });

  it('exports the national standard, which re-imports as unchanged', async () => {
    const admin = await givenStaff(hub, 'admin');
    const res = await hub.app.inject({ method: 'GET', url: `/api/v1/admin/venues/export.csv?structureId=${structure.id}`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header] = res.body.split('\r\n');
    expect(header).toBe(VENUE_COLUMNS.join(','));
    const report = await importText(hub, res.body);
    expect(report.rejected).toEqual([]);
    expect(report.imported + report.updated).toBe(0);
    expect(report.unchanged).toBe(res.body.trim().split('\r\n').length - 1);
  });

  it('names places by id and searches them with accents folded (for other features)', async () => {
    await writeVenues(hub.database.db, [place('eglise', '13001', { nom: 'Maison de l’Église Saint-Éloi', commune: 'Marseille' })]);
    expect(await getVenuesByIds(hub.database.db, ['eglise', 'nope'])).toEqual([{ id: 'eglise', nom: "Maison de l'Église Saint-Éloi", commune: 'Marseille', code_insee: expect.any(String) }]);
    const found = await searchVenues(hub.database.db, { q: 'eglise eloi', departements: ['13'] });
    expect(found.map((v) => v.id)).toEqual(['eglise']);
    expect(await searchVenues(hub.database.db, { q: 'eglise', departements: ['84'] })).toEqual([]);
    const coord = await givenStaff(hub, 'coordinator', [structure.id]);
    const res = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/venues?q=%C3%A9glise', headers: coord.headers });
    expect(res.json().venues.map((v: { id: string }) => v.id)).toEqual(['eglise']);
  });

  it('lets a coordinator correct a place of their territory, which devices then pull', async () => {
    const coord = await givenStaff(hub, 'coordinator', [structure.id]);
    const store = new Map<string, Venue>();
    const cursor = await pullAll(hub, tablet, store);
    const ok = await hub.app.inject({ method: 'PATCH', url: '/api/v1/admin/venues/in-7', headers: coord.headers, payload: { horaires: 'Mo-Fr 09:00-12:00', services: 'Aide aux démarches administratives|Loisirs et créations numériques' } });
    expect(ok.statusCode).toBe(200);
    const page = await pull(hub, tablet, cursor);
    expect(page.venues.map((v) => [v.id, v.horaires, v.services.length])).toEqual([['in-7', 'Mo-Fr 09:00-12:00', 2]]);
    const bad = await hub.app.inject({ method: 'PATCH', url: '/api/v1/admin/venues/in-7', headers: coord.headers, payload: { code_postal: 'treize', couleur: 'bleu' } });
    expect(problemOf(bad).errors?.map((e) => e.path)).toEqual(['couleur']);
    const invalid = await hub.app.inject({ method: 'PATCH', url: '/api/v1/admin/venues/in-7', headers: coord.headers, payload: { code_postal: 'treize' } });
    expect(problemOf(invalid).errors?.[0]?.path).toBe('code_postal');
    const away = await hub.app.inject({ method: 'PATCH', url: '/api/v1/admin/venues/in-7', headers: coord.headers, payload: { code_postal: '84000', commune: 'Avignon', code_insee: '' } });
    expect(problemOf(away).title).toBe('Hors territoire');
    const outsider = await givenStaff(hub, 'coordinator', [(await givenStructure(hub, 'Loin', ['59'])).id]);
    expect((await hub.app.inject({ method: 'PATCH', url: '/api/v1/admin/venues/in-7', headers: outsider.headers, payload: { nom: 'x' } })).statusCode).toBe(404);
  });
});
