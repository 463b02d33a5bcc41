import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import type { ImportReport } from '../../src/hub/repositories/venue-import.ts';
import { aPlace, csvOf } from './venues-helpers.ts';

// Issue 13: `import-venues FILE --json | jq` got 128 KiB of a 970 KB report (process.exit ran
// before stdout drained into the pipe). The CLI is spawned for real and its stdout read
// through a pipe; a report of more than 5 MB must arrive whole and parse.

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/hub/cli.ts', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

describe.each(DIALECTS)('import-venues report through a pipe on %s', (dialect) => {
  let database: TestDatabase | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await database?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a report of more than 5 MB whole, and the same report to --report FILE', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-cli-'));
    const env: Record<string, string> = { DATA_DIR: dir };
    if (dialect === 'postgres') {
      database = await createTestDatabase('postgres');
      env.DATABASE_URL = database.url!;
    }
    // 12,000 rows refused for three reasons each (long messages), 20 good ones.
    const bad = Array.from({ length: 12_000 }, (_, i) =>
      aPlace({ id: `bad-${i}`, pivot: `pivot invalide n° ${i} ${'x'.repeat(60)}`, code_postal: `CP-${i}-${'y'.repeat(40)}`, date_maj: `le ${i} du mois ${'z'.repeat(40)}` }),
    );
    const good = Array.from({ length: 20 }, (_, i) => aPlace({ id: `good-${i}`, pivot: String(50000000000000 + i), nom: `Bon lieu ${i}`, adresse: `${i} rue Bonne` }));
    const file = path.join(dir, 'lieux.csv');
    fs.writeFileSync(file, csvOf([...good, ...bad]));
    const reportFile = path.join(dir, 'rapport.json');

    const res = await runCli(['import-venues', file, '--source', 'pipe-test', '--json', '--full', '--report', reportFile], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(Buffer.byteLength(res.stdout)).toBeGreaterThan(5 * 1024 * 1024);
    const report = JSON.parse(res.stdout) as ImportReport;
    expect(report).toMatchObject({ total: 12_020, imported: 20 });
    expect(report.rejected).toHaveLength(12_000);
    expect(report.rejected.at(-1)).toMatchObject({ row: 12_021, id: 'bad-11999' });
    expect(report.sources['pipe-test']).toEqual({ total: 12_020, imported: 20, updated: 0, unchanged: 0, rejected: 12_000, linked: 0 });
    expect(JSON.parse(fs.readFileSync(reportFile, 'utf8'))).toEqual(report);
  }, 120_000);
});
