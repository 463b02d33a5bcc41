import { foldText } from '../text.ts';
import { GLOSSARY_IDS, type GlossaryId } from './checklist-keys.ts';
import type { PortalLanguage } from './schema.ts';
import { CATALOGUE_TEXTS } from './texts/index.ts';

export interface GlossaryEntry {
  id: GlossaryId;
  term: string;
  text: string;
  /** the French word, shown beside a translation: it is the word the sites use */
  frenchTerm: string;
  lang: PortalLanguage;
}

function asLang(lang: string): PortalLanguage {
  const base = lang.split('-')[0] as PortalLanguage;
  return base in CATALOGUE_TEXTS ? base : 'fr';
}

/** The glossary in `lang` (French where a language lacks an entry), filtered by `query` in either language. */
export function glossaryEntries(lang: string, query = ''): GlossaryEntry[] {
  const l = asLang(lang);
  const q = foldText(query);
  return GLOSSARY_IDS.map((id) => {
    const own = CATALOGUE_TEXTS[l].glossary[id];
    const fr = CATALOGUE_TEXTS.fr.glossary[id];
    return { id, term: (own ?? fr).term, text: (own ?? fr).text, frenchTerm: fr.term, lang: own ? l : 'fr' };
  }).filter((e) => !q || foldText(`${e.term} ${e.frenchTerm} ${e.text}`).includes(q));
}
