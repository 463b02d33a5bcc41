import { foldText } from '../text.ts';

// The official list of French communes (arrondissements of Paris, Lyon and Marseille
// included) as a compact text index built at build time (vite plugin `communesIndex`, from
// @etalab/decoupage-administratif), and the search over it: postcode first when digits are
// typed, "st"/"ste" read as "saint"/"sainte", accents, hyphens and apostrophes ignored, the
// structure's territory ranked first.

export interface IndexedCommune {
  insee: string;
  name: string;
  postcodes: string[];
  departement: string;
  /** an arrondissement municipal (Paris, Lyon, Marseille): listed before its commune for its postcode */
  arrondissement: boolean;
  /** folded name, words separated by one space */
  key: string;
}

/** Folds a name or a query: lower case, no accents, `-`/`'` as spaces, st/ste → saint/sainte. */
export function communeKey(s: string): string {
  return foldText(s)
    .replace(/[-'’.,/()]/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\s+/g, ' ')
    .trim();
}

function departementOfInsee(insee: string): string {
  return insee.startsWith('97') || insee.startsWith('98') ? insee.slice(0, 3) : insee.slice(0, 2);
}

/**
 * The index text: one commune a line, `insee<TAB>name<TAB>postcodes joined by ,<TAB>a` (the
 * last field `a` for an arrondissement municipal, empty otherwise); a postcode of three digits
 * starts with the first two characters of the INSEE code.
 */
export function parseCommuneIndex(text: string): IndexedCommune[] {
  const out: IndexedCommune[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [insee, name, postcodes, kind] = line.split('\t');
    if (!insee || !name) continue;
    out.push({ insee, name, postcodes: postcodes ? postcodes.split(',').map((p) => (p.length === 3 ? insee.slice(0, 2) + p : p)) : [], departement: departementOfInsee(insee), arrondissement: kind === 'a', key: communeKey(name) });
  }
  return out;
}

export interface CommuneSearchOptions {
  /** départements of the structure: their communes come first */
  territory?: readonly string[];
  limit?: number;
}

/** How well a commune matches: 0 exact, 1 name starts with the query, 2 every word starts a word, 3 contained; -1 no match. */
function nameMatch(key: string, q: string, words: string[]): number {
  if (key === q) return 0;
  if (key.startsWith(q)) return 1;
  const keyWords = key.split(' ');
  if (words.every((w) => keyWords.some((k) => k.startsWith(w)))) return 2;
  return key.includes(q) ? 3 : -1;
}

/** Communes matching `query` (name, postcode or INSEE code), best first. Empty query: none. */
export function searchCommuneIndex(index: readonly IndexedCommune[], query: string, opts: CommuneSearchOptions = {}): IndexedCommune[] {
  const q = communeKey(query);
  const limit = opts.limit ?? 10;
  if (!q) return [];
  const territory = new Set(opts.territory ?? []);
  const digits = /^\d{1,5}$/.test(q.replace(/\s/g, '')) ? q.replace(/\s/g, '') : undefined;
  const inseeQuery = /^[0-9][0-9ab]\d{3}$/.test(q) ? q.toUpperCase() : undefined;
  const words = q.split(' ');
  const hits: { c: IndexedCommune; rank: number; order: number }[] = [];
  for (const c of index) {
    let rank: number;
    if (digits) {
      // Postcode first: exact postcode, then postcodes starting with the digits, then the INSEE code.
      if (c.postcodes.includes(digits)) rank = 0;
      else if (c.postcodes.some((p) => p.startsWith(digits))) rank = 1;
      else if (c.insee === digits) rank = 2;
      else continue;
    } else {
      rank = inseeQuery && c.insee === inseeQuery ? 0 : nameMatch(c.key, q, words);
      if (rank < 0) continue;
    }
    // Within a rank: an arrondissement before its whole commune, fewer postcodes (more precise) first.
    const order = (c.arrondissement ? 0 : 1) * 1000 + Math.min(c.postcodes.length, 999);
    hits.push({ c, rank: (territory.size && !territory.has(c.departement) ? 10 : 0) + rank, order });
  }
  hits.sort((a, b) => a.rank - b.rank || (digits ? a.order - b.order : 0) || a.c.key.length - b.c.key.length || a.c.key.localeCompare(b.c.key) || a.c.insee.localeCompare(b.c.insee));
  return hits.slice(0, limit).map((h) => h.c);
}
