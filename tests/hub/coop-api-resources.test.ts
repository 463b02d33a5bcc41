import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStructure, type TestHub } from '../helpers/hub.ts';
import { anActivity, givenEnrolledDevice, pushResults, type EnrolledDevice } from './sync-helpers.ts';
import { apiGet, givenApiClient, pathOf, type JsonApiErrorBody, type TestClient } from './coop-api-helpers.ts';
import { computeStats } from '../../src/hub/repositories/stats.ts';
import { writeVenues } from '../../src/hub/repositories/venues.ts';
import { deleteVenue } from '../../src/hub/repositories/venues.ts';
import { updateStructure } from '../../src/hub/repositories/structures.ts';
import type { Venue } from '../../src/shared/venues/schema.ts';
import { LieuSchema, StatistiquesDocSchema, StructureListSchema, type StatistiquesDoc, type StructureList } from '../../src/shared/coop-api/resources.ts';
import { THEMES } from '../../src/shared/activity/codes.ts';

// docs/coop-api.md: /statistiques serves the hub's own figures in La Coop's shape; /structures
// pages the directory (deletions included); /lieux-activite lists the places in use; /health.

const venue = (id: string, nom: string): Venue => ({
  id, pivot: '00000000000000', nom, commune: 'Marseille', code_postal: '13001', code_insee: '13201', adresse: '1 rue de la République',
  typologie: [], courriels: [], site_web: [], itinerance: [], date_maj: '2026-01-01', services: ['Aide aux démarches administratives'],
  publics_specifiquement_adresses: [], prise_en_charge_specifique: [], frais_a_charge: ['Gratuit'], dispositif_programmes_nationaux: ['France Services'],
  formations_labels: [], autres_formations_labels: [], modalites_acces: [], modalites_accompagnement: [], departement: '13',
});

const EMAIL = THEMES.find((t) => t.label === 'E-mail')!.code;

