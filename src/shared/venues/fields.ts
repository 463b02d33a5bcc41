// The national standard of lieux de médiation numérique, v1.0.2 (venues-standard.md).

/** The 32 columns of the standard, in the official order (the export writes them so). */
export const VENUE_COLUMNS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;

export type VenueColumn = (typeof VENUE_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly VenueColumn[] = ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj'];

/** Multi-valued columns: `|`-joined in the file, arrays once normalised. */
export const LIST_COLUMNS = [
  'typologie',
  'courriels',
  'site_web',
  'itinerance',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

export const SERVICES = [
  'Aide aux démarches administratives',
  'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique',
  'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique',
  'Loisirs et créations numériques',
  'Compréhension du monde numérique',
  'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
] as const;

export const PUBLICS = ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'] as const;

export const PRISE_EN_CHARGE = [
  'Surdité',
  'Handicaps moteurs',
  'Handicaps mentaux',
  'Illettrisme',
  'Langues étrangères (anglais)',
  'Langues étrangères (autres)',
  'Déficience visuelle',
] as const;

export const FRAIS = ['Gratuit', 'Gratuit sous condition', 'Payant'] as const;

export const ITINERANCE = ['Itinérant', 'Fixe'] as const;

export const DISPOSITIFS = [
  'Aidants Connect',
  'Bibliothèques numérique de référence',
  'Certification PIX',
  'Conseillers numériques',
  'Emmaüs Connect',
  'France Services',
  'Grande école du numérique',
  'La Croix Rouge',
  "Point d'accès numérique CAF",
  'Promeneurs du net',
  'Relais numérique (Emmaüs Connect)',
] as const;

export const FORMATIONS_LABELS = [
  'Formé à « Mon Espace Santé »',
  'Formé à « DUPLEX » (illettrisme)',
  'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  'Collectif ressources et acteurs réemploi (Normandie)',
  'Étapes numériques (La Poste)',
  'Fabriques de Territoire',
  'Les Éclaireurs du numérique (Drôme)',
  'Mes Papiers (Métropole de Lyon)',
  'ORDI 3.0',
  'SUD LABS (PACA)',
] as const;

export const MODALITES_ACCES = [
  'Se présenter',
  'Téléphoner',
  'Contacter par mail',
  'Prendre un RDV en ligne',
  "Ce lieu n'accueille pas de public",
  'Envoyer un mail avec une fiche de prescription',
] as const;

export const MODALITES_ACCOMPAGNEMENT = ['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance'] as const;

/** Columns whose values must come from a closed list; the list gives the canonical spelling. */
export const ENUMERATIONS: Partial<Record<ListColumn, readonly string[]>> = {
  services: SERVICES,
  publics_specifiquement_adresses: PUBLICS,
  prise_en_charge_specifique: PRISE_EN_CHARGE,
  frais_a_charge: FRAIS,
  itinerance: ITINERANCE,
  dispositif_programmes_nationaux: DISPOSITIFS,
  formations_labels: FORMATIONS_LABELS,
  modalites_acces: MODALITES_ACCES,
  modalites_accompagnement: MODALITES_ACCOMPAGNEMENT,
};

/** Legacy (v0.1 and hybrid files) column → what it becomes (venues-standard.md). */
export const LEGACY_COLUMNS: Record<string, string> = {
  publics_accueillis: 'publics_specifiquement_adresses + prise_en_charge_specifique',
  conditions_acces: 'frais_a_charge',
  labels_nationaux: 'dispositif_programmes_nationaux + formations_labels',
  labels_autres: 'autres_formations_labels',
  courriel: 'courriels',
  accessibilite: 'fiche_acces_libre',
};
