import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No module of src/ reaches itself again through its imports, static or lazy (`import()`):
// a cycle makes the load order decide what a module sees, and ties chunks together.

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const IMPORT = /(?:^|\s)(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) return sources(abs);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [abs] : [];
  });
}

export function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)]
      .map((m) => path.resolve(path.dirname(file), (m[1] ?? m[2])!))
      .filter((t) => known.has(t));
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components of more than one module, or a module importing itself (Tarjan). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.map((f) => path.relative(SRC, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe('import cycles in src/', () => {
  it('finds a cycle through a lazy import, and none through a type-only import', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(SRC), '..', '.cycle-'));
    try {
      const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
      write('routes.tsx', "export const Home = () => import('./home.tsx');\nexport const PATHS = { home: '/' };\n");
      write('home.tsx', "import { PATHS } from './routes.tsx';\nexport default PATHS;\n");
      write('typed.ts', "import type { X } from './other.ts';\nexport const y = 1;\n");
      write('other.ts', "import { y } from './typed.ts';\nexport type X = typeof y;\n");
      const graph = importGraph(sources(dir));
      expect(cycles(graph).map((c) => c.map((f) => path.basename(f)).sort())).toEqual([['home.tsx', 'routes.tsx']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has none but the sync engine\'s lazy facade', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(200);
    // request.ts loads engine.ts on first use and engine.ts registers its handler there: the
    // one tolerated pair, until the engine becomes an instance created with its dependencies.
    const tolerated = [['app/features/sync/engine.ts', 'app/features/sync/request.ts']];
    expect(cycles(importGraph(files))).toEqual(tolerated);
  });
});
