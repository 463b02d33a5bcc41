import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../helpers/db.ts';
import { givenHub, givenStructure, type TestHub } from '../../helpers/hub.ts';
import { createEnrolmentCode } from '../../../src/hub/repositories/devices.ts';
import { writeVenues } from '../../../src/hub/repositories/venues.ts';
import type { Structure } from '../../../src/hub/repositories/structures.ts';
import { db } from '../../../src/app/db/index.ts';
import { countPending } from '../../../src/app/db/outbox.ts';
import { dismissVenueReport, listRefusedVenueReports, listVenueReports, saveVenueReport } from '../../../src/app/db/venues.ts';
import { enrolDevice } from '../../../src/app/features/sync/lib/enrol.ts';
import { syncOnce } from '../../../src/app/features/sync/lib/run.ts';
import type { Venue } from '../../../src/shared/venues/schema.ts';
import { routeFetchToHub, type FakeNetwork } from './fake-network.ts';

// Issue 13: when the hub restarts a device's pull (its territory changed), the device replaces
// its places in one transaction (nothing of the old territory left, never empty meanwhile);
// a field report the hub refuses is shown as refused, not pending, and can be dismissed.

const ORIGIN = 'http://hub.test';
(globalThis as { location?: unknown }).location = { origin: ORIGIN };

const place = (id: string, cp: string, commune: string): Venue => ({
  id,
  pivot: '00000000000000',
  nom: `Lieu ${id}`,
  commune,
  code_postal: cp,
  adresse: `1 rue ${id}`,
  date_maj: '2024-01-01',
  departement: cp.slice(0, 2),
  typologie: [],
  courriels: [],
  site_web: [],
  itinerance: [],
  services: [],
  publics_specifiquement_adresses: [],
  prise_en_charge_specifique: [],
  frais_a_charge: [],
  dispositif_programmes_nationaux: [],
  formations_labels: [],
  autres_formations_labels: [],
  modalites_acces: [],
  modalites_accompagnement: [],
});

describe.each(DIALECTS)('device directory when the territory moves (%s hub)', { timeout: 120_000 }, (dialect) => {
  let hub: TestHub;
  let structure: Structure;
  let net: FakeNetwork;

  beforeAll(async () => {
    hub = await givenHub(dialect);
    structure = await givenStructure(hub, 'Centre social de Marseille', ['13']);
    const marseille = Array.from({ length: 40 }, (_, i) => place(`m-${i}`, '13001', 'Marseille'));
    // More than one page (1,000) of places in 04, so the replacement spans several pages.
    const digne = Array.from({ length: 1_150 }, (_, i) => place(`d-${i}`, '04000', 'Digne-les-Bains'));
    for (let i = 0; i < digne.length; i += 400) await writeVenues(hub.database.db, digne.slice(i, i + 400));
    await writeVenues(hub.database.db, marseille);
  });
  afterAll(async () => hub?.close());
  beforeEach(async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    net = routeFetchToHub(hub.app, ORIGIN);
    await hub.database.db.updateTable('structures').set({ departements: JSON.stringify(['13']) }).where('id', '=', structure.id).execute();
    const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id });
    expect((await enrolDevice(code)).ok).toBe(true);
  });
  afterEach(() => net.restore());

  it('a device of a 13 structure whose territory becomes 04 keeps no 13 place, and never an empty directory', async () => {
    expect(await syncOnce()).toEqual({ ok: true });
    expect(await db.venues.count()).toBe(40);
    expect((await db.venues.toArray()).every((v) => v.departement === '13')).toBe(true);

    await hub.database.db.updateTable('structures').set({ departements: JSON.stringify(['04']) }).where('id', '=', structure.id).execute();
    // What the device holds each time it asks for a page of the restarted pull.
    const seen: number[] = [];
    const fetchToHub = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/api/v1/sync/venues')) seen.push(await db.venues.count());
      return fetchToHub(input, init);
    }) as typeof fetch;
    expect(await syncOnce()).toEqual({ ok: true });

    const after = await db.venues.toArray();
    expect(after).toHaveLength(1_150);
    expect(after.filter((v) => v.departement === '13')).toEqual([]);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    // Between the pages the old directory stays whole: no partial state, never empty.
    expect(seen.every((n) => n === 40)).toBe(true);
  });

  it('shows a report the hub refuses as refused with its reason, not pending, and lets it be dismissed', async () => {
    expect(await syncOnce()).toEqual({ ok: true });
    const id = await saveVenueReport({ venueId: 'lieu-disparu', field: 'telephone', proposed: '04 91 00 00 00' });
    const kept = await saveVenueReport({ venueId: 'm-1', field: 'telephone', proposed: '04 91 11 11 11' });
    expect(await countPending()).toBe(2);
    expect(await syncOnce()).toEqual({ ok: true });
    expect(await countPending()).toBe(0);
    const [refused] = await listRefusedVenueReports();
    expect(refused).toMatchObject({ id, state: 'refused' });
    expect(refused!.refusedReason).toContain("n'existe pas");
    expect((await listVenueReports('m-1'))[0]).toMatchObject({ id: kept, state: 'sent' });
    // Only a refused report can be dismissed.
    expect(await dismissVenueReport(kept)).toBe(false);
    expect(await dismissVenueReport(id)).toBe(true);
    expect(await listRefusedVenueReports()).toEqual([]);
  });
});
