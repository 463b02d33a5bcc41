import type { TFunction } from 'i18next';

// The venue standard's enumerated values are French (venues-standard.md); people reading in
// another language see them translated (venues.json "values"), programme names excepted (proper
// names). A value outside the enumeration is shown as written.

const KEYS: Readonly<Record<string, string>> = {
  'Aide aux démarches administratives': 'demarches',
  'Maîtrise des outils numériques du quotidien': 'outilsQuotidien',
  'Insertion professionnelle via le numérique': 'insertionPro',
  'Utilisation sécurisée du numérique': 'securite',
  'Parentalité et éducation avec le numérique': 'parentalite',
  'Loisirs et créations numériques': 'loisirs',
  'Compréhension du monde numérique': 'comprehension',
  'Accès internet et matériel informatique': 'accesInternet',
  'Acquisition de matériel informatique à prix solidaire': 'materielSolidaire',
  Jeunes: 'jeunes',
  Étudiants: 'etudiants',
  'Familles et/ou enfants': 'familles',
  Seniors: 'seniors',
  Femmes: 'femmes',
  Surdité: 'surdite',
  'Handicaps moteurs': 'handicapsMoteurs',
  'Handicaps mentaux': 'handicapsMentaux',
  Illettrisme: 'illettrisme',
  'Langues étrangères (anglais)': 'languesAnglais',
  'Langues étrangères (autres)': 'languesAutres',
  'Déficience visuelle': 'deficienceVisuelle',
  Gratuit: 'gratuit',
  'Gratuit sous condition': 'gratuitCondition',
  Payant: 'payant',
  'Se présenter': 'sePresenter',
  Téléphoner: 'telephoner',
  'Contacter par mail': 'mail',
  'Prendre un RDV en ligne': 'rdvEnLigne',
  "Ce lieu n'accueille pas de public": 'pasDePublic',
  'Envoyer un mail avec une fiche de prescription': 'prescription',
  'En autonomie': 'autonomie',
  'Accompagnement individuel': 'individuel',
  'Dans un atelier collectif': 'collectif',
  'À distance': 'distance',
};

export const STANDARD_VALUE_KEYS = KEYS;

/** A value of the national standard in the page language (as written when not enumerated). */
export function standardValue(value: string, t: TFunction<'venues'>): string {
  const key = KEYS[value];
  return key ? t(`values.${key}` as never, { defaultValue: value }) : value;
}
