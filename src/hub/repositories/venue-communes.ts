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
let postcodesByCode: Map<string, string[]> | undefined;

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
  postcodesByCode = new Map();
  for (const c of communes) {
    if (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal') postcodesByCode.set(c.code, c.codesPostaux ?? []);
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

/**
 * Whether `codePostal` is a postcode of the commune: of its INSEE code when given, else of a
 * commune of that name (arrondissement suffixes ignored). Used before accepting a postcode
 * whose lost leading zero was put back ("1300" + Marseille is not "01300", Belley).
 */
export function postcodeBelongs(codePostal: string, commune: string, codeInsee?: string): boolean {
  load();
  if (codeInsee) {
    const list = postcodesByCode!.get(codeInsee);
    if (list) return list.includes(codePostal);
  }
  const candidates = byPostcode!.get(codePostal) ?? [];
  const key = nameKey(commune.replace(/\s+\d+(e|er|eme)?\s*(arrondissement)?$/i, ''));
  return candidates.some((c) => c.key === key);
}
