import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, problemOf, type StaffSession, type TestHub } from '../helpers/hub.ts';
import { randomToken, sha256 } from '../../src/hub/lib/crypto.ts';
import { createEnrolmentCode, enrolDevice } from '../../src/hub/repositories/devices.ts';
import { createStructure, getStructure, type Structure } from '../../src/hub/repositories/structures.ts';
import { getCurrentCatalogue, publishCatalogue } from '../../src/hub/repositories/portal.ts';
import { seedPortal } from '../../src/hub/seed/portal.ts';
import { DEFAULT_CATALOGUE } from '../../src/shared/portal/default-catalogue.ts';
import { kioskPinHash } from '../../src/shared/portal/pin.ts';
import { PortalCatalogueSchema, type PortalCatalogue, type PortalCustomisationInput } from '../../src/shared/portal/schema.ts';

/** A tablet enrolled in `structure`; returns its bearer headers. */
async function givenEnrolledTablet(hub: TestHub, structure: Structure): Promise<Record<string, string>> {
  const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id, mediatorLabel: null, ttlHours: 1 });
  const token = randomToken();
  const r = await enrolDevice(hub.database.db, { candidates: [code], tokenHash: sha256(token), deviceLabel: 'borne', now: new Date().toISOString() });
  if (!r.ok) throw new Error(`enrolment failed: ${r.reason}`);
  return { authorization: `Bearer ${token}` };
}

const townHall = {
  id: 'mairie',
  name: 'Mairie de Lille',
  url: 'https://www.lille.fr',
  category: 'local',
  pictogram: 'townhall',
  audience: 'public',
  description: 'Le site de la mairie.',
} as const;

