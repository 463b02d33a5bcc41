import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { buildCommuneIndex } from '../src/shared/communes/build-index.ts';

/**
 * `virtual:kariole-communes`: the official list of communes (arrondissements included) as the
 * compact text index of src/shared/communes/search.ts, generated from @etalab/decoupage-administratif
 * at build time. The app imports it lazily (its own chunk, precached for offline use); the unit
 * tests (vitest.config.ts) resolve it the same way.
 */
export function communesIndex(): Plugin {
  const id = 'virtual:kariole-communes';
  return {
    name: 'kariole-communes-index',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const file = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof buildCommuneIndex>[0];
      return `export default ${JSON.stringify(buildCommuneIndex(raw))};`;
    },
  };
}