describe.each(DIALECTS)('Coop-compatible resources on %s', (dialect) => {
  let hub: TestHub;
  let device: EnrolledDevice;
  let client: TestClient;
  beforeEach(async () => {
    hub = await givenHub(dialect);
    device = await givenEnrolledDevice(hub, await givenStructure(hub));
    client = await givenApiClient(hub);
  });
  afterEach(async () => hub?.close());

  it('/statistiques gives the dashboard figures in the Coop shape (a workshop of 8 and two individuals on E-mail)', async () => {
    const workshop = anActivity({ type: 'collectif', date: '2026-11-10', autonomy: undefined, themes: [EMAIL], workshop: { title: 'Courriel', level: 'debutant' }, beneficiaries: { total: 8, alreadyAccompanied: 0, genre: {}, ageBand: {}, status: {} } });
    await pushResults(hub, device, [workshop, anActivity({ date: '2026-11-10', themes: [EMAIL] }), anActivity({ date: '2026-11-12', themes: [EMAIL] })]);
    const res = await apiGet(hub, client, '/api/v1/statistiques?filter[du]=2026-11-01&filter[au]=2026-11-30');
    expect(res.statusCode, res.body).toBe(200);
    const doc = StatistiquesDocSchema.parse(res.json());
    expect(doc.data).toMatchObject({ type: 'statistiques', id: 'statistiques' });
    const a = doc.data.attributes;
    const dashboard = await computeStats(hub.database.db, { from: '2026-11-01', to: '2026-11-30' }, { all: true });
    const email = a.activites.thematiques.find((t) => t.label === 'E-mail')!;
    expect(email.value).toBe('Email');
    expect(email.count).toBe(dashboard.breakdowns.themes.find((t) => t.key === EMAIL)!.count);
    expect(a.totaux.activites).toMatchObject({ total: 3, individuels: { total: 2 }, collectifs: { total: 1, participants: 8 } });
    expect(a.totaux.accompagnements).toMatchObject({ total: 10, individuels: { total: 2, proportion: 20 }, collectifs: { total: 8, proportion: 80 } });
    expect(a.accompagnements_par_jour).toHaveLength(30);
    expect(a.accompagnements_par_jour.find((d) => d.label === '10/11')!.count).toBe(9);
    expect(a.accompagnements_par_mois).toHaveLength(12);
    expect(a.accompagnements_par_mois.at(-1)).toEqual({ label: '11/26', count: 10 });
    const sum = a.activites.type_lieu.reduce((s, x) => s + x.proportion, 0);
    expect(sum).toBeGreaterThan(99.9);
    expect(a.activites.durees.map((d) => d.value)).toEqual(['30', '60', '120', 'more']);
  });

  it('/statistiques sums several mediators and takes démarches away', async () => {
    const other = await givenEnrolledDevice(hub, await givenStructure(hub, 'Autre'));
    await pushResults(hub, device, [anActivity({ date: '2026-11-10' })]);
    await pushResults(hub, other, [anActivity({ date: '2026-11-10' }), anActivity({ date: '2026-11-11' })]);
    const both = (await apiGet(hub, client, `/api/v1/statistiques?filter[mediateurs]=${device.mediatorId},${other.mediatorId}`)).json() as StatistiquesDoc;
    expect(both.data.attributes.totaux.activites.total).toBe(3);
    const one = (await apiGet(hub, client, `/api/v1/statistiques?filter[mediateurs]=${other.mediatorId}&filter[types]=individuel`)).json() as StatistiquesDoc;
    expect(one.data.attributes.totaux.activites.total).toBe(2);
    const none = (await apiGet(hub, client, '/api/v1/statistiques?filter[demarches_administratives]=1')).json() as StatistiquesDoc;
    const rest = (await apiGet(hub, client, '/api/v1/statistiques?filter[demarches_administratives]=0')).json() as StatistiquesDoc;
    expect(none.data.attributes.totaux.activites.total + rest.data.attributes.totaux.activites.total).toBe(3);
  });

  it.each([
    ['filter[types]=atelier', 'filter[types]'],
    ['filter[du]=2026-02-30', 'filter[du]'],
    ['filter[du]=1999-01-01', 'filter[du]'],
    ['filter[du]=2026-05-01&filter[au]=2026-04-01', 'filter[au]'],
    // Applied since round 3 (stats-contract.md): a value that is no INSEE code is refused.
    ['filter[communes]=Marseille', 'filter[communes]'],
    ['filter[departements]=20', 'filter[departements]'],
    ['filter[beneficiaires]=b1', 'filter[beneficiaires]'],
    ['filter[conseiller_numerique]=2', 'filter[conseiller_numerique]'],
    ['filter[mediateurs]=' + Array.from({ length: 101 }, (_, i) => `m${i}`).join(','), 'filter[mediateurs]'],
  ])('/statistiques answers 400 naming the parameter for %s', async (qs, parameter) => {
    const res = await apiGet(hub, client, `/api/v1/statistiques?${qs}`);
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as JsonApiErrorBody).errors.map((e) => e.source?.parameter)).toContain(parameter);
  });

  it('/structures pages the directory once each, deletions included; /lieux-activite lists the places in use', async () => {
    await writeVenues(hub.database.db, ['v1', 'v2', 'v3'].map((id) => venue(id, `Lieu ${id}`)));
    expect(await deleteVenue(hub.database.db, 'v3')).toBe(true);
    const seen: string[] = [];
    let url: string | undefined = '/api/v1/structures?page[size]=2';
    while (url) {
      const body = StructureListSchema.parse((await apiGet(hub, client, url)).json());
      seen.push(...body.data.map((s) => s.id));
      for (const s of body.data) expect(s.attributes.suppression === null).toBe(s.id !== 'v3');
      url = body.links.next ? pathOf(body.links.next.href) : undefined;
    }
    expect(seen.sort()).toEqual(['v1', 'v2', 'v3']);
    const only = (await apiGet(hub, client, '/api/v1/structures?ids=v2')).json() as StructureList;
    expect(only.data.map((s) => s.id)).toEqual(['v2']);

    await updateStructure(hub.database.db, device.structureId, { settings: { placesOfActivity: ['v1'] } });
    const lieux = await apiGet(hub, client, '/api/v1/lieux-activite');
    expect(lieux.statusCode, lieux.body).toBe(200);
    expect(LieuSchema.array().parse(lieux.json()).map((l) => l.id)).toEqual(['v1']);
    const bad = await apiGet(hub, client, '/api/v1/lieux-activite?filter[dispositif_programmes_nationaux]=Inconnu');
    expect(bad.statusCode).toBe(400);
  });

  it('/health answers any valid client, and 401 without one', async () => {
    const limited = await givenApiClient(hub, ['structures']);
    expect((await apiGet(hub, limited, '/api/v1/health')).json()).toEqual({ status: 'ok' });
    expect((await apiGet(hub, undefined, '/api/v1/health')).statusCode).toBe(401);
  });
});
