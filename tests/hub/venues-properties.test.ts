import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, type StaffSession, type TestHub } from '../helpers/hub.ts';
import { givenTablet, type Tablet } from './venues-helpers.ts';
import { VENUE_COLUMNS } from '../../src/shared/venues/fields.ts';

// quality.md: random and hostile bodies never produce a 5xx; the answer names what is wrong.

const cell = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('"', '""', ';', '\r\n', '\ufeff', '|', '1970-01-01', '13001', 'Sa 17:00', '00000000000000'));
const hostileCsv = fc
  .tuple(fc.constantFrom(',', ';', '\t'), fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 6 }), fc.subarray([...VENUE_COLUMNS], { maxLength: 10 }))
  .map(([sep, rows, cols]) => [cols.join(sep), ...rows.map((r) => r.join(sep))].join('\n'));

describe.each(DIALECTS)('venue endpoints under random input on %s', (dialect) => {
  let hub: TestHub;
  let admin: StaffSession;
  let tablet: Tablet;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    const s = await givenStructure(hub, 'Centre', ['13']);
    admin = await givenStaff(hub, 'admin');
    tablet = await givenTablet(hub, s);
  });
  afterAll(async () => hub?.close());

  it('imports any CSV or text without a server error, accounting for every row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileCsv, fc.string({ maxLength: 300 }), fc.json({ maxDepth: 3 })), async (body) => {
        const res = await hub.app.inject({ method: 'POST', url: '/api/v1/admin/venues/import', headers: { ...admin.headers, 'content-type': 'text/csv' }, payload: body });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 200) {
          const r = res.json() as { total: number; imported: number; updated: number; unchanged: number; rejected: unknown[] };
          expect(r.imported + r.updated + r.unchanged + r.rejected.length).toBe(r.total);
        } else expect(res.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 40 },
    );
  });

  it('answers any report body with 201/200 or a problem naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ venueId: fc.string(), field: fc.string(), proposed: fc.string(), id: fc.string() }, { requiredKeys: [] })), async (body) => {
        const res = await hub.app.inject({ method: 'POST', url: '/api/v1/sync/venue-reports', headers: { ...tablet.auth, 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 60 },
    );
  });

  it('answers any cursor and limit without a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), fc.string({ maxLength: 8 }), async (since, limit) => {
        const qs = new URLSearchParams({ since, limit });
        const res = await hub.app.inject({ method: 'GET', url: `/api/v1/sync/venues?${qs}`, headers: tablet.auth });
        expect([200, 400]).toContain(res.statusCode);
      }),
      { numRuns: 60 },
    );
  });
});
