import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// package.json's `engines` is a promise: every package the lockfile installs runs on the
// oldest Node it admits (cookie@2 and content-disposition@3 asked for Node 22; overrides
// keep their Node 18+ versions, same API).

const semver = createRequire(import.meta.url)('semver') as { minVersion(r: string): { version: string } | null; satisfies(v: string, r: string): boolean };
const read = (f: string) => JSON.parse(fs.readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8')) as unknown;

describe('the declared Node range', () => {
  const declared = (read('package.json') as { engines: { node: string } }).engines.node;
  const oldest = semver.minVersion(declared)!.version;
  const packages = Object.entries((read('package-lock.json') as { packages: Record<string, { engines?: { node?: string } | string[]; version?: string }> }).packages);

  it('is read from package.json and the lockfile', () => {
    expect(oldest).toBe('20.19.0');
    expect(packages.length).toBeGreaterThan(300);
    expect(semver.satisfies(oldest, '>=22')).toBe(false);
  });

  it('is admitted by every locked package', () => {
    const refused = packages
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && p.engines.node && !semver.satisfies(oldest, p.engines.node))
      .map(([name, p]) => `${name}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
  });
});
