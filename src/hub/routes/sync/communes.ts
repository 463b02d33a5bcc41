import { createRequire } from 'node:module';
import type { Commune } from '../../../shared/protocol/settings.ts';

interface RawCommune {
  code: string;
  nom: string;
  departement?: string;
  type: string;
  codesPostaux?: string[];
}

let byDepartement: Map<string, Commune[]> | undefined;

// The national list (37,000 rows) is read once, on the first settings request.
function index(): Map<string, Commune[]> {
  if (byDepartement) return byDepartement;
  const require = createRequire(import.meta.url);
  const all = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  byDepartement = new Map();
  for (const c of all) {
    if (c.type !== 'commune-actuelle' || !c.departement) continue;
    const list = byDepartement.get(c.departement) ?? [];
    list.push({ insee: c.code, name: c.nom, postcodes: c.codesPostaux ?? [] });
    byDepartement.set(c.departement, list);
  }
  return byDepartement;
}

const byTerritory = new Map<string, Commune[]>();

/** The current communes of these départements (INSEE code, name, postcodes), by name; kept per territory. */
export function communesOf(departements: readonly string[]): Commune[] {
  const key = [...departements].sort().join(',');
  let list = byTerritory.get(key);
  if (!list) {
    const idx = index();
    list = departements.flatMap((d) => idx.get(d) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    if (byTerritory.size > 200) byTerritory.clear();
    byTerritory.set(key, list);
  }
  return list;
}
