import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The repository stands on its own: a clone in any folder, with nothing beside it, builds,
// tests and benchmarks. No file may read the product inputs that lived next to the first
// checkout, nor a path of the machine it was written on.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const SCANNED = ['src', 'tests', 'bench', 'scripts', 'docs', '.ci', 'README.md', 'package.json', 'vite.config.ts', 'vitest.config.ts', 'index.html'];
const TEXT = /\.(ts|tsx|mts|mjs|js|json|md|html|css|sh)$|(^|\/)run$/;

// Built from pieces so this file does not match itself.
const SHARED = ['shared', 'docs'].join('/') + '|' + ['shared', 'data'].join('/');
const FORBIDDEN: [string, RegExp][] = [
  ['the shared folder beside the checkout', new RegExp(`(\\.\\./)+(${SHARED})|['"]\\.\\.['"],\\s*['"]shared['"]`)],
  ['its product inputs', new RegExp(`(^|[\\s'"\`(])(${SHARED})/`)],
  ['an absolute path of a machine', /['"`(\s](\/work|\/home|\/Users|\/root|C:\\\\)\/?[\w.-]*\//],
];

function* files(rel: string): Generator<string> {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return;
  if (fs.statSync(abs).isFile()) {
    if (abs !== SELF) yield rel;
    return;
  }
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'results') continue;
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) yield* files(child);
    else if (TEXT.test(entry.name) && path.join(ROOT, child) !== SELF) yield child;
  }
}

describe('the repository stands on its own', () => {
  it('scans the sources, tests, benches, scripts and docs', () => {
    const all = SCANNED.flatMap((r) => [...files(r)]);
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContain(path.join('tests', 'hub', 'venues-helpers.ts'));
  });

  it('recognises each forbidden reference', () => {
    const samples = [`'${'/wo' + 'rk'}/shared/data/lieux/x.csv'`, `"../${'sha' + 'red'}/docs/protocol.md"`, `path.join(ROOT, '..', 'shared')`, `see ${'sha' + 'red'}/docs/quality.md`, `'${'/ho' + 'me'}/me/kariole/x'`];
    for (const s of samples) expect(FORBIDDEN.some(([, re]) => re.test(s)), s).toBe(true);
    // Legitimate: the isomorphic code of src/shared, imported relatively.
    for (const s of [`from '../../shared/protocol/push.ts'`, `src/shared/activity/README.md`, `'./shared/stats'`]) {
      expect(FORBIDDEN.some(([, re]) => re.test(s)), s).toBe(false);
    }
  });

  it('has no file pointing outside itself', () => {
    const offences: string[] = [];
    for (const rel of SCANNED.flatMap((r) => [...files(r)])) {
      const lines = fs.readFileSync(path.join(ROOT, rel), 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [what, re] of FORBIDDEN) if (re.test(line)) offences.push(`${rel}:${i + 1} points at ${what}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(offences).toEqual([]);
  });

  it('holds the fixtures and the contracts the tests read', () => {
    for (const f of ['tests/fixtures/exemple-valide-v1.0.2.csv', 'data-demo/hub-du-sud-2023-05-17.json', 'docs/protocol.md', 'docs/portal-catalogue.md', 'docs/taxonomy.md']) {
      expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
    }
  });
});
