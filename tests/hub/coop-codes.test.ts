import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { givenHub, givenStructure, type TestHub } from '../helpers/hub.ts';
import { migrateToLatest } from '../../src/hub/plugins/db.ts';
import { contentHash, countStoredActivities, getStoredActivity, ingestActivities } from '../../src/hub/repositories/activities.ts';
import { computeStats } from '../../src/hub/repositories/stats.ts';
import { ActivityRecordSchema } from '../../src/shared/activity/record.ts';
import { LEGACY_INDIVIDUAL, LEGACY_WORKSHOP, UPGRADED_INDIVIDUAL, UPGRADED_WORKSHOP } from '../fixtures/legacy-records.ts';
import { anActivity, givenEnrolledDevice, pushResults, type EnrolledDevice } from './sync-helpers.ts';

// The Coop's codes (taxonomy.md): a record in them is accepted, one in Kariole's earlier codes
// is refused naming the field; a hub of the previous version converts what it holds.

describe.each(DIALECTS)('the Coop’s codes on the wire, on %s', (dialect) => {
  let hub: TestHub;
  let device: EnrolledDevice;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    device = await givenEnrolledDevice(hub, await givenStructure(hub));
  });
  afterAll(async () => hub?.close());

  it('accepts a record in the Coop’s codes', async () => {
    const results = await pushResults(hub, device, [{ ...UPGRADED_INDIVIDUAL, id: crypto.randomUUID() }, { ...UPGRADED_WORKSHOP, id: crypto.randomUUID() }]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created']);
  });

  it.each([
    ['place.kind', { place: { kind: 'autre_lieu', communeInsee: '59350' } }],
    ['themes.0', { themes: ['navigation_internet'] }],
    ['autonomy', { autonomy: 'avec_guidage' }],
    ['orientation.towards', { orientation: { oriented: true, towards: 'insertion_pro' } }],
    ['beneficiaries.ageBand', { beneficiaries: { total: 1, alreadyAccompanied: 0, genre: {}, ageBand: { '60_69': 1 }, status: {} } }],
  ])('refuses an earlier code, naming the field (%s), and stores nothing', async (field, override) => {
    const record = anActivity(override);
    const [result] = await pushResults(hub, device, [record]);
    expect(result).toMatchObject({ id: record.id, status: 'rejected' });
    expect(result!.errors!.some((e) => e.path.startsWith(field) && e.message.length > 0)).toBe(true);
    expect(await getStoredActivity(hub.database.db, record.id as string)).toBeUndefined();
  });
});

const dir = path.resolve('src/hub/migrations');
const names = fs.readdirSync(dir).filter((f) => /^\d{3}_[\w-]+\.ts$/.test(f)).sort().map((f) => f.replace(/\.ts$/, ''));
const provider: MigrationProvider = {
  async getMigrations() {
    const out: Record<string, Migration> = {};
    for (const n of names) out[n] = (await import(pathToFileURL(path.join(dir, `${n}.ts`)).href)) as Migration;
    return out;
  },
};

describe.each(DIALECTS)('upgrading a hub holding records in the earlier codes, on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.destroy());

  it('converts every record once, keeps tombstones, recounts the figures and answers a repeated push as unchanged', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const db = database.db;
    expect((await new Migrator({ db, provider }).migrateTo('005_coordination')).error).toBeUndefined();

    const now = '2026-10-07T08:00:00.000Z';
    await db.insertInto('structures').values({ id: 's1', name: 'Centre', departements: '["59"]', settings: '{}', created_at: now, updated_at: now }).execute();
    await db.insertInto('mediators').values({ id: 'm1', structure_id: 's1', label: null, created_at: now }).execute();
    await db
      .insertInto('devices')
      .values({ id: 'd1', structure_id: 's1', mediator_id: 'm1', label: 'Tablette', token_hash: 'h', enrolled_at: now, last_sync_at: now, records_received: 3, pending_count: 0, revoked_at: null })
      .execute();
    const row = (r: { id: string; revision: number; date?: string; type?: string } | null, id: string, deleted = 0) => ({
      id,
      structure_id: 's1',
      device_id: 'd1',
      mediator_id: 'm1',
      revision: r?.revision ?? 1,
      deleted,
      content_hash: contentHash({ deleted: deleted === 1, record: r }),
      record: r ? JSON.stringify(r) : null,
      date: r?.date ?? null,
      type: r?.type ?? null,
      received_at: now,
      updated_at: now,
    });
    await db.insertInto('activities').values([row(LEGACY_INDIVIDUAL, LEGACY_INDIVIDUAL.id), row(LEGACY_WORKSHOP, LEGACY_WORKSHOP.id), row(null, 'tomb-1', 1)]).execute();
    await db
      .insertInto('share_links')
      .values({ id: 'l1', created_by: 'u1', structure_ids: null, filters: JSON.stringify({ theme: 'aide_demarches_administratives' }), created_at: now, revoked_at: null })
      .execute();

    expect(await migrateToLatest(db)).toBe(names.at(-1));

    expect(await countStoredActivities(db)).toBe(3);
    for (const want of [UPGRADED_INDIVIDUAL, UPGRADED_WORKSHOP]) {
      const stored = await getStoredActivity(db, want.id);
      expect(stored?.record).toEqual(want);
      expect(ActivityRecordSchema.safeParse(stored?.record).success).toBe(true);
      const held = await db.selectFrom('activities').select('content_hash').where('id', '=', want.id).executeTakeFirstOrThrow();
      expect(held.content_hash).toBe(contentHash({ deleted: false, record: want }));
    }
    expect(await getStoredActivity(db, 'tomb-1')).toMatchObject({ deleted: true, record: null });
    const link = await db.selectFrom('share_links').select('filters').where('id', '=', 'l1').executeTakeFirstOrThrow();
    expect(JSON.parse(link.filters)).toEqual({ theme: 'aide_aux_demarches_administratives' });

    // The figures read the new codes (rebuilt statistics tables).
    const stats = await computeStats(db, { from: '2026-10-01', to: '2026-10-31' }, { ids: ['s1'] });
    expect(stats.totals.activities).toBe(2);
    const theme = (code: string) => stats.breakdowns.themes.find((e) => e.key === code)?.count ?? 0;
    expect(theme('navigation_sur_internet')).toBeGreaterThan(0);
    expect(theme('prendre_en_main_du_materiel')).toBeGreaterThan(0);
    expect(stats.breakdowns.themes.some((e) => e.key === 'navigation_internet')).toBe(false);

    // A device that upgraded too pushes the same revision again: unchanged, not a conflict or a copy.
    const device = { deviceId: 'd1', structureId: 's1', mediatorId: 'm1' };
    const items = [UPGRADED_INDIVIDUAL, UPGRADED_WORKSHOP].map((r, index) => ({ index, id: r.id, revision: r.revision, deleted: false, record: ActivityRecordSchema.parse(r) as Record<string, unknown> }));
    const { results } = await ingestActivities(db, dialect, device, items, new Date().toISOString());
    expect([...results.values()].map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(await countStoredActivities(db)).toBe(3);
  });
});
