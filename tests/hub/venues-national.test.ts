import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, type TestHub } from '../helpers/hub.ts';
import { importVenues } from '../../src/hub/repositories/venue-import.ts';
import { generateNationalVenues } from '../../bench/generators/national-venues.ts';

// A smaller national file (the bench's generator): 17 sources numbering their places 1, 2, 3…,
// 3 % published twice. The per-source report must account for every row of every source.

describe.each(DIALECTS)('a multi-source national file on %s', (dialect) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await givenHub(dialect);
  });
  afterAll(async () => hub?.close());

  it('imports every source apart, links the places published twice, and reports per source', async () => {
    const file = generateNationalVenues(900, { seed: 'test' });
    expect(Object.keys(file.perSource)).toHaveLength(17);
    const text = JSON.stringify(file.rows);
    const report = await importVenues(hub.database.db, Readable.from([text]));
    expect(report.total).toBe(file.rows.length);
    expect(report.rejected).toEqual([]);
    // Places first published by one source and again by another are linked, never imported twice.
    expect(report.linked.length).toBeGreaterThanOrEqual(file.duplicates);
    expect(report.imported + report.linked.length).toBe(file.rows.length);
    for (const [source, n] of Object.entries(file.perSource)) {
      const c = report.sources[source]!;
      expect(c.total).toBe(n);
      expect(c.imported + c.linked).toBe(n);
    }
    const live = await hub.database.db.selectFrom('venues').select((eb) => eb.fn.countAll<number>().as('n')).where('linked_to', 'is', null).executeTakeFirstOrThrow();
    expect(Number(live.n)).toBe(report.imported);

    const again = await importVenues(hub.database.db, Readable.from([text]));
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: report.imported });
    expect(again.linked).toHaveLength(report.linked.length);
  }, 120_000);
});
