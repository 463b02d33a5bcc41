import MiniSearch from 'minisearch';
import { foldText } from '../../../../shared/text.ts';
import { SERVICES } from '../../../../shared/venues/fields.ts';
import type { Venue } from '../../../../shared/venues/schema.ts';

// Full-text search of the places: name, commune, postcode (MiniSearch: prefixes, small typos,
// accents folded) and services. Services are nine fixed labels shared by thousands of places,
// so they are matched through precomputed lists instead of being scored place by place: that
// keeps every keystroke within a frame on a national-size directory.

type Doc = Pick<Venue, 'id' | 'nom' | 'commune' | 'code_postal'>;

/** Words that carry no meaning in a search ("aide aux démarches"). */
const STOPWORDS = new Set(['a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'pour', 'sur', 'un', 'une', 'via', 'avec']);
const SPLIT = /[\s\-'’,.;:/()|«»"]+/u;
const SERVICE_SCORE = 1;

/** Folded words of a text, without stopwords. */
export function searchTerms(text: string): string[] {
  return foldText(text)
    .split(SPLIT)
    .filter((t) => t && !STOPWORDS.has(t));
}

function makeIndex(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({
    fields: ['nom', 'commune', 'code_postal'],
    storeFields: [],
    processTerm: (term) => {
      const f = foldText(term);
      return f && !STOPWORDS.has(f) ? f : null;
    },
    tokenize: (text) => text.split(SPLIT),
  });
}

const SERVICE_WORDS = SERVICES.map((s) => ({ label: s, words: searchTerms(s) }));


export class VenueSearchIndex {
  private index = makeIndex();
  private ids: string[] = [];
  /** bit i set when the place offers SERVICES[i] */
  private serviceMask = new Map<string, number>();
  private ready = false;
  /**
   * Each word's matches, for the index as built: typing "centre social roubaix" searches
   * "centre" and "social" once, not again at every later keystroke (a word's matches depend
   * only on the word and the index). Kept small; emptied when the index is rebuilt.
   */
  private termCache = new Map<string, { scores: Map<string, number>; mask: number; hits: { id: unknown; score: number }[] }>();

  /** Adds the places in slices of `chunkSize`, yielding to the page between slices. */
  async build(venues: Venue[], chunkSize = 500): Promise<void> {
    const index = makeIndex();
    const docs: Doc[] = venues.map((v) => ({ id: v.id, nom: v.nom, commune: v.commune, code_postal: v.code_postal }));
    const masks = new Map<string, number>();
    for (const v of venues) {
      let m = 0;
      for (const s of v.services) {
        const i = SERVICES.indexOf(s as (typeof SERVICES)[number]);
        if (i >= 0) m |= 1 << i;
      }
      masks.set(v.id, m);
    }
    await index.addAllAsync(docs, { chunkSize });
    this.index = index;
    this.ids = docs.map((d) => d.id);
    this.serviceMask = masks;
    this.termCache.clear();
    this.ready = true;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /**
   * Ids of the places matching every word of the query, best first. The word being typed
   * counts from three letters, earlier words from two; undefined when no word counts yet
   * (the list then shows every place).
   */
  search(query: string): { id: string; score: number }[] | undefined {
    const all = searchTerms(query);
    const typing = !/[\s,;]$/.test(query);
    const terms = all.filter((t, i) => t.length >= (typing && i === all.length - 1 ? 3 : 2));
    if (terms.length === 0) return undefined;
    const perTerm = terms.map((term) => {
      const cached = this.termCache.get(term);
      if (cached) return cached;
      const numeric = /^\d+$/.test(term);
      const scores = new Map<string, number>();
      const options = { prefix: term.length >= 3, weights: { fuzzy: 0.3, prefix: 0.6 }, boost: { nom: 3, commune: 2 } };
      let hits = this.index.search(term, options);
      let mask = 0;
      if (!numeric) SERVICE_WORDS.forEach((s, i) => s.words.some((w) => w.startsWith(term)) && (mask |= 1 << i));
      // Typos are tolerated only when the word matches nothing as typed: fuzzy search is the costly part.
      if (hits.length === 0 && mask === 0 && !numeric && term.length >= 4) {
        hits = this.index.search(term, { ...options, fuzzy: term.length < 6 ? 1 : 0.2 });
      }
      for (const h of hits) scores.set(String(h.id), h.score);
      const result = { scores, mask, hits };
      if (this.termCache.size >= 64) this.termCache.delete(this.termCache.keys().next().value!);
      this.termCache.set(term, result);
      return result;
    });
    if (perTerm.length === 1) {
      // One word (the usual case while typing): name hits as MiniSearch ranked them, then places offering a matching service.
      const { hits, mask } = perTerm[0]!;
      const out = hits.map((h) => ({ id: String(h.id), score: h.score }));
      if (mask) {
        const seen = perTerm[0]!.scores;
        for (const id of this.ids) if (!seen.has(id) && (this.serviceMask.get(id) ?? 0) & mask) out.push({ id, score: SERVICE_SCORE });
      }
      return out;
    }
    // Start from the smallest set a word can match: its name hits when it names no service.
    const seed = perTerm.filter((p) => p.mask === 0).sort((a, b) => a.scores.size - b.scores.size)[0];
    const candidates: Iterable<string> = seed ? seed.scores.keys() : this.ids;
    const out: { id: string; score: number }[] = [];
    for (const id of candidates) {
      let total = 0;
      let ok = true;
      for (const p of perTerm) {
        const s = p.scores.get(id);
        if (s !== undefined) total += s;
        else if ((this.serviceMask.get(id) ?? 0) & p.mask) total += SERVICE_SCORE;
        else {
          ok = false;
          break;
        }
      }
      if (ok) out.push({ id, score: total });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
