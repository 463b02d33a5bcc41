import { afterEach, describe, expect, it } from 'vitest';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { migrateToLatest } from '../../src/hub/plugins/db.ts';
import { computeMediatorTable, computeStats } from '../../src/hub/repositories/stats.ts';
import { aPlainRecord } from './plain-record.ts';

// Migration 011: a hub holding records before the round-3 filters gets the activity's commune
// and département, tags, portal sites, Aidants Connect, autonomy, Pass numérique and durations
// in its facts, and every mediator a conseiller numérique flag (off).
const dir = path.resolve('src/hub/migrations');
const names = fs.readdirSync(dir).filter((f) => /^\d{3}_[\w-]+\.ts$/.test(f)).sort().map((f) => f.replace(/\.ts$/, ''));
const provider: MigrationProvider = {
  async getMigrations() {
    const out: Record<string, Migration> = {};
    for (const n of names) out[n] = (await import(pathToFileURL(path.join(dir, `${n}.ts`)).href)) as Migration;
    return out;
  },
};

const record = (id: string, over: Record<string, unknown>) => aPlainRecord(id, '2026-10-01', over);

describe.each(DIALECTS)('migration 011 (stats filters) on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.destroy());

  it('backfills the new facts from the stored records', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const db = database.db;
    const migrator = new Migrator({ db, provider });
    expect((await migrator.migrateTo('010_structure_time_zone')).error).toBeUndefined();

    const now = new Date().toISOString();
    await db.insertInto('structures').values({ id: 's1', name: 'Centre', departements: '["13"]', settings: '{}', created_at: now, updated_at: now, time_zone: 'Europe/Paris' }).execute();
    await db.insertInto('mediators').values({ id: 'm1', structure_id: 's1', label: 'Awa', created_at: now }).execute();
    await db
      .insertInto('devices')
      .values({ id: 'd1', structure_id: 's1', mediator_id: 'm1', label: 'Tablette', token_hash: 'h', enrolled_at: now, last_sync_at: now, records_received: 3, pending_count: 0, revoked_at: null })
      .execute();
    await db
      .insertInto('venues')
      .values({
        id: 'test:v1', departement: '13', previous_departement: null, nom: 'Lieu', commune: 'Marseille', code_postal: '13001', code_insee: '13055',
        search_text: 'lieu', data: '{}', content_hash: 'x', seq: 1, deleted: 0, source: 'test', source_id: 'v1', match_pivot: null, match_key: null, linked_to: null,
        created_at: now, updated_at: now,
      })
      .execute();
    const records = [
      record('a1', { place: { kind: 'lieu_activite', venueId: 'test:v1' }, tags: ['t1'], portalLinkIds: ['caf'], aidantsConnect: true, passNumerique: 2, durationMin: 90 }),
      record('a2', { type: 'collectif', autonomy: undefined, orientation: undefined, workshop: { title: 'A', level: 'debutant' }, place: { kind: 'autre', communeInsee: '97105' }, tags: ['t1', 't2'], beneficiaries: { total: 6, alreadyAccompanied: 0 } }),
      record('a3', { autonomy: 'partiellement_autonome' }),
    ];
    for (const r of records) {
      await db
        .insertInto('activities')
        .values({ id: r.id, structure_id: 's1', device_id: 'd1', mediator_id: 'm1', revision: 1, deleted: 0, content_hash: r.id, record: JSON.stringify(r), date: r.date, type: r.type, received_at: now, updated_at: now })
        .execute();
    }

    expect(await migrateToLatest(db)).toBe(names.at(-1));

    const sel = { ids: ['s1'] };
    const period = { from: '2026-10-01', to: '2026-10-31' };
    const all = await computeStats(db, period, sel);
    const nz = (list: { key: string; count: number }[]) => Object.fromEntries(list.filter((e) => e.count > 0).map((e) => [e.key, e.count]));
    expect(all.totals).toMatchObject({ activities: 3, accompaniments: 8 });
    expect(nz(all.breakdowns.tags)).toEqual({ t1: 7, t2: 6 });
    expect(nz(all.breakdowns.portalSites)).toEqual({ caf: 1 });
    expect(nz(all.breakdowns.activityCommune)).toEqual({ '13055': 1, '97105': 6, non_communique: 1 });
    expect(nz(all.breakdowns.aidantsConnect)).toEqual({ oui: 1, non: 7 });
    expect(nz(all.breakdowns.passNumerique)).toEqual({ pass_numerique: 2 });
    expect(nz(all.breakdowns.autonomy)).toEqual({ autonome: 1, partiellement_autonome: 1 });
    expect((await computeStats(db, { ...period, departement: ['971'] }, sel)).totals.activities).toBe(1);
    expect((await computeStats(db, { ...period, commune: ['13055'] }, sel)).totals.activities).toBe(1);
    expect((await computeStats(db, { ...period, tag: ['t2'] }, sel)).totals.accompaniments).toBe(6);
    expect((await computeStats(db, { ...period, conseillerNumerique: 'non' }, sel)).totals.activities).toBe(3);
    expect((await computeStats(db, { ...period, conseillerNumerique: 'oui' }, sel)).totals.activities).toBe(0);
    expect(await computeMediatorTable(db, period, sel)).toEqual([{ mediatorId: 'm1', label: 'Awa', conseillerNumerique: false, activities: 3, accompaniments: 8, hours: 2.5 }]);
    // Stored share-link filters and enrolment codes are untouched; the flag exists, off.
    const m = await db.selectFrom('mediators').selectAll().executeTakeFirstOrThrow();
    expect(Number(m.conseiller_numerique)).toBe(0);
  });
});
