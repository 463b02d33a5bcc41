import { foldText } from '../text.ts';
import type { PortalLink } from './schema.ts';
import { CATALOGUE_TEXTS } from './texts/index.ts';

/** A folded search word → the link ids it means, best first (every kiosk language merged). */
export type SearchSynonyms = ReadonlyMap<string, readonly string[]>;

function buildSynonyms(): SearchSynonyms {
  const out = new Map<string, string[]>();
  for (const texts of Object.values(CATALOGUE_TEXTS)) {
    for (const [term, ids] of Object.entries(texts.synonyms)) {
      const key = foldText(term);
      const known = out.get(key) ?? [];
      out.set(key, [...known, ...ids.filter((id) => !known.includes(id))]);
    }
  }
  return out;
}

/** The default catalogue's synonyms (src/shared/portal/texts/*: `synonyms`). */
export const DEFAULT_SYNONYMS: SearchSynonyms = buildSynonyms();

// Words shorter than this match only at the start of a word: "RSA" must not find "CARSAT",
// "APL" must not find "application".
const SHORT_WORD = 4;

function haystack(link: PortalLink): string {
  const parts = [link.name, link.description ?? '', ...(link.keywords ?? []), new URL(link.url).hostname];
  for (const t of Object.values(link.i18n ?? {})) parts.push(t?.name ?? '', t?.description ?? '');
  return foldText(parts.join(' \u0001 '));
}

function tokens(s: string): string[] {
  return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function matchesWord(text: string, words: string[], word: string): boolean {
  if (word.length >= SHORT_WORD) return text.includes(word);
  return words.some((w) => w.startsWith(word));
}

/** Link ids a query means through the synonyms: the query is a synonym, or the start of one (3 letters at least). */
function synonymIds(q: string, synonyms: SearchSynonyms): string[] {
  const out: string[] = [];
  const add = (ids: readonly string[]) => ids.forEach((id) => !out.includes(id) && out.push(id));
  const exact = synonyms.get(q);
  if (exact) add(exact);
  if (q.length >= 3) for (const [term, ids] of synonyms) if (term !== q && term.startsWith(q)) add(ids);
  return out;
}

/**
 * Links matching every word of `query` (accents and case folded; any language's texts),
 * best first: the sites the query means through the synonyms (mutuelle → Complémentaire santé
 * solidaire, ameli), then a name that starts with the query, then a name that contains it, then
 * the rest. The input order (pinned first) is kept within each rank.
 */
export function searchLinks(links: PortalLink[], query: string, synonyms: SearchSynonyms = DEFAULT_SYNONYMS): PortalLink[] {
  const q = foldText(query);
  if (!q) return links;
  const queryWords = tokens(q);
  if (queryWords.length === 0) return [];
  const meant = synonymIds(q, synonyms);
  const ranked: { link: PortalLink; rank: number; i: number }[] = [];
  links.forEach((link, i) => {
    const s = meant.indexOf(link.id);
    if (s >= 0) {
      ranked.push({ link, rank: -meant.length + s, i });
      return;
    }
    const text = haystack(link);
    const words = tokens(text);
    if (!queryWords.every((w) => matchesWord(text, words, w))) return;
    const names = [link.name, ...Object.values(link.i18n ?? {}).map((t) => t?.name ?? '')].map(foldText);
    const rank = names.some((n) => n.startsWith(q)) ? 0 : names.some((n) => n.includes(q)) ? 1 : 2;
    ranked.push({ link, rank, i });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.i - b.i).map((r) => r.link);
}
