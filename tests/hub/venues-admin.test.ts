import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import { aPlace, csvOf, givenTablet, type Tablet } from './venues-helpers.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { importVenues } from '../../src/hub/repositories/venue-import.ts';
import { Readable } from 'node:stream';
import {
  VENUE_FIELD_MAX,
  VENUE_HISTORY_MAX,
  VENUE_OFFSET_MAX,
  VENUE_PAGE_MAX,
  VENUE_SEARCH_MAX,
  VenueHistorySchema,
  VenueListSchema,
  VenueReportListSchema,
  type VenueChange,
} from '../../src/shared/admin-api/venues.ts';

// The places screen's API (issue 16) and corrections validated like an import row (issue 12):
// search and pages, edits checked by the import's validator, history of every write path,
// territory on every write.

const HOURS = 'n importe quoi 99:99';

describe.each(DIALECTS)('places management on %s', (dialect) => {
  let hub: TestHub;
  let mine: Structure;
  let coord: StaffSession;
  let coordEmail: string;
  let outsider: StaffSession;
  let tablet: Tablet;

  const inject = (s: StaffSession, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    hub.app.inject({ method, url, headers: s.headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const importCsv = (s: StaffSession, rows: Record<string, string>[]) =>
    hub.app.inject({ method: 'POST', url: `/api/v1/admin/venues/import?structureId=${mine.id}&source=tests`, headers: { ...s.headers, 'content-type': 'text/csv' }, payload: csvOf(rows) });
  const history = async (id: string, s = coord): Promise<VenueChange[]> => {
    const res = await inject(s, 'GET', `/api/v1/admin/venues/${encodeURIComponent(id)}/history`);
    expect(res.statusCode).toBe(200);
    return VenueHistorySchema.parse(res.json()).changes;
  };
  const hubId = (sourceId: string) => `tests:${sourceId}`;

  beforeAll(async () => {
    hub = await givenHub(dialect);
    mine = await givenStructure(hub, 'Centre social du port', ['13']);
    const other = await givenStructure(hub, 'Médiathèque de Nice', ['06']);
    coord = await givenStaff(hub, 'coordinator', [mine.id]);
    coordEmail = (await inject(coord, 'GET', '/api/v1/auth/me')).json().email;
    outsider = await givenStaff(hub, 'coordinator', [other.id]);
    tablet = await givenTablet(hub, mine);
    // The territory's places (13) and one outside it (06).
    const rows = Array.from({ length: 25 }, (_, n) => aPlace({ id: `p${String(n).padStart(2, '0')}`, nom: `Lieu numérique ${String(n).padStart(2, '0')}`, code_postal: '13002' }));
    expect((await importCsv(coord, rows)).json().imported).toBe(25);
    await importVenues(hub.database.db, Readable.from([csvOf([aPlace({ id: 'nice', nom: 'Lieu de Nice', commune: 'Nice', code_postal: '06000' })])]), { source: 'tests' });
  });
  afterAll(async () => hub?.close());

  it('lists the territory by pages with their source and total, and searches by name, commune or postcode', async () => {
    const page = VenueListSchema.parse((await inject(coord, 'GET', '/api/v1/admin/venues?limit=10&offset=20')).json());
    expect(page.total).toBe(25);
    expect(page.venues.map((v) => v.id)).toEqual(['p20', 'p21', 'p22', 'p23', 'p24'].map(hubId));
    expect(page.venues[0]).toMatchObject({ source: 'tests', commune: 'Marseille', code_postal: '13002' });
    const found = VenueListSchema.parse((await inject(coord, 'GET', `/api/v1/admin/venues?q=${encodeURIComponent('numerique 07')}`)).json());
    expect(found.venues.map((v) => v.id)).toEqual([hubId('p07')]);
    expect(VenueListSchema.parse((await inject(coord, 'GET', '/api/v1/admin/venues?q=13002&limit=1')).json()).total).toBe(25);
    // The place of Nice is not in the territory of the 13.
    expect(VenueListSchema.parse((await inject(coord, 'GET', '/api/v1/admin/venues?q=nice')).json()).total).toBe(0);
  });

  it('bounds the search, the page, the offset, the history and each edited field', async () => {
    const status = async (url: string) => (await inject(coord, 'GET', url)).statusCode;
    expect(await status(`/api/v1/admin/venues?q=${'a'.repeat(VENUE_SEARCH_MAX)}`)).toBe(200);
    expect(await status(`/api/v1/admin/venues?q=${'a'.repeat(VENUE_SEARCH_MAX + 1)}`)).toBe(400);
    expect(await status(`/api/v1/admin/venues?limit=${VENUE_PAGE_MAX}`)).toBe(200);
    expect(await status(`/api/v1/admin/venues?limit=${VENUE_PAGE_MAX + 1}`)).toBe(400);
    expect(await status('/api/v1/admin/venues?limit=0')).toBe(400);
    expect(await status(`/api/v1/admin/venues?offset=${VENUE_OFFSET_MAX}`)).toBe(200);
    expect(await status(`/api/v1/admin/venues?offset=${VENUE_OFFSET_MAX + 1}`)).toBe(400);
    expect(await status('/api/v1/admin/venues?offset=-1')).toBe(400);
    expect(await status(`/api/v1/admin/venues/${hubId('p00')}/history?limit=${VENUE_HISTORY_MAX}`)).toBe(200);
    expect(await status(`/api/v1/admin/venues/${hubId('p00')}/history?limit=${VENUE_HISTORY_MAX + 1}`)).toBe(400);
    const atMax = await inject(coord, 'POST', `/api/v1/admin/venues/${hubId('p00')}/check`, { presentation_detail: 'x'.repeat(VENUE_FIELD_MAX) });
    expect(atMax.json()).toEqual({ errors: [], warnings: [] });
    expect((await inject(coord, 'POST', `/api/v1/admin/venues/${hubId('p00')}/check`, { presentation_detail: 'x'.repeat(VENUE_FIELD_MAX + 1) })).statusCode).toBe(400);
  });

  it('checks an edit like an import row: errors name their field, warnings wait for confirmation', async () => {
    const id = hubId('p01');
    const url = `/api/v1/admin/venues/${id}`;
    const before = (await inject(coord, 'GET', url)).json();
    const check = await inject(coord, 'POST', `${url}/check`, { horaires: HOURS, courriels: 'pas-une-adresse' });
    expect(check.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['courriels', 'horaires']);
    expect(check.json().errors.find((e: { path: string }) => e.path === 'horaires').message).toContain(HOURS);
    const refused = await inject(coord, 'PATCH', url, { horaires: HOURS });
    expect(refused.statusCode).toBe(400);
    expect(problemOf(refused).errors?.map((e) => e.path)).toEqual(['horaires']);
    const long = 'Un lieu ouvert à tous. '.repeat(14);
    const warned = await inject(coord, 'PATCH', url, { presentation_resume: long });
    expect(warned.statusCode).toBe(409);
    expect(problemOf(warned).errors?.map((e) => e.path)).toEqual(['presentation_resume']);
    expect((await inject(coord, 'GET', url)).json()).toEqual(before);
    const confirmed = await inject(coord, 'PATCH', `${url}?confirm=1`, { presentation_resume: long, nom: 'Lieu numérique du quai' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().warnings.map((w: { path: string }) => w.path)).toEqual(['presentation_resume']);
    expect(confirmed.json().venue).toMatchObject({ nom: 'Lieu numérique du quai', presentation_resume: long.trim() });
    // Neither the check nor the refused writes left a trace; the confirmed one did.
    expect((await history(id)).map((c) => c.action)).toEqual(['edit', 'import']);
  });

  it('writes the history of every write path, with who and the fields before → after', async () => {
    const sourceId = 'hist';
    const id = hubId(sourceId);
    expect((await importCsv(coord, [aPlace({ id: sourceId, nom: 'Maison France services' })])).json().imported).toBe(1);
    let h = await history(id);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ action: 'import', userEmail: coordEmail, venueId: id });
    expect(h[0]!.changes).toContainEqual({ field: 'nom', before: '', after: 'Maison France services' });

    expect((await importCsv(coord, [aPlace({ id: sourceId, nom: 'Maison France services du port' })])).json().updated).toBe(1);
    expect((await importCsv(coord, [aPlace({ id: sourceId, nom: 'Maison France services du port' })])).json().unchanged).toBe(1);
    h = await history(id);
    expect(h.map((c) => c.action)).toEqual(['import', 'import']);
    expect(h[0]!.changes).toEqual([{ field: 'nom', before: 'Maison France services', after: 'Maison France services du port' }]);

    const edited = await inject(coord, 'PATCH', `/api/v1/admin/venues/${id}`, { telephone: '04 91 00 00 00' });
    expect(edited.statusCode).toBe(200);
    h = await history(id);
    expect(h[0]).toMatchObject({ action: 'edit', userEmail: coordEmail, changes: [{ field: 'telephone', before: '', after: '+33491000000' }] });

    const reportId = randomUUID();
    const sent = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: tablet.auth, payload: { id: reportId, venueId: id, field: 'horaires', proposed: 'Mo-Fr 09:00-17:00' } });
    expect(sent.statusCode).toBe(201);
    expect((await inject(coord, 'POST', `/api/v1/admin/venue-reports/${reportId}/apply`)).statusCode).toBe(200);
    h = await history(id);
    expect(h[0]).toMatchObject({ action: 'report-apply', userEmail: coordEmail, changes: [{ field: 'horaires', before: '', after: 'Mo-Fr 09:00-17:00' }] });

    expect((await inject(coord, 'DELETE', `/api/v1/admin/venues/${id}`)).statusCode).toBe(204);
    h = await history(id);
    expect(h.map((c) => c.action)).toEqual(['delete', 'report-apply', 'edit', 'import', 'import']);
    expect(h[0]!.changes).toContainEqual({ field: 'nom', before: 'Maison France services du port', after: '' });
    // The history of a deleted place stays readable in its territory, and only there.
    expect((await inject(outsider, 'GET', `/api/v1/admin/venues/${id}/history`)).statusCode).toBe(404);
  });

  it('records an import from the command line without a user, and nothing for unchanged rows', async () => {
    const csv = csvOf([aPlace({ id: 'cli', nom: 'Lieu importé en ligne de commande' })]);
    const actor = { action: 'import', userId: null, userEmail: null } as const;
    expect((await importVenues(hub.database.db, Readable.from([csv]), { source: 'tests', actor })).imported).toBe(1);
    expect((await importVenues(hub.database.db, Readable.from([csv]), { source: 'tests', actor })).unchanged).toBe(1);
    const h = await history(hubId('cli'));
    expect(h).toEqual([expect.objectContaining({ action: 'import', userId: null, userEmail: null })]);
  });

  it('refuses every write on a place outside the territory, and moving a place out of it', async () => {
    const nice = hubId('nice');
    expect((await inject(coord, 'GET', `/api/v1/admin/venues/${nice}`)).statusCode).toBe(404);
    expect((await inject(coord, 'PATCH', `/api/v1/admin/venues/${nice}`, { nom: 'Pris' })).statusCode).toBe(404);
    expect((await inject(coord, 'POST', `/api/v1/admin/venues/${nice}/check`, { nom: 'Pris' })).statusCode).toBe(404);
    expect((await inject(coord, 'DELETE', `/api/v1/admin/venues/${nice}`)).statusCode).toBe(404);
    expect((await inject(coord, 'GET', `/api/v1/admin/venues/${nice}/history`)).statusCode).toBe(404);
    expect((await inject(outsider, 'PATCH', `/api/v1/admin/venues/${hubId('p02')}`, { nom: 'Pris' })).statusCode).toBe(404);
    expect((await inject(outsider, 'DELETE', `/api/v1/admin/venues/${hubId('p02')}`)).statusCode).toBe(404);
    const away = await inject(coord, 'PATCH', `/api/v1/admin/venues/${hubId('p02')}`, { code_postal: '84000', commune: 'Avignon', code_insee: '' });
    expect(problemOf(away).title).toBe('Hors territoire');
    expect(problemOf(away).errors?.map((e) => e.path)).toEqual(['code_postal']);
    // A report moving a place of the territory out of it is refused on apply too.
    const moveOut = randomUUID();
    await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: tablet.auth, payload: { id: moveOut, venueId: hubId('p03'), field: 'code_postal', proposed: '06000' } });
    const refused = await inject(coord, 'POST', `/api/v1/admin/venue-reports/${moveOut}/apply`, { confirm: true });
    expect(problemOf(refused).title).toBe('Hors territoire');
    // The outsider can neither see nor apply it.
    expect((await inject(outsider, 'POST', `/api/v1/admin/venue-reports/${moveOut}/apply`, { confirm: true })).statusCode).toBe(404);
    expect((await inject(outsider, 'POST', `/api/v1/admin/venue-reports/${moveOut}/dismiss`)).statusCode).toBe(404);
    for (const id of ['p02', 'p03']) expect((await history(hubId(id))).map((c) => c.action)).toEqual(['import']);
  });

  it('shows a correction as current → proposed, refuses unreadable hours, and applies a warned one only once confirmed', async () => {
    const id = hubId('p04');
    const hours = randomUUID();
    const long = randomUUID();
    const resume = 'Accueil sans rendez-vous, ateliers collectifs et aide aux démarches. '.repeat(5).trim();
    await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: tablet.auth, payload: { id: hours, venueId: id, field: 'horaires', proposed: HOURS } });
    await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: tablet.auth, payload: { id: long, venueId: id, field: 'nom', proposed: 'Lieu numérique 04 bis' } });
    await inject(coord, 'PATCH', `/api/v1/admin/venues/${id}`, { horaires: 'Mo-Fr 09:00-12:00' });
    const other = randomUUID();
    await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: tablet.auth, payload: { id: other, venueId: id, field: 'presentation_resume', proposed: resume } });

    const list = VenueReportListSchema.parse((await inject(coord, 'GET', '/api/v1/admin/venue-reports')).json()).reports;
    const byId = new Map(list.map((r) => [r.id, r]));
    expect(byId.get(hours)).toMatchObject({ field: 'horaires', current: 'Mo-Fr 09:00-12:00', proposed: HOURS });
    expect(byId.get(hours)!.check!.errors.map((e) => e.path)).toEqual(['horaires']);
    expect(byId.get(long)).toMatchObject({ current: 'Lieu numérique 04', proposed: 'Lieu numérique 04 bis', check: { errors: [], warnings: [] } });
    expect(byId.get(other)!.check).toEqual({ errors: [], warnings: [expect.objectContaining({ path: 'presentation_resume' })] });

    const badHours = await inject(coord, 'POST', `/api/v1/admin/venue-reports/${hours}/apply`, { confirm: true });
    expect(badHours.statusCode).toBe(400);
    expect(problemOf(badHours).errors).toEqual([expect.objectContaining({ path: 'horaires', message: expect.stringContaining(HOURS) })]);
    expect((await inject(coord, 'GET', `/api/v1/admin/venues/${id}`)).json().horaires).toBe('Mo-Fr 09:00-12:00');

    const unconfirmed = await inject(coord, 'POST', `/api/v1/admin/venue-reports/${other}/apply`);
    expect(unconfirmed.statusCode).toBe(409);
    expect(problemOf(unconfirmed).errors?.map((e) => e.path)).toEqual(['presentation_resume']);
    expect((await inject(coord, 'GET', `/api/v1/admin/venues/${id}`)).json().presentation_resume).toBeUndefined();
    const applied = await inject(coord, 'POST', `/api/v1/admin/venue-reports/${other}/apply`, { confirm: true });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().venue.presentation_resume).toBe(resume);
    expect(applied.json().warnings.map((w: { path: string }) => w.path)).toEqual(['presentation_resume']);
    const pending = VenueReportListSchema.parse((await inject(coord, 'GET', '/api/v1/admin/venue-reports')).json()).reports.map((r) => r.id);
    expect(pending).toContain(hours);
    expect(pending).not.toContain(other);
  });
});
