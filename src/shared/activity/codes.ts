// The national vocabulary of activity records (taxonomy.md): the codes are La Coop de la
// médiation numérique's own API values (the `…ApiValues` maps of its CRA field files), used in
// storage, on the wire and in exports; the labels are its French labels, character for
// character (typographic apostrophe ’). Records in Kariole's earlier codes are converted by
// legacy-codes.ts (hub migration 006, device database version 31).

export interface Coded<C extends string = string> {
  readonly code: C;
  readonly label: string;
}

function coded<const T extends readonly Coded[]>(list: T): T {
  return list;
}

export const ACTIVITY_TYPES = coded([
  { code: 'individuel', label: 'Accompagnement individuel' },
  { code: 'collectif', label: 'Atelier collectif' },
] as const);

export const PLACE_KINDS = coded([
  { code: 'lieu_activite', label: 'Lieu d’activité' },
  { code: 'autre', label: 'Autre lieu' },
  { code: 'domicile', label: 'À domicile' },
  { code: 'a_distance', label: 'À distance' },
] as const);

export const EQUIPMENT = coded([
  { code: 'ordinateur', label: 'Ordinateur' },
  { code: 'telephone', label: 'Téléphone' },
  { code: 'tablette', label: 'Tablette' },
  { code: 'autre', label: 'Autre' },
  { code: 'aucun', label: 'Pas de matériel' },
] as const);

export const THEMES = coded([
  { code: 'diagnostic_numerique', label: 'Diagnostic numérique' },
  { code: 'prendre_en_main_du_materiel', label: 'Prendre en main du matériel' },
  { code: 'maintenance_de_materiel', label: 'Maintenance de matériel' },
  { code: 'gere_ses_contenus_numeriques', label: 'Gérer ses contenus numériques' },
  { code: 'navigation_sur_internet', label: 'Navigation sur internet' },
  { code: 'email', label: 'E-mail' },
  { code: 'bureautique', label: 'Bureautique' },
  { code: 'reseaux_sociaux', label: 'Réseaux sociaux communication' },
  { code: 'sante', label: 'Santé' },
  { code: 'banque_et_achats_en_ligne', label: 'Banque et achats en ligne' },
  { code: 'entrepreneuriat', label: 'Accompagner un professionnel' },
  { code: 'insertion_professionnelle', label: 'Insertion professionnelle' },
  { code: 'securite_numerique', label: 'Prévention en sécurité numérique' },
  { code: 'parentalite', label: 'Parentalité' },
  { code: 'scolarite_et_numerique', label: 'Scolarité et numérique' },
  { code: 'creer_avec_le_numerique', label: 'Créer avec le numérique' },
  { code: 'culture_numerique', label: 'Culture numérique' },
  { code: 'intelligence_artificielle', label: 'Intelligence artificielle (IA)' },
  { code: 'aide_aux_demarches_administratives', label: 'Aide aux démarches administratives' },
] as const);

/** The theme that opens the administrative themes. */
export const ADMIN_THEME_PARENT = 'aide_aux_demarches_administratives' as const;

export const ADMIN_THEMES = coded([
  { code: 'papiers_elections_citoyennete', label: 'Papiers - Élections - Citoyenneté' },
  { code: 'famille_scolarite', label: 'Famille - Scolarité' },
  { code: 'social_sante', label: 'Social - Santé' },
  { code: 'travail_formation', label: 'Travail - Formation - Entreprise' },
  { code: 'logement', label: 'Logement' },
  { code: 'transports_mobilite', label: 'Transports - Mobilité' },
  { code: 'argent_impots', label: 'Argent - Impôts' },
  { code: 'justice', label: 'Justice' },
  { code: 'etrangers_europe', label: 'Étrangers - Europe' },
  { code: 'loisirs_sports_culture', label: 'Loisirs - Sports - Culture' },
  { code: 'associations', label: 'Associations' },
] as const);

export const AUTONOMY = coded([
  { code: 'entierement_accompagne', label: 'Avec guidage' },
  { code: 'partiellement_autonome', label: 'Autonome avec guidage en cas de besoin' },
  { code: 'autonome', label: 'Autonome' },
] as const);

