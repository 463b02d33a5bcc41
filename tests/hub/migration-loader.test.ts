import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { FolderMigrationProvider, migrationFiles } from '../../src/hub/plugins/db.ts';

// A hub compiled to JavaScript finds its migrations: the loader reads .js as well as .ts.

const SOURCE = path.resolve('src/hub/migrations');
let dir: string | undefined;
let database: TestDatabase | undefined;

afterEach(async () => {
  await database?.destroy();
  database = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The migrations that import nothing but types, compiled to .js the way tsc would emit them. */
function compileFirstMigrations(count: number): string[] {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-migrations-'));
  const sources = migrationFiles(SOURCE).slice(0, count);
  for (const { name, file } of sources) {
    const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false } });
    fs.writeFileSync(path.join(dir, `${name}.js`), out.outputText);
    fs.writeFileSync(path.join(dir, `${name}.js.map`), '{}');
    fs.writeFileSync(path.join(dir, `${name}.d.ts`), 'export {};');
  }
  return sources.map((s) => s.name);
}

describe('the migration loader', () => {
  it('lists the source migrations in name order', () => {
    const names = migrationFiles(SOURCE).map((m) => m.name);
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(names[0]).toBe('001_core');
    expect([...names].sort()).toEqual(names);
    expect(migrationFiles(SOURCE).every((m) => m.file.endsWith('.ts'))).toBe(true);
  });

  it('lists compiled migrations, once each, and ignores maps, declarations and other files', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-migrations-'));
    for (const f of ['002_b.mjs', '001_a.js', '001_a.ts', '001_a.js.map', '001_a.d.ts', '003_c.ts', 'README.md', '4_bad.js', '004_d.cjs']) {
      fs.writeFileSync(path.join(dir, f), '');
    }
    expect(migrationFiles(dir).map((m) => path.basename(m.file))).toEqual(['001_a.js', '002_b.mjs', '003_c.ts', '004_d.cjs']);
  });

  for (const dialect of DIALECTS) {
    it(`migrates ${dialect} from compiled .js migrations`, async () => {
      const names = compileFirstMigrations(4);
      expect(fs.readdirSync(dir!).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
      database = await createTestDatabase(dialect, { migrate: false });
      const migrator = new Migrator({ db: database.db, provider: new FolderMigrationProvider(dir) });
      const { error, results } = await migrator.migrateToLatest();
      expect(error).toBeUndefined();
      expect(results?.map((r) => [r.migrationName, r.status])).toEqual(names.map((n) => [n, 'Success']));
      // The schema the compiled migrations created is there.
      await sql`INSERT INTO meta (key, value) VALUES ('probe', 'ok')`.execute(database.db);
      const row = await sql<{ value: string }>`SELECT value FROM meta WHERE key = 'probe'`.execute(database.db);
      expect(row.rows[0]?.value).toBe('ok');
    });
  }
});
