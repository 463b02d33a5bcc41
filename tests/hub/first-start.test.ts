import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INITIAL_PASSWORD_FILE, adminPasswordLines } from '../../src/hub/first-start.ts';
import type { SeedResult } from '../../src/hub/seed/index.ts';
import { DIALECTS, createTestDatabase } from '../helpers/db.ts';

// Issue #12: the first-start admin password is printed once on a terminal and never written
// to the JSON log stream. The hub is started for real with stdout on a pipe (as under systemd
// or Docker): no output line holds the password, it is in DATA_DIR/initial-admin-password.txt
// (mode 0600), and it logs in.

interface Started {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

function startHubProcess(env: Record<string, string>): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/hub/cli.ts', 'start'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KARIOLE_DIST: '/nonexistent-dist', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const stop = async () => {
      child.kill('SIGTERM');
      await exited;
    };
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`hub did not start:\n${out}`));
    }, 90_000);
    const onData = (b: Buffer) => {
      out += b.toString('utf8');
      const m = /Kariole hub is running at (http:\/\/\S+)/.exec(out);
      if (m && out.includes('Enrol a tablet')) {
        clearTimeout(timer);
        resolve({ url: m[1]!, output: () => out, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited (${code}):\n${out}`));
    });
  });
}

describe.each(DIALECTS)('first-start admin password on %s', (dialect) => {
  it('stdout not a terminal: no output line holds the password; a 0600 file in DATA_DIR does, and it logs in', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-first-start-'));
    const db = dialect === 'postgres' ? await createTestDatabase('postgres', { migrate: false }) : undefined;
    const hub = await startHubProcess({ DATA_DIR: dataDir, DATABASE_URL: db?.url ?? '' });
    try {
      const file = path.join(dataDir, INITIAL_PASSWORD_FILE);
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const text = fs.readFileSync(file, 'utf8');
      const email = /e-mail:\s+(\S+)/.exec(text)![1]!;
      const password = /password:\s+(\S+)/.exec(text)![1]!;
      expect(password).toMatch(/^[A-Za-z0-9]{16}$/);

      const res = await fetch(`${hub.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      expect(res.status).toBe(204);

      const output = hub.output();
      const lines = output.split('\n');
      expect(lines.some((l) => l.startsWith('{'))).toBe(true); // the JSON log stream is there…
      expect(output).not.toContain(password); // …and neither it nor the banner holds the password
      expect(output).toContain(`written to ${file}`);
    } finally {
      await hub.stop();
      await db?.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('first-start admin password on a terminal', () => {
  const seed = { adminEmail: 'admin@kariole.local', adminPassword: 'Abcdefgh23456789' } as SeedResult;

  it('is printed once and no file is written', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-first-tty-'));
    try {
      expect(adminPasswordLines(seed, { isTTY: true, dataDir }).join('\n')).toContain('Abcdefgh23456789');
      expect(fs.existsSync(path.join(dataDir, INITIAL_PASSWORD_FILE))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a file left by an earlier start is replaced (never appended to), still 0600', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-first-again-'));
    try {
      const file = path.join(dataDir, INITIAL_PASSWORD_FILE);
      fs.writeFileSync(file, 'old secret\n', { mode: 0o644 });
      const lines = adminPasswordLines(seed, { isTTY: false, dataDir });
      expect(lines.join('\n')).not.toContain('Abcdefgh23456789');
      expect(fs.readFileSync(file, 'utf8')).not.toContain('old secret');
      expect(fs.readFileSync(file, 'utf8')).toContain('Abcdefgh23456789');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
