import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStructure, type TestHub } from '../helpers/hub.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { anActivity, givenEnrolledDevice, pushResults, type EnrolledDevice } from './sync-helpers.ts';
import { aPlace, bySourceId, csvOf, importText } from './venues-helpers.ts';

// Issue #12: a pushed record's place.venueId must be a place of the device's territory (the
// départements of its structure); a place elsewhere, or nowhere, is `rejected` naming
// place.venueId, and the other records of the same push are kept.

describe.each(DIALECTS)('place.venueId of a pushed record on %s', (dialect) => {
  let hub: TestHub;
  let sud: Structure;
  let tablet: EnrolledDevice;
  let inTerritory: string;
  let elsewhere: string;

  beforeAll(async () => {
    hub = await givenHub(dialect);
    sud = await givenStructure(hub, 'Espace Sud', ['13']);
    await givenStructure(hub, 'Centre Nice', ['06']);
    await importText(
      hub,
      csvOf([
        aPlace({ id: 'pvt-13', nom: 'Espace du port', commune: 'Marseille', code_postal: '13002' }),
        aPlace({ id: 'pvt-06', nom: 'Médiathèque de Nice', commune: 'Nice', code_postal: '06000', code_insee: '06088' }),
      ]),
    );
    inTerritory = (await bySourceId(hub, 'pvt-13'))!.id!;
    elsewhere = (await bySourceId(hub, 'pvt-06'))!.id!;
    tablet = await givenEnrolledDevice(hub, sud, { ip: '10.0.8.1' });
  });
  afterAll(async () => hub?.close());

  const at = (venueId: string) => anActivity({ place: { kind: 'lieu_activite', venueId } });

  it('accepts a place of the territory; rejects one of another département and one that exists nowhere, naming place.venueId', async () => {
    expect(inTerritory).not.toBe(elsewhere);
    const records = [at(inTerritory), at(elsewhere), at('tests:nulle-part'), anActivity()];
    const results = await pushResults(hub, tablet, records);
    expect(results.map((r) => r.status)).toEqual(['created', 'rejected', 'rejected', 'created']);
    for (const r of [results[1]!, results[2]!]) {
      expect(r.errors?.map((e) => e.path)).toEqual(['place.venueId']);
      expect(r.errors?.[0]?.message).toMatch(/territoire/);
    }
    const stored = await hub.database.db.selectFrom('activities').select('id').where('structure_id', '=', sud.id).execute();
    expect(stored.map((s) => s.id).sort()).toEqual([records[0]!.id, records[3]!.id].sort());
  });

  it('a new revision cannot move a stored record to a place outside the territory', async () => {
    const first = at(inTerritory);
    expect((await pushResults(hub, tablet, [first]))[0]!.status).toBe('created');
    const moved = { ...first, revision: 2, place: { kind: 'lieu_activite', venueId: elsewhere } };
    const [r] = await pushResults(hub, tablet, [moved]);
    expect(r!.status).toBe('rejected');
    expect(r!.errors?.[0]?.path).toBe('place.venueId');
  });
});
