import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { seedDemoIfEmpty } from '../../src/hub/seed/index.ts';
import { computeStats } from '../../src/hub/repositories/stats.ts';
import { listMediators } from '../../src/hub/repositories/mediator-list.ts';

describe.each(DIALECTS)('demo activity history on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database?.destroy());

  it('fills the dashboard of a fresh hub with a few hundred valid records of two mediators', async () => {
    const seeded = await seedDemoIfEmpty(database.db);
    expect(seeded?.lines.join('\n')).toMatch(/demo activity records/);
    const stats = await computeStats(database.db, {}, { all: true });
    expect(stats.totals.activities).toBeGreaterThan(150);
    expect(stats.totals.accompaniments).toBeGreaterThan(stats.totals.activities);
    expect(stats.series.byMonth.length).toBeGreaterThanOrEqual(6);
    expect((await listMediators(database.db)).map((m) => m.label).sort()).toEqual(['Amina (démo)', 'Julien (démo)']);
  });
});
