import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStructure, type TestHub } from '../helpers/hub.ts';
import { anActivity, givenEnrolledDevice, pushResults, type EnrolledDevice } from './sync-helpers.ts';
import { apiGet, givenApiClient, pathOf, type JsonApiErrorBody, type TestClient } from './coop-api-helpers.ts';
import { revokeApiClient } from '../../src/hub/repositories/api-clients.ts';
import { ActiviteListSchema, type Activite, type ActiviteList } from '../../src/shared/coop-api/resources.ts';

// docs/coop-api.md: GET /api/v1/activites pages through every record once, follows changes
// (deletions included) and serves only the hub's opaque ids.

describe.each(DIALECTS)('Coop-compatible /api/v1/activites on %s', (dialect) => {
  let hub: TestHub;
  let device: EnrolledDevice;
  let client: TestClient;
  beforeEach(async () => {
    hub = await givenHub(dialect);
    device = await givenEnrolledDevice(hub, await givenStructure(hub));
    client = await givenApiClient(hub, ['activites']);
  });
  afterEach(async () => hub?.close());

  async function pageThrough(first: string): Promise<{ data: Activite[]; pages: number }> {
    const data: Activite[] = [];
    let url: string | undefined = first;
    let pages = 0;
    while (url) {
      const res = await apiGet(hub, client, url);
      expect(res.statusCode, res.body).toBe(200);
      // the served document matches its declared contract (the hub does not re-check it at run time)
      const body = ActiviteListSchema.parse(res.json());
      expect(body.data.length).toBeLessThanOrEqual(2);
      data.push(...body.data);
      url = body.links.next ? pathOf(body.links.next.href) : undefined;
      pages++;
      if (pages > 100) throw new Error('paging does not end');
    }
    return { data, pages };
  }

  it('pages through every record exactly once with page[size]=2, ids never the device record ids', async () => {
    const records = Array.from({ length: 7 }, (_, i) => anActivity({ date: `2026-11-0${i + 1}` }));
    await pushResults(hub, device, records);
    const { data, pages } = await pageThrough('/api/v1/activites?page[size]=2');
    expect(pages).toBe(4);
    const ids = data.map((d) => d.id);
    expect(new Set(ids).size).toBe(7);
    const recordIds = new Set(records.map((r) => r.id as string));
    expect(ids.filter((id) => recordIds.has(id))).toEqual([]);
    expect(data.map((d) => d.attributes.date).sort()).toEqual(records.map((r) => r.date).sort());
    const first = (await apiGet(hub, client, '/api/v1/activites?page[size]=2')).json() as ActiviteList;
    expect(first.meta).toMatchObject({ total_count: 7, items_per_page: 2, total_pages: 4, has_next_page: true, has_prev_page: false });
    // newest change first, ties by id: modification never increases along the pages
    for (let i = 1; i < data.length; i++) expect(data[i - 1]!.attributes.modification >= data[i]!.attributes.modification).toBe(true);
  });

  it('goes back with links.prev to the same page', async () => {
    await pushResults(hub, device, Array.from({ length: 5 }, () => anActivity()));
    const p1 = (await apiGet(hub, client, '/api/v1/activites?page[size]=2')).json() as ActiviteList;
    const p2 = (await apiGet(hub, client, pathOf(p1.links.next!.href))).json() as ActiviteList;
    expect(p2.meta.has_prev_page).toBe(true);
    const back = (await apiGet(hub, client, pathOf(p2.links.prev!.href))).json() as ActiviteList;
    expect(back.data.map((d) => d.id)).toEqual(p1.data.map((d) => d.id));
  });

  it('maps a record to the Coop attributes', async () => {
    const r = anActivity({ type: 'collectif', autonomy: undefined, workshop: { title: 'Découvrir le courriel', level: 'debutant' }, beneficiaries: { total: 8, alreadyAccompanied: 2, genre: { feminin: 5, masculin: 1 }, ageBand: {}, status: {} } });
    await pushResults(hub, device, [r]);
    const a = ((await apiGet(hub, client, '/api/v1/activites')).json() as ActiviteList).data[0]!;
    expect(a.type).toBe('activite');
    expect(a.attributes).toMatchObject({
      type: 'collectif',
      mediateur_id: device.mediatorId,
      accompagnements: 8,
      date: r.date,
      duree: r.durationMin,
      suppression: null,
      titre_atelier: 'Découvrir le courriel',
      niveau_atelier: 'debutant',
      oriente_vers_structure: null,
      thematiques: r.themes,
      materiel: r.equipment,
    });
    expect(a.attributes.beneficiaires.total).toBe(8);
    expect(a.attributes.beneficiaires.genres).toMatchObject({ feminin: 5, masculin: 1, non_communique: 2 });
  });

  it('lets a consumer follow changes, deletions included, with filter[modification][depuis]', async () => {
    const [a, b] = [anActivity(), anActivity()];
    await pushResults(hub, device, [a, b]);
    await new Promise((r) => setTimeout(r, 15));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 15));
    await pushResults(hub, device, [{ id: a.id, revision: 2, deleted: true }]);
    const res = await apiGet(hub, client, `/api/v1/activites?filter[modification][depuis]=${since}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = ActiviteListSchema.parse(res.json());
    expect(body.data).toHaveLength(1);
    expect(body.meta.total_count).toBe(1);
    const gone = body.data[0]!;
    expect(gone.attributes.suppression).not.toBeNull();
    expect(gone.attributes.suppression! >= since).toBe(true);
    // the same opaque id as before the deletion
    const all = ((await apiGet(hub, client, '/api/v1/activites')).json() as ActiviteList).data;
    expect(all.map((d) => d.id)).toContain(gone.id);
    expect(all).toHaveLength(2);
    expect(gone.id).not.toBe(a.id);
  });

  it('refuses missing, wrong and revoked credentials (401) and a missing scope (403), as JSON:API errors', async () => {
    const none = await apiGet(hub, undefined, '/api/v1/activites');
    expect(none.statusCode).toBe(401);
    expect((none.json() as JsonApiErrorBody).errors[0]!.status).toBe('401');
    const wrong = await apiGet(hub, { ...client, auth: { authorization: `Bearer ${client.id}:not-the-secret` } }, '/api/v1/activites');
    expect(wrong.statusCode).toBe(401);
    const stats = await givenApiClient(hub, ['statistiques']);
    const forbidden = await apiGet(hub, stats, '/api/v1/activites');
    expect(forbidden.statusCode).toBe(403);
    expect((forbidden.json() as JsonApiErrorBody).errors[0]!.detail).toContain('activites');
    expect(await revokeApiClient(hub.database.db, client.id)).toBe(true);
    expect((await apiGet(hub, client, '/api/v1/activites')).statusCode).toBe(401);
  });

  it.each([
    ['page[size]=501', 'page[size]'],
    ['page[size]=0', 'page[size]'],
    ['page[size]=abc', 'page[size]'],
    ['page[after]=not-a-cursor!', 'page[after]'],
    ['page[after]=WyJ4IiwieSJd', 'page[after]'],
    ['page[before]=eyJ9', 'page[before]'],
    ['filter[modification][depuis]=1999-12-31T23:59:59Z', 'filter[modification][depuis]'],
    ['filter[creation][depuis]=3000-01-01T00:00:00Z', 'filter[creation][depuis]'],
    ['filter[creation][depuis]=hier', 'filter[creation][depuis]'],
    ['filter[couleur]=bleu', 'filter[couleur]'],
    ['page[size]=2&page[size]=3', 'page[size]'],
  ])('answers 400 naming the parameter for %s', async (qs, parameter) => {
    const res = await apiGet(hub, client, `/api/v1/activites?${qs}`);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as JsonApiErrorBody;
    expect(body.errors.map((e) => e.source?.parameter)).toContain(parameter);
    expect(body.errors[0]!.status).toBe('400');
  });
});