export const ORIENTATION_TARGETS = coded([
  { code: 'administration', label: 'Administration (mairie, préfecture…)' },
  { code: 'mediation_numerique', label: 'Autre structure de médiation numérique' },
  { code: 'operateur_ou_organisme_en_charge', label: 'Opérateur ou organisme en charge de la démarche administrative' },
  { code: 'aide_sociale', label: 'Structure d’aide sociale (maison des solidarités, centre social…)' },
  { code: 'insertion_professionnelle', label: 'Structure d’insertion professionnelle (France Travail, mission locale, chambre de commerce…)' },
  { code: 'aide_aux_demarches_administratives', label: 'Structure d’aide aux démarches administratives (France Services…)' },
  { code: 'autre', label: 'Autre' },
] as const);

export const WORKSHOP_LEVELS = coded([
  { code: 'debutant', label: 'Débutant' },
  { code: 'intermediaire', label: 'Intermédiaire' },
  { code: 'avance', label: 'Avancé' },
] as const);

export const GENRES = coded([
  { code: 'masculin', label: 'Masculin' },
  { code: 'feminin', label: 'Féminin' },
  { code: 'non_communique', label: 'Non communiqué' },
] as const);

export const AGE_BANDS = coded([
  { code: 'moins_de_douze', label: 'Moins de 12 ans' },
  { code: 'douze_dix_huit', label: '12 - 17 ans' },
  { code: 'dix_huit_vingt_quatre', label: '18 - 24 ans' },
  { code: 'vingt_cinq_trente_neuf', label: '25 - 39 ans' },
  { code: 'quarante_cinquante_neuf', label: '40 - 59 ans' },
  { code: 'soixante_soixante_neuf', label: '60 - 69 ans' },
  { code: 'soixante_dix_plus', label: '70 ans et plus' },
  { code: 'non_communique', label: 'Non communiqué' },
] as const);

export const STATUSES = coded([
  { code: 'retraite', label: 'Retraité' },
  { code: 'sans_emploi', label: 'Sans emploi' },
  { code: 'en_emploi', label: 'En emploi' },
  { code: 'scolarise', label: 'Scolarisé' },
  { code: 'non_communique', label: 'Non communiqué ou hétérogène' },
] as const);

/** Duration presets of the form, in minutes. */
export const DURATION_PRESETS = [15, 30, 45, 60, 90, 120] as const;

/** Statistics buckets of durations: the Coop's keys and strings (its
 * `dureeAccompagnementStatisticsRanges`: [0, 30), [30, 60), [60, 120), 120 and more). */
export const DURATION_BUCKETS = coded([
  { code: '30', label: 'Moins de 30 min' },
  { code: '60', label: '30min à 1 h' },
  { code: '120', label: '1 h à 2 h' },
  { code: 'more', label: '2 h et plus' },
] as const);

export type CodeOf<T extends readonly Coded[]> = T[number]['code'];
export type ActivityType = CodeOf<typeof ACTIVITY_TYPES>;
export type PlaceKind = CodeOf<typeof PLACE_KINDS>;
export type EquipmentCode = CodeOf<typeof EQUIPMENT>;
export type ThemeCode = CodeOf<typeof THEMES>;
export type AdminThemeCode = CodeOf<typeof ADMIN_THEMES>;
export type AutonomyCode = CodeOf<typeof AUTONOMY>;
export type OrientationTarget = CodeOf<typeof ORIENTATION_TARGETS>;
export type WorkshopLevel = CodeOf<typeof WORKSHOP_LEVELS>;
export type GenreCode = CodeOf<typeof GENRES>;
export type AgeBandCode = CodeOf<typeof AGE_BANDS>;
export type StatusCode = CodeOf<typeof STATUSES>;
export type DurationBucket = CodeOf<typeof DURATION_BUCKETS>;

/** The codes of a list, as a non-empty tuple (for z.enum). */
export function codesOf<T extends readonly Coded[]>(list: T): [CodeOf<T>, ...CodeOf<T>[]] {
  return list.map((c) => c.code) as [CodeOf<T>, ...CodeOf<T>[]];
}

/** The French label of a code, or the code itself when unknown. */
export function labelOf(list: readonly Coded[], code: string): string {
  return list.find((c) => c.code === code)?.label ?? code;
}

/** The national duration bucket of a duration in minutes. */
export function durationBucket(min: number): DurationBucket {
  if (min < 30) return '30';
  if (min < 60) return '60';
  if (min < 120) return '120';
  return 'more';
}
