import { BASE_LINKS } from './links.ts';
import { PORTAL_CATEGORY_IDS, PORTAL_LANGUAGES } from './categories.ts';
import type { PortalCatalogue, PortalCategory, PortalCategoryId, PortalLink, PortalTexts } from './schema.ts';
import { CATALOGUE_TEXTS } from './texts/index.ts';

/** Bump when the default catalogue's data changes: devices and hub compare versions. */
export const DEFAULT_CATALOGUE_VERSION = '2026-11-29.1';

export const CATEGORY_PICTOGRAMS: Record<PortalCategoryId, string> = {
  general: 'info',
  papiers_elections_citoyennete: 'id-card',
  famille_scolarite: 'family',
  social_sante: 'health',
  travail_formation: 'work',
  logement: 'house',
  transports_mobilite: 'car',
  argent_impots: 'euro',
  justice: 'justice',
  etrangers_europe: 'globe',
  loisirs_sports_culture: 'culture',
  associations: 'association',
  local: 'townhall',
};

const OTHER_LANGUAGES = PORTAL_LANGUAGES.filter((l) => l !== 'fr');

function categories(): PortalCategory[] {
  return PORTAL_CATEGORY_IDS.map((id, order) => ({
    id,
    name: CATALOGUE_TEXTS.fr.categories[id],
    pictogram: CATEGORY_PICTOGRAMS[id],
    order,
    i18n: Object.fromEntries(OTHER_LANGUAGES.map((l) => [l, { name: CATALOGUE_TEXTS[l].categories[id] }])),
  }));
}

function link(base: (typeof BASE_LINKS)[number], order: number): PortalLink {
  const fr = CATALOGUE_TEXTS.fr;
  const i18n: Record<string, PortalTexts> = {};
  for (const l of OTHER_LANGUAGES) {
    const t = CATALOGUE_TEXTS[l];
    const texts: PortalTexts = {};
    if (t.names[base.id]) texts.name = t.names[base.id];
    if (t.descriptions[base.id]) texts.description = t.descriptions[base.id];
    if (base.checklist) texts.checklist = base.checklist.map((k) => t.checklist[k]);
    i18n[l] = texts;
  }
  return {
    id: base.id,
    name: fr.names[base.id] ?? base.name,
    url: base.url,
    category: base.category,
    ...(base.alsoIn ? { alsoIn: [...base.alsoIn] } : {}),
    pictogram: base.pictogram,
    audience: base.audience ?? 'public',
    description: fr.descriptions[base.id],
    ...(base.checklist ? { checklist: base.checklist.map((k) => fr.checklist[k]) } : {}),
    ...(base.keywords ? { keywords: base.keywords } : {}),
    order,
    i18n,
  };
}

/** The national default catalogue (portal-catalogue.md), with every text in every kiosk language. */
export const DEFAULT_CATALOGUE: PortalCatalogue = {
  version: DEFAULT_CATALOGUE_VERSION,
  categories: categories(),
  links: BASE_LINKS.map(link),
};
