// Measures the JavaScript the first screen needs: the entry module of dist/index.html and
// every chunk it imports statically (transitively), gzipped. Lazy chunks are not counted.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function firstScreenJs(dist = 'dist'): { firstFiles: string[]; firstKB: number; allKB: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('No module entry script in dist/index.html');
  const seen = new Set<string>();
  const queue: string[] = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"` (not `import("./x.js")`).
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      const spec = m[1]!;
      const resolved = spec.startsWith('./') ? join(file.split('/').slice(0, -1).join('/'), spec.slice(2)) : spec.replace(/^\//, '');
      queue.push(resolved);
    }
  }
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  const firstFiles = [...seen];
  const firstKB = firstFiles.reduce((s, f) => s + gz(f), 0) / 1024;
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const allKB = all.reduce((s, f) => s + gz(f), 0) / 1024;
  return { firstFiles, firstKB, allKB };
}
