import { afterEach, describe, expect, it } from 'vitest';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { migrateToLatest } from '../../src/hub/plugins/db.ts';
import { getStoredActivity } from '../../src/hub/repositories/activities.ts';
import { computeStats } from '../../src/hub/repositories/stats.ts';
import { aPlainRecord } from './plain-record.ts';

// quality.md: a database of the previous version, holding device records, upgrades without loss.
const dir = path.resolve('src/hub/migrations');
const names = fs.readdirSync(dir).filter((f) => /^\d{3}_[\w-]+\.ts$/.test(f)).sort().map((f) => f.replace(/\.ts$/, ''));

const provider: MigrationProvider = {
  async getMigrations() {
    const out: Record<string, Migration> = {};
    for (const n of names) out[n] = (await import(pathToFileURL(path.join(dir, `${n}.ts`)).href)) as Migration;
    return out;
  },
};

const record = (id: string, date: string) => aPlainRecord(id, date);

describe.each(DIALECTS)('upgrading the hub database on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.destroy());

  it('keeps the records and devices stored before the statistics migrations, and counts them after all the later ones', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const db = database.db;
    // The records are written as rows of that version, so start before the statistics tables
    // (005) that later migrations keep up to date from the ingest, and upgrade through all the rest.
    const previous = names[names.indexOf('005_coordination') - 1]!;
    const migrator = new Migrator({ db, provider });
    const r = await migrator.migrateTo(previous);
    expect(r.error).toBeUndefined();

    const now = new Date().toISOString();
    await db.insertInto('structures').values({ id: 's1', name: 'Centre', departements: '["59"]', settings: '{}', created_at: now, updated_at: now }).execute();
    await db.insertInto('mediators').values({ id: 'm1', structure_id: 's1', label: null, created_at: now }).execute();
    await db
      .insertInto('devices')
      .values({ id: 'd1', structure_id: 's1', mediator_id: 'm1', label: 'Tablette', token_hash: 'h', enrolled_at: now, last_sync_at: now, records_received: 2, pending_count: 3, revoked_at: null })
      .execute();
    for (const [id, date] of [['a1', '2026-10-01'], ['a2', '2026-10-02']] as const) {
      await db
        .insertInto('activities')
        .values({ id, structure_id: 's1', device_id: 'd1', mediator_id: 'm1', revision: 1, deleted: 0, content_hash: id, record: JSON.stringify(record(id, date)), date, type: 'individuel', received_at: now, updated_at: now })
        .execute();
    }

    expect(await migrateToLatest(db)).toBe(names.at(-1));

    expect((await getStoredActivity(db, 'a1'))?.record).toMatchObject({ themes: ['email'], date: '2026-10-01' });
    const device = await db.selectFrom('devices').selectAll().where('id', '=', 'd1').executeTakeFirstOrThrow();
    expect(Number(device.records_received)).toBe(2);
    const stats = await computeStats(db, { from: '2026-10-01', to: '2026-10-31' } as Parameters<typeof computeStats>[1], { ids: ['s1'] });
    expect(stats.totals.activities).toBe(2);
  });
});
