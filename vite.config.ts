import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';
import { communesIndex } from './scripts/communes-plugin.ts';

// The top-level manifest.webmanifest is the source; the build copies it into dist.
const manifest = JSON.parse(readFileSync(new URL('./manifest.webmanifest', import.meta.url), 'utf8')) as Partial<ManifestOptions>;

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, once the
 * service worker is written too; the hub sends them to browsers that accept them (a phone on
 * 3G downloads a third of the bytes, and the hub spends no CPU compressing).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'kariole-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).map((name) => path.join(outDir, name));
        for (const file of files.filter((f) => COMPRESSIBLE.test(f) && statSync(f).isFile())) {
          const raw = readFileSync(file);
          if (raw.length < 1024) continue;
          const br = brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } });
          if (br.length < raw.length * 0.9) writeFileSync(`${file}.br`, br);
          const gz = gzipSync(raw, { level: 9 });
          if (gz.length < raw.length * 0.9) writeFileSync(`${file}.gz`, gz);
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [
    communesIndex(),
    preact(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      manifest,
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
        // A classic worker script (no import.meta, no module preload helper): the sync code it
        // runs has lazy imports for the pages' sake, inlined here.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,woff2}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
    precompress(),
  ],
  define: {
    // Changes on every build: lets tests and the update banner tell two deployments apart.
    __BUILD_ID__: JSON.stringify(process.env.KARIOLE_BUILD_ID ?? new Date().toISOString()),
    // Test-only hooks (src/app/test-hooks.ts) exist in the build only when this is set.
    __KARIOLE_TEST_HOOKS__: JSON.stringify(process.env.KARIOLE_TEST_HOOKS === '1'),
  },
  build: {
    outDir: process.env.KARIOLE_DIST ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
