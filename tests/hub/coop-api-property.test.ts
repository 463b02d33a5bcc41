import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStructure, type TestHub } from '../helpers/hub.ts';
import { anActivity, givenEnrolledDevice, pushResults } from './sync-helpers.ts';
import { apiGet, givenApiClient, type JsonApiErrorBody, type TestClient } from './coop-api-helpers.ts';

// Bad input never turns into a 5xx or a hang: any mix of known and unknown parameters with
// hostile values gets a 200 or a JSON:API 400 naming a parameter of the request.

const NAMES = [
  'page[size]', 'page[after]', 'page[before]', 'filter[creation][depuis]', 'filter[modification][depuis]', 'ids',
  'filter[du]', 'filter[au]', 'filter[types]', 'filter[mediateurs]', 'filter[demarches_administratives]', 'filter[communes]', 'filter[x]', 'sort',
];
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('500', '501', '0', '2', 'individuel,collectif', 'atelier', '1', 'WyIyMDI2LTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJ4Il0', '%00', 'a'.repeat(5000)),
);
const query = fc.array(fc.tuple(fc.constantFrom(...NAMES), value), { maxLength: 5 });

describe.each(DIALECTS)('Coop-compatible API under any query on %s', (dialect) => {
  let hub: TestHub;
  let client: TestClient;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    const device = await givenEnrolledDevice(hub, await givenStructure(hub));
    await pushResults(hub, device, [anActivity(), anActivity({ date: '2026-10-01' })]);
    client = await givenApiClient(hub);
  });
  afterAll(async () => hub?.close());

  it('answers 200, or 400 naming a parameter it was given, for every resource', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/v1/activites', '/api/v1/structures', '/api/v1/statistiques', '/api/v1/lieux-activite'), query, async (path, params) => {
        const qs = new URLSearchParams(params).toString();
        const res = await apiGet(hub, client, `${path}?${qs}`);
        expect([200, 400], `${path}?${qs}: ${res.body.slice(0, 300)}`).toContain(res.statusCode);
        if (res.statusCode === 400) {
          const body = res.json() as JsonApiErrorBody;
          expect(body.errors.length).toBeGreaterThan(0);
          for (const e of body.errors) {
            expect(e.status).toBe('400');
            expect(params.map(([k]) => k)).toContain(e.source?.parameter);
          }
        }
      }),
      { numRuns: dialect === 'sqlite' ? 150 : 60 },
    );
  }, 120_000);
});
