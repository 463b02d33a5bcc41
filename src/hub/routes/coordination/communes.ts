import { createRequire } from 'node:module';

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  codesPostaux?: string[];
}

let byInsee: Map<string, { name: string; postcode: string }> | undefined;

/** Name and first postcode of a commune by INSEE code (the national list, read once). */
export function communeInfo(insee: string | undefined | null): { name: string; postcode: string } | undefined {
  if (!insee) return undefined;
  if (!byInsee) {
    const require = createRequire(import.meta.url);
    const all = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
    byInsee = new Map();
    for (const c of all) {
      if (c.type !== 'commune-actuelle' && byInsee.has(c.code)) continue;
      byInsee.set(c.code, { name: c.nom, postcode: c.codesPostaux?.[0] ?? '' });
    }
  }
  return byInsee.get(insee);
}
