import { afterEach, describe, expect, it } from 'vitest';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { migrateToLatest } from '../../src/hub/plugins/db.ts';
import { getVenue, pullVenues } from '../../src/hub/repositories/venues.ts';
import { importVenues } from '../../src/hub/repositories/venue-import.ts';
import { Readable } from 'node:stream';

// Migration 009: places stored before sources existed keep their hub id (devices and
// records reference it), get a source, and duplicates across sources are linked.
const dir = path.resolve('src/hub/migrations');
const names = fs.readdirSync(dir).filter((f) => /^\d{3}_[\w-]+\.ts$/.test(f)).sort().map((f) => f.replace(/\.ts$/, ''));
const provider: MigrationProvider = {
  async getMigrations() {
    const out: Record<string, Migration> = {};
    for (const n of names) out[n] = (await import(pathToFileURL(path.join(dir, `${n}.ts`)).href)) as Migration;
    return out;
  },
};

const legacy = (id: string, seq: number, o: Record<string, unknown>) => {
  const v = { id, pivot: '00000000000000', nom: 'Lieu', commune: 'Marseille', code_postal: '13001', adresse: '1 rue A', date_maj: '2024-01-01', departement: '13', ...o };
  const now = new Date().toISOString();
  return { id, departement: '13', previous_departement: null, nom: v.nom, commune: v.commune, code_postal: v.code_postal, code_insee: null, search_text: 'x', data: JSON.stringify(v), content_hash: `h${id}`, seq, deleted: 0, created_at: now, updated_at: now };
};

describe.each(DIALECTS)('migration 009 (venue sources) on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.destroy());

  it('keeps the ids of places already on the hub, gives them a source, and links duplicates across sources', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const db = database.db;
    const before = names.filter((n) => n < '009').at(-1)!;
    expect((await new Migrator({ db, provider }).migrateTo(before)).error).toBeUndefined();
    // The table as it was before 009 (no source columns).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const before009 = db as unknown as Kysely<any>;
    await before009.insertInto('venues').values([
      legacy('1', 1, { source: 'dora', nom: 'Médiathèque', pivot: '21130055300016' }),
      legacy('2', 2, { nom: 'Sans source', adresse: '2 rue B' }),
      legacy('fs-9', 3, { source: 'france-services', nom: 'France Services', pivot: '21130055300016' }),
    ]).execute();
    await db.updateTable('venue_counter').set({ value: 3 }).where('id', '=', 1).execute();

    await migrateToLatest(db);

    const rows = await db.selectFrom('venues').select(['id', 'source', 'source_id', 'linked_to', 'seq']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.source, r.source_id, r.linked_to])).toEqual([
      ['1', 'dora', '1', null],
      ['2', 'inconnue', '2', null],
      ['fs-9', 'france-services', 'fs-9', '1'],
    ]);
    // The duplicate took a new change number: a device that had it gets its deletion.
    const page = await pullVenues(db, { departements: ['13'], since: 3, limit: 10 });
    expect(page.deleted).toEqual(['fs-9']);
    expect((await getVenue(db, '1'))?.nom).toBe('Médiathèque');

    // A later import of the same source updates the same place, under the same hub id.
    const file = JSON.stringify([{ id: '1', source: 'dora', pivot: '21130055300016', nom: 'Médiathèque rénovée', commune: 'Marseille', code_postal: '13001', adresse: '1 rue A', date_maj: '2024-02-01' }]);
    const report = await importVenues(db, Readable.from([file]));
    expect(report).toMatchObject({ imported: 0, updated: 1 });
    expect((await getVenue(db, '1'))?.nom).toBe('Médiathèque rénovée');
  });
});