describe.each(DIALECTS)('portal on %s', (dialect) => {
  let hub: TestHub;
  let lille: Structure;
  let other: Structure;
  let tablet: Record<string, string>;
  let coordinator: StaffSession;

  const pull = (headers: Record<string, string>) => hub.app.inject({ method: 'GET', url: '/api/v1/sync/portal', headers });
  const customise = (structureId: string, session: StaffSession, body: PortalCustomisationInput | unknown) =>
    hub.app.inject({ method: 'PUT', url: `/api/v1/admin/structures/${structureId}/portal`, headers: session.headers, payload: body as object });

  beforeAll(async () => {
    hub = await givenHub(dialect);
    lille = await givenStructure(hub, 'Centre social de Lille', ['59']);
    other = await givenStructure(hub, 'Centre social ailleurs', ['13']);
    tablet = await givenEnrolledTablet(hub, lille);
    coordinator = await givenStaff(hub, 'coordinator', [lille.id]);
  });
  afterAll(async () => hub?.close());

  it('gives a new device the national catalogue plus the préfecture of its territory', async () => {
    const res = await pull(tablet);
    expect(res.statusCode).toBe(200);
    const cat = res.json() as PortalCatalogue;
    // sent pre-serialised with its ETag: the contract is checked here
    expect(PortalCatalogueSchema.safeParse(cat).success).toBe(true);
    const ids = cat.links.map((l) => l.id);
    for (const id of ['caf', 'ameli', 'impots', 'ants', 'lassuranceretraite', 'aidants-connect']) expect(ids).toContain(id);
    expect(cat.links.find((l) => l.id === 'prefecture-59')).toMatchObject({ url: 'https://www.nord.gouv.fr', category: 'local' });
    expect(cat.categories.map((c) => c.id)).toContain('local');
    expect(cat.version.startsWith(DEFAULT_CATALOGUE.version)).toBe(true);
  });

  it('answers 304 to a device that already holds the catalogue, and 200 once the structure changes it', async () => {
    const first = await pull(tablet);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await pull({ ...tablet, 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    expect((await customise(lille.id, coordinator, { pinned: ['impots'] })).statusCode).toBe(200);
    const changed = await pull({ ...tablet, 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect((changed.json() as PortalCatalogue).links[0]!.id).toBe('impots');
  });

  it('merges the customisation: added entries, hidden ones gone, pinned first in pin order, then the chosen order', async () => {
    const res = await customise(lille.id, coordinator, {
      added: [townHall],
      hidden: ['critair', 'sante-fr'],
      pinned: ['caf', 'mairie'],
      order: ['ants', 'impots'],
    });
    expect(res.statusCode).toBe(200);
    const cat = (await pull(tablet)).json() as PortalCatalogue;
    const ids = cat.links.map((l) => l.id);
    expect(ids.slice(0, 4)).toEqual(['caf', 'mairie', 'ants', 'impots']);
    expect(cat.links.slice(0, 2).every((l) => l.pinned)).toBe(true);
    expect(cat.links[2]!.pinned).toBeUndefined();
    expect(ids).not.toContain('critair');
    expect(ids).not.toContain('sante-fr');
    expect(cat.links.map((l) => l.order)).toEqual(cat.links.map((_, i) => i));
    // the rest keeps the catalogue's order
    expect(ids.indexOf('ameli')).toBeLessThan(ids.indexOf('service-public'));
    // the coordinator's preview keeps hidden entries, flagged
    const preview = await hub.app.inject({ method: 'GET', url: `/api/v1/admin/structures/${lille.id}/portal`, headers: { cookie: coordinator.cookie } });
    expect(preview.statusCode).toBe(200);
    const body = preview.json() as { customisation: { hidden: string[] }; catalogue: PortalCatalogue };
    expect(body.customisation.hidden).toEqual(['critair', 'sante-fr']);
    expect(body.catalogue.links.find((l) => l.id === 'critair')?.hidden).toBe(true);
  });

  it('lets an added entry replace a catalogue entry with the same id (a corrected préfecture address)', async () => {
    await customise(lille.id, coordinator, { added: [{ ...townHall, id: 'prefecture-59', name: 'Préfecture du Nord', url: 'https://www.nord.gouv.fr/Demarches' }] });
    const cat = (await pull(tablet)).json() as PortalCatalogue;
    const prefectures = cat.links.filter((l) => l.id === 'prefecture-59');
    expect(prefectures).toHaveLength(1);
    expect(prefectures[0]!.url).toBe('https://www.nord.gouv.fr/Demarches');
  });

  it('rejects a customisation naming unknown entries or unsafe addresses, with the field named', async () => {
    const unknown = await customise(lille.id, coordinator, { hidden: ['caf', 'nope'] });
    expect(unknown.statusCode).toBe(400);
    expect(problemOf(unknown).errors).toEqual([expect.objectContaining({ path: 'hidden.1' })]);
    const script = await customise(lille.id, coordinator, { added: [{ ...townHall, url: 'javascript:alert(1)' }] });
    expect(script.statusCode).toBe(400);
    expect(problemOf(script).errors?.map((e) => e.path)).toContain('added.0.url');
    const extra = await customise(lille.id, coordinator, { pinned: [], surprise: true });
    expect(extra.statusCode).toBe(400);
  });

  it('scopes customisation to the coordinator’s structures (404 elsewhere) and checks the CSRF token', async () => {
    const elsewhere = await customise(other.id, coordinator, { pinned: ['caf'] });
    expect(elsewhere.statusCode).toBe(404);
    const read = await hub.app.inject({ method: 'GET', url: `/api/v1/admin/structures/${other.id}/portal`, headers: { cookie: coordinator.cookie } });
    expect(read.statusCode).toBe(404);
    const missing = await customise('no-such-structure', coordinator, { pinned: [] });
    expect(missing.statusCode).toBe(404);
    const noCsrf = await hub.app.inject({ method: 'PUT', url: `/api/v1/admin/structures/${lille.id}/portal`, headers: { cookie: coordinator.cookie }, payload: { pinned: [] } });
    expect(noCsrf.statusCode).toBe(403);
    const anonymous = await hub.app.inject({ method: 'PUT', url: `/api/v1/admin/structures/${lille.id}/portal`, payload: { pinned: [] } });
    expect(anonymous.statusCode).toBe(401);
    const admin = await givenStaff(hub, 'admin');
    expect((await customise(other.id, admin, { pinned: ['ameli'] })).statusCode).toBe(200);
    // the other structure's devices are not affected by Lille's choices, nor Lille's by these
    const lilleCat = (await pull(tablet)).json() as PortalCatalogue;
    expect(lilleCat.links[0]!.id).not.toBe('ameli');
  });

  it('refuses the device pull without a valid token, and the admin routes to a device token', async () => {
    expect((await pull({})).statusCode).toBe(401);
    expect((await pull({ authorization: 'Bearer nope' })).statusCode).toBe(401);
    expect((await pull({ cookie: coordinator.cookie })).statusCode).toBe(401);
    for (const url of [`/api/v1/admin/structures/${lille.id}/portal`, `/api/v1/admin/structures/${lille.id}/kiosk-policy.json`]) {
      expect((await hub.app.inject({ method: 'GET', url, headers: tablet })).statusCode).toBe(401);
    }
  });

  it('answers any hostile customisation body with 200 or a 400 problem naming the fields, never a 5xx', async () => {
    const idish = fc.oneof(fc.constantFrom('caf', 'ameli', 'mairie', '', 'A B', '../x'), fc.string());
    const linkish = fc.record(
      { id: idish, name: fc.oneof(fc.string(), fc.integer()), url: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'ftp://x', '')), category: fc.constantFrom('local', 'justice', 'nope'), pictogram: fc.string(), audience: fc.constantFrom('public', 'pro', 'x') },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.record({ added: fc.array(linkish, { maxLength: 3 }), hidden: fc.array(idish, { maxLength: 3 }), pinned: fc.array(idish, { maxLength: 3 }), order: fc.anything() }, { requiredKeys: [] }),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await hub.app.inject({ method: 'PUT', url: `/api/v1/admin/structures/${lille.id}/portal`, headers: { ...coordinator.headers, 'content-type': 'application/json' }, payload: JSON.stringify(b ?? null) });
        expect([200, 400]).toContain(res.statusCode);
        if (res.statusCode === 400) expect(problemOf(res).errors?.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
    // whatever was stored, devices still get a valid catalogue
    expect((await pull(tablet)).statusCode).toBe(200);
  });

  it('builds the kiosk browser policy from the structure’s portal and the hub’s address', async () => {
    await customise(lille.id, coordinator, { added: [townHall], hidden: ['critair'], pinned: [], order: [] });
    const res = await hub.app.inject({
      method: 'GET',
      url: `/api/v1/admin/structures/${lille.id}/kiosk-policy.json`,
      headers: { cookie: coordinator.cookie, host: 'hub.example.org:8443' },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    const policy = res.json() as { URLBlocklist: string[]; URLAllowlist: string[]; IdleTimeout: number; IdleTimeoutActions: string[] };
    expect(policy.URLBlocklist).toEqual(['*']);
    expect(policy.URLAllowlist).toContain('http://hub.example.org:8443');
    for (const site of ['caf.fr', 'ameli.fr', 'impots.gouv.fr', 'ants.gouv.fr', 'lille.fr', 'nord.gouv.fr', 'franceconnect.gouv.fr']) expect(policy.URLAllowlist).toContain(site);
    expect(policy.URLAllowlist).not.toContain('certificat-air.gouv.fr'); // hidden
    expect(policy.URLAllowlist).not.toContain('beta.gouv.fr'); // Aidants Connect is for professionals only
    expect(policy.IdleTimeout).toBe(2);
    expect(policy.IdleTimeoutActions).toEqual(expect.arrayContaining(['close_browsers', 'clear_cookies_and_other_site_data', 'clear_browsing_history']));
    const elsewhere = await hub.app.inject({ method: 'GET', url: `/api/v1/admin/structures/${other.id}/kiosk-policy.json`, headers: { cookie: coordinator.cookie } });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('gives each new structure a random 6-digit kiosk PIN, stored only as its hash', async () => {
    const s = await createStructure(hub.database.db, { name: 'Médiathèque', departements: ['59'] });
    expect(s.kioskPin).toMatch(/^\d{6}$/);
    const stored = await getStructure(hub.database.db, s.id);
    expect(stored!.settings.kioskPinHash).toBe(kioskPinHash(s.kioskPin!));
    expect(JSON.stringify(stored)).not.toContain(`"${s.kioskPin}"`);
    const chosen = await createStructure(hub.database.db, { name: 'Choisi', settings: { kioskPinHash: kioskPinHash('1234') } });
    expect(chosen.kioskPin).toBeUndefined();
  });

  it('serves the highest published catalogue version, and seeds the demo portal', async () => {
    const next = { ...DEFAULT_CATALOGUE, version: `${DEFAULT_CATALOGUE.version.split('.')[0]}.99`, links: DEFAULT_CATALOGUE.links.filter((l) => l.id !== 'energie-info') };
    expect(await publishCatalogue(hub.database.db, next)).toBe(true);
    expect(await publishCatalogue(hub.database.db, next)).toBe(false);
    expect((await getCurrentCatalogue(hub.database.db)).version).toBe(next.version);
    const ids = ((await pull(tablet)).json() as PortalCatalogue).links.map((l) => l.id);
    expect(ids).not.toContain('energie-info');
    const demo = await givenStructure(hub, 'Démo', ['13']);
    const lines = await seedPortal(hub.database.db, { structureId: demo.id });
    expect(lines[0]).toMatch(/Portal catalogue/);
  });
});
