// Builds the bench's browser pages (bench/browser/*.html) with Vite into bench/.cache/pages:
// they import the app's own modules (IndexedDB code, sync client, search), so the browser
// figures measure the product's code in a real Chromium, served by the real hub.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { CACHE, ROOT } from './context.ts';

export const PAGES_DIR = path.join(CACHE, 'pages');

let built: Promise<string> | undefined;

/** Builds the pages once per bench run; returns their folder (a hub serves it as its app). */
export function buildBenchPages(): Promise<string> {
  built ??= (async () => {
    const root = path.join(ROOT, 'bench', 'browser');
    const input = Object.fromEntries(fs.readdirSync(root).filter((f) => f.endsWith('.html')).map((f) => [f.replace(/\.html$/, ''), path.join(root, f)]));
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      plugins: [preact()],
      define: { __BUILD_ID__: JSON.stringify('bench') },
      build: { outDir: PAGES_DIR, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false, rollupOptions: { input } },
    });
    return PAGES_DIR;
  })();
  return built;
}
