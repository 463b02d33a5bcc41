// The portal's category and language ids, and which links a category shows: plain data and
// code without zod, so the portal and kiosk screens (and the bundled default catalogue) use them
// without loading the schemas. schema.ts re-exports them.

/** The ten national démarche scopes of taxonomy.md (+ associations), plus `general` and `local`. */
export const PORTAL_CATEGORY_IDS = [
  'general',
  'papiers_elections_citoyennete',
  'famille_scolarite',
  'social_sante',
  'travail_formation',
  'logement',
  'transports_mobilite',
  'argent_impots',
  'justice',
  'etrangers_europe',
  'loisirs_sports_culture',
  'associations',
  'local',
] as const;
export type PortalCategoryId = (typeof PORTAL_CATEGORY_IDS)[number];

/** Languages a catalogue text may be translated into (the kiosk's languages). */
export const PORTAL_LANGUAGES = ['fr', 'en', 'ar', 'es', 'pt', 'tr', 'uk'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

/** True when the link is shown under `category`: its own, or one of its other obvious homes. */
export function linkInCategory(link: { category: string; alsoIn?: readonly string[] | undefined }, category: string): boolean {
  return link.category === category || (link.alsoIn ?? []).some((c) => c === category);
}
