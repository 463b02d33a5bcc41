import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStructure, problemOf, type TestHub } from '../helpers/hub.ts';
import { getStoredActivity } from '../../src/hub/repositories/activities.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { anActivity, givenEnrolledDevice, type EnrolledDevice } from './sync-helpers.ts';

// Random and hostile bodies at every device endpoint: never a 5xx, never a partial record,
// always a problem+json naming the field.

const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(null, '', ' ', '<script>alert(1)</script>', "'; DROP TABLE activities; --", '\u0000', '\ud800', -1, 1e308, Number.MAX_SAFE_INTEGER, '2026-02-30', '12:30', { __proto__: { x: 1 } }, 'x'.repeat(10_000)),
);

const recordKeys = Object.keys(anActivity());

/** A valid record with one field broken, removed or added. */
const mutatedRecord = fc
  .tuple(fc.constantFrom(...recordKeys, 'notes', 'structureId', 'time', '__proto__', 'constructor'), hostileValue, fc.constantFrom('set', 'delete'))
  .map(([key, value, op]) => {
    const r = anActivity();
    if (op === 'delete') delete r[key];
    else Object.defineProperty(r, key, { value, enumerable: true, writable: true, configurable: true });
    return r;
  });

function expectProblemNamingAField(res: LightMyRequestResponse) {
  const p = problemOf(res);
  expect(p.status).toBe(res.statusCode);
  expect(p.title.length).toBeGreaterThan(0);
  if (res.statusCode === 400) expect(p.errors?.every((e) => typeof e.path === 'string' && e.message.length > 0) ?? true).toBe(true);
}

describe.each(DIALECTS)('hostile bodies on %s', (dialect) => {
  let hub: TestHub;
  let structure: Structure;
  let device: EnrolledDevice;
  let mutationsDevice: EnrolledDevice;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    structure = await givenStructure(hub);
    device = await givenEnrolledDevice(hub, structure, { ip: '10.9.0.1' });
    mutationsDevice = await givenEnrolledDevice(hub, structure, { ip: '10.9.0.2' });
  });
  afterAll(async () => hub?.close());

  it('enrol: any body gets 400/429 problem+json naming the field, never a 5xx', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, fc.record({ code: hostileValue, deviceLabel: hostileValue }, { requiredKeys: [] })), async (body) => {
        const res = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: JSON.stringify(body) ?? 'null', headers: { 'content-type': 'application/json' }, remoteAddress: `10.8.${Math.floor(++n / 250)}.${n % 250}` });
        expect(res.statusCode).toBeLessThan(500);
        expect([400, 429]).toContain(res.statusCode);
        expectProblemNamingAField(res);
        if (res.statusCode === 400 && problemOf(res).errors) expect(problemOf(res).errors!.length).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
  });

  it('push: random bodies and raw text never produce a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue.map((v) => JSON.stringify(v) ?? 'null'), fc.string(), fc.record({ records: fc.array(hostileValue, { maxLength: 5 }) }).map((v) => JSON.stringify(v))), async (payload) => {
        const res = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/activities', headers: { ...device.auth, 'content-type': 'application/json' }, payload });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 200) {
          const body = JSON.parse(payload) as { records: unknown[] };
          expect(res.json().results).toHaveLength(body.records.length);
        } else {
          expect([400, 413, 429]).toContain(res.statusCode);
          expectProblemNamingAField(res);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('push: a broken record is rejected with its field named and nothing of it is stored, while its valid neighbour is', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedRecord, async (broken) => {
        const good = anActivity();
        const res = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/activities', headers: mutationsDevice.auth, payload: { records: [broken, good] } });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 429) return;
        if (res.statusCode === 400) {
          // The JSON parser refuses prototype-poisoning keys for the whole request: nothing is stored.
          expectProblemNamingAField(res);
          expect(await getStoredActivity(hub.database.db, good.id as string)).toBeUndefined();
          return;
        }
        expect(res.statusCode).toBe(200);
        const [first, second] = res.json().results as { status: string; errors?: { path: string }[] }[];
        expect(second!.status).toBe('created');
        expect(await getStoredActivity(hub.database.db, good.id as string)).toBeDefined();
        const stored = typeof broken.id === 'string' ? await getStoredActivity(hub.database.db, broken.id) : undefined;
        if (first!.status === 'rejected') {
          expect(first!.errors?.length).toBeGreaterThan(0);
          expect(first!.errors!.every((e) => e.path.length > 0)).toBe(true);
          expect(stored).toBeUndefined();
        } else {
          // Only a harmless change (e.g. leaving out a defaulted list) may pass, and then all of it is stored.
          expect(first!.status).toBe('created');
          expect(stored?.record).toBeTruthy();
          expect(stored?.record).not.toHaveProperty('notes');
        }
      }),
      { numRuns: 100 },
    );
  });

  it('settings: any token or header gets 200, 304 or 401, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(fc.string({ maxLength: 200 })), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), async (authorization, pending, etag) => {
        const headers: Record<string, string> = { 'x-kariole-pending': pending.replace(/[^\x20-\x7e]/g, ''), 'if-none-match': etag.replace(/[^\x20-\x7e]/g, '') };
        if (authorization !== null) headers.authorization = authorization.replace(/[^\x20-\x7e]/g, '');
        const res = await hub.app.inject({ method: 'GET', url: '/api/v1/sync/settings', headers });
        expect([401, 429]).toContain(res.statusCode);
        expectProblemNamingAField(res);
        const mine = await hub.app.inject({ method: 'GET', url: '/api/v1/sync/settings', headers: { ...headers, ...device.auth } });
        expect([200, 304, 429]).toContain(mine.statusCode);
      }),
      { numRuns: 50 },
    );
  });
});
