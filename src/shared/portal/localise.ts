import { linkInCategory } from './categories.ts';
import type { PortalCatalogue, PortalCategory, PortalLink, PortalLanguage } from './schema.ts';

export interface LocalisedLink {
  name: string;
  description: string | undefined;
  checklist: string[];
  /** the language the description is actually in (French when not translated) */
  textLang: string;
}

function asLang(lang: string): PortalLanguage {
  return lang.split('-')[0] as PortalLanguage;
}

/** A link's texts in `lang`, falling back field by field to the French source. */
export function localiseLink(link: PortalLink, lang: string): LocalisedLink {
  const t = link.i18n?.[asLang(lang)];
  return {
    name: t?.name ?? link.name,
    description: t?.description ?? link.description,
    checklist: t?.checklist ?? link.checklist ?? [],
    textLang: t?.description ? asLang(lang) : 'fr',
  };
}

export function categoryName(category: PortalCategory, lang: string): string {
  return category.i18n?.[asLang(lang)]?.name ?? category.name;
}

/** Links a screen may show: the kiosk never shows tools for professionals (Aidants Connect). */
export function visibleLinks(catalogue: PortalCatalogue, audience: 'kiosk' | 'mediator'): PortalLink[] {
  return catalogue.links
    .filter((l) => !l.hidden && (audience === 'mediator' || l.audience === 'public'))
    .sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned) || (a.order ?? 0) - (b.order ?? 0));
}

/** Categories that hold at least one of `links`, in catalogue order. */
export function usedCategories(catalogue: PortalCatalogue, links: PortalLink[]): PortalCategory[] {
  return catalogue.categories.filter((c) => links.some((l) => linkInCategory(l, c.id))).sort((a, b) => a.order - b.order);
}

/**
 * The "most asked" row: the structure's pinned entries, or, when it pinned none, the first five
 * of the catalogue (the five operators of ~80 % of accompaniments, portal-catalogue.md).
 */
export function mostAsked(links: PortalLink[]): PortalLink[] {
  const pinned = links.filter((l) => l.pinned);
  return pinned.length ? pinned : [...links].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).slice(0, 5);
}
