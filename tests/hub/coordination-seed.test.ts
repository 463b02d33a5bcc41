import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { seedDemoIfEmpty } from '../../src/hub/seed/index.ts';
import { computeStats } from '../../src/hub/repositories/stats.ts';
import { listMediators } from '../../src/hub/repositories/mediator-list.ts';
import { listStructures } from '../../src/hub/repositories/structures.ts';
import { getVenuesByIds, searchVenues } from '../../src/hub/repositories/venues.ts';
import { DEMO_OWN_PLACES, DEMO_OWN_PLACE_IDS } from '../../src/hub/seed/venues.ts';

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

  it("gives the demo structure its own places of activity, in its territory, not the directory's first ones", async () => {
    const structure = (await listStructures(database.db))[0]!;
    const places = structure.settings.placesOfActivity;
    expect(places).toEqual(DEMO_OWN_PLACE_IDS);
    const venues = await getVenuesByIds(database.db, places);
    expect(venues.map((v) => v.nom).sort()).toEqual(DEMO_OWN_PLACES.map((p) => p.nom).sort());
    for (const v of venues) expect(structure.departements).toContain(v.code_insee!.slice(0, 2));
    const firstThree = (await searchVenues(database.db, { q: '', departements: structure.departements, limit: 3 })).map((v) => v.id);
    expect(places.some((id) => firstThree.includes(id) && !id.startsWith('kariole-demo'))).toBe(false);
  });
});
