import { foldText } from '../text.ts';
import { matchEnum } from './values.ts';

// Legacy values (v0.1 and hybrid files) mapped to v1.0.x labels by keyword, since real
// files spell them many ways ("Jeunes (16-26 ans)", "Seniors (+ 65 ans)", "CNFS").

type Rule = [RegExp, string];

const PUBLIC_RULES: Rule[] = [
  [/etudiant/, 'Étudiants'],
  [/jeune/, 'Jeunes'],
  [/famille|enfant|parent/, 'Familles et/ou enfants'],
  [/senior|personnes? agee|\+ ?6\d/, 'Seniors'],
  [/femme/, 'Femmes'],
];
const SUPPORT_RULES: Rule[] = [
  [/surdi|sourd|malentend/, 'Surdité'],
  [/moteur/, 'Handicaps moteurs'],
  [/mental|psychi|cognitif/, 'Handicaps mentaux'],
  [/illettr|analphab/, 'Illettrisme'],
  [/anglais|english/, 'Langues étrangères (anglais)'],
  [/langue|etranger|allophone|\bfle\b/, 'Langues étrangères (autres)'],
  [/visuel|aveugle|malvoyant/, 'Déficience visuelle'],
];
/** "Tout public" in old files: no specific public, nothing to carry over. */
const GENERAL_PUBLIC = /adulte|tout public|tous publics|grand public/;

export interface LegacyPublics {
  publics: string[];
  support: string[];
  unknown: string[];
}

/** Splits a v0.1 `publics_accueillis` list into publics / specific support. */
export function mapPublicsAccueillis(items: string[]): LegacyPublics {
  const out: LegacyPublics = { publics: [], support: [], unknown: [] };
  for (const item of items) {
    const f = foldText(item);
    const support = SUPPORT_RULES.find(([re]) => re.test(f));
    const pub = PUBLIC_RULES.find(([re]) => re.test(f));
    if (support) out.support.push(support[1]);
    else if (pub) out.publics.push(pub[1]);
    else if (!GENERAL_PUBLIC.test(f)) out.unknown.push(item);
  }
  return out;
}

/** v0.1 `conditions_acces` → `frais_a_charge`. */
export function mapConditionsAcces(item: string): string | undefined {
  const f = foldText(item);
  if (/condition|pass numerique|sous reserve/.test(f)) return 'Gratuit sous condition';
  if (/gratuit/.test(f)) return 'Gratuit';
  if (/payant|adhesion|tarif/.test(f)) return 'Payant';
  return undefined;
}

const PROGRAMME_RULES: Rule[] = [
  [/^cnfs$|conseill\w* numerique/, 'Conseillers numériques'],
  [/france services?|^msap$/, 'France Services'],
  [/aidants? connect/, 'Aidants Connect'],
  [/\bpix\b/, 'Certification PIX'],
  [/\bcaf\b/, "Point d'accès numérique CAF"],
  [/bibliotheque|\bbnr\b/, 'Bibliothèques numérique de référence'],
  [/grande ecole/, 'Grande école du numérique'],
  [/croix[- ]rouge/, 'La Croix Rouge'],
  [/promeneur/, 'Promeneurs du net'],
  [/relais numerique/, 'Relais numérique (Emmaüs Connect)'],
  [/emmaus/, 'Emmaüs Connect'],
];
const TRAINING_RULES: Rule[] = [
  [/espace sante/, 'Formé à « Mon Espace Santé »'],
  [/duplex/, 'Formé à « DUPLEX » (illettrisme)'],
  [/etapes numeriques|la poste/, 'Étapes numériques (La Poste)'],
  [/fabriques? de territoire/, 'Fabriques de Territoire'],
  [/ordi 3/, 'ORDI 3.0'],
  [/sud ?labs?/, 'SUD LABS (PACA)'],
  [/mednum bfc|arnia/, 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)'],
  [/eclaireurs/, 'Les Éclaireurs du numérique (Drôme)'],
  [/mes papiers/, 'Mes Papiers (Métropole de Lyon)'],
  [/reemploi/, 'Collectif ressources et acteurs réemploi (Normandie)'],
];

export interface LegacyLabels {
  programmes: string[];
  trainings: string[];
  others: string[];
}

/** v0.1 `labels_nationaux` → programmes + training labels; anything else is kept as an "other" label. */
export function mapLabelsNationaux(items: string[]): LegacyLabels {
  const out: LegacyLabels = { programmes: [], trainings: [], others: [] };
  for (const item of items) {
    const exactProgramme = matchEnum('dispositif_programmes_nationaux', item);
    const exactTraining = matchEnum('formations_labels', item);
    const f = foldText(item);
    const programme = exactProgramme ?? PROGRAMME_RULES.find(([re]) => re.test(f))?.[1];
    const training = exactTraining ?? TRAINING_RULES.find(([re]) => re.test(f))?.[1];
    if (programme) out.programmes.push(programme);
    else if (training) out.trainings.push(training);
    else out.others.push(item);
  }
  return out;
}
