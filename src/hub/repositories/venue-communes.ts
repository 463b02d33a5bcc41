import { createRequire } from 'node:module';
import { foldText } from '../../shared/text.ts';

// INSEE codes of communes from their postcode and name (@etalab/decoupage-administratif),
// to fill `code_insee` when a file lacks it. Loaded once, on the first import that needs it.

interface CommuneEntry {
  code: string;
  nom: string;
  type: string;
  codesPostaux?: string[];
}

let byPostcode: Map<string, { code: string; key: string }[]> | undefined;

const nameKey = (s: string) =>
  foldText(s)
    .replace(/[-']/g, ' ')
    .replace(/\bst(e?)\b/g, 'saint$1')
    .replace(/\s+/g, ' ')
    .trim();

function load(): Map<string, { code: string; key: string }[]> {
  if (byPostcode) return byPostcode;
  const require = createRequire(import.meta.url);
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as CommuneEntry[];
  byPostcode = new Map();
  for (const c of communes) {
    if (c.type !== 'commune-actuelle') continue;
    for (const cp of c.codesPostaux ?? []) {
      const list = byPostcode.get(cp) ?? [];
      list.push({ code: c.code, key: nameKey(c.nom) });
      byPostcode.set(cp, list);
    }
  }
  return byPostcode;
}

/** The INSEE code of the commune named `commune` at `codePostal`; the only one when the name does not match. */
export function inseeOf(codePostal: string, commune: string): string | undefined {
  const candidates = load().get(codePostal);
  if (!candidates?.length) return undefined;
  const key = nameKey(commune.replace(/\s+\d+(e|er|eme)?\s*(arrondissement)?$/i, ''));
  const exact = candidates.find((c) => c.key === key);
  if (exact) return exact.code;
  return candidates.length === 1 ? candidates[0]!.code : undefined;
}
