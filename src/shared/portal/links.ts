import type { PortalCategoryId } from './schema.ts';
import type { ChecklistKey } from './checklist-keys.ts';

/** One entry of the default catalogue before its texts are attached (texts live in texts/<lang>.ts). */
export interface BaseLink {
  id: string;
  name: string;
  url: string;
  category: PortalCategoryId;
  /** other obvious homes of the site (the CAF pays the housing aid: also under "Logement") */
  alsoIn?: PortalCategoryId[];
  pictogram: string;
  audience?: 'pro';
  checklist?: ChecklistKey[];
  keywords?: string[];
}

// Order matters: within a category, entries are shown in this order. The five operators of
// ~80 % of France Services accompaniments (France Titres, CAF, ameli, impots, retraite) come first.
export const BASE_LINKS: BaseLink[] = [
  { id: 'ants', name: 'France Titres (ANTS)', url: 'https://ants.gouv.fr', category: 'papiers_elections_citoyennete', pictogram: 'id-card', checklist: ['id_document', 'photo_code', 'proof_of_address', 'email', 'phone', 'franceconnect'], keywords: ['ANTS', 'titres', 'papiers'] },
  { id: 'caf', name: 'CAF', url: 'https://www.caf.fr', category: 'famille_scolarite', alsoIn: ['logement', 'social_sante'], pictogram: 'family', checklist: ['caf_number', 'account_password', 'income', 'rib', 'lease'], keywords: ['allocations', 'APL', 'RSA', 'prime activité', 'aides'] },
  { id: 'ameli', name: 'ameli', url: 'https://www.ameli.fr', category: 'social_sante', alsoIn: ['famille_scolarite'], pictogram: 'health', checklist: ['social_security_number', 'account_password', 'rib', 'email'], keywords: ['assurance maladie', 'sécurité sociale', 'carte vitale', 'remboursement', 'CSS'] },
  { id: 'impots', name: 'impots.gouv.fr', url: 'https://www.impots.gouv.fr', category: 'argent_impots', alsoIn: ['logement'], pictogram: 'tax', checklist: ['tax_number', 'tax_notice', 'account_password', 'income', 'rib'], keywords: ['impôts', 'déclaration', 'revenus', 'taxe', 'DGFiP'] },
  { id: 'lassuranceretraite', name: "L'Assurance retraite", url: 'https://www.lassuranceretraite.fr', category: 'social_sante', pictogram: 'pension', checklist: ['social_security_number', 'franceconnect', 'rib', 'income'], keywords: ['retraite', 'pension', 'CNAV', 'carsat'] },
  { id: 'service-public', name: 'Service Public', url: 'https://www.service-public.gouv.fr', category: 'general', pictogram: 'info', keywords: ['démarches', 'droits', 'information'] },
  { id: 'franceconnect', name: 'FranceConnect', url: 'https://franceconnect.gouv.fr', category: 'general', pictogram: 'key', checklist: ['franceconnect', 'phone'], keywords: ['connexion', 'identifiant'] },
  { id: 'mesdroitssociaux', name: 'Mes droits sociaux', url: 'https://www.mesdroitssociaux.gouv.fr', category: 'social_sante', alsoIn: ['logement', 'famille_scolarite'], pictogram: 'rights', checklist: ['franceconnect', 'income'], keywords: ['aides', 'simulateur', 'droits'] },
  { id: 'ants-passeport', name: "Carte d'identité et passeport (pré-demande)", url: 'https://passeport.ants.gouv.fr', category: 'papiers_elections_citoyennete', pictogram: 'passport', checklist: ['id_document', 'photo_code', 'proof_of_address', 'birth_info', 'stamp'], keywords: ['CNI', 'passeport', 'carte identité'] },
  { id: 'france-identite', name: 'France Identité', url: 'https://france-identite.gouv.fr', category: 'papiers_elections_citoyennete', pictogram: 'phone-id', checklist: ['id_document', 'phone'], keywords: ['application', 'identité numérique'] },
  { id: 'timbres', name: 'Timbres fiscaux', url: 'https://timbres.impots.gouv.fr', category: 'papiers_elections_citoyennete', pictogram: 'stamp', checklist: ['bank_card', 'email'], keywords: ['timbre', 'passeport', 'titre de séjour'] },
  { id: 'maprocuration', name: 'Ma procuration', url: 'https://www.maprocuration.gouv.fr', category: 'papiers_elections_citoyennete', pictogram: 'vote', checklist: ['franceconnect', 'voter_number', 'id_document'], keywords: ['vote', 'élections', 'procuration'] },
  { id: 'anef', name: 'Étrangers en France (ANEF)', url: 'https://administration-etrangers-en-france.interieur.gouv.fr', category: 'etrangers_europe', alsoIn: ['papiers_elections_citoyennete'], pictogram: 'globe', checklist: ['residence_permit', 'id_document', 'photo_code', 'proof_of_address', 'email', 'stamp'], keywords: ['titre de séjour', 'naturalisation', 'étranger', 'visa'] },
  { id: 'mesquestionsdargent', name: "Mes questions d'argent", url: 'https://www.mesquestionsdargent.fr', category: 'argent_impots', alsoIn: ['logement'], pictogram: 'euro', keywords: ['budget', 'banque', 'crédit', 'dettes'] },
  { id: 'banque-france', name: 'Banque de France', url: 'https://www.banque-france.fr', category: 'argent_impots', alsoIn: ['justice'], pictogram: 'bank', checklist: ['id_document', 'income', 'rib'], keywords: ['surendettement', 'fichage', 'droit au compte'] },
  { id: 'signalconso', name: 'SignalConso', url: 'https://signal.conso.gouv.fr', category: 'argent_impots', pictogram: 'alert', checklist: ['purchase_proof', 'email'], keywords: ['arnaque', 'commerce', 'réclamation'] },
  { id: 'msa', name: 'MSA', url: 'https://www.msa.fr', category: 'social_sante', alsoIn: ['famille_scolarite'], pictogram: 'health', checklist: ['social_security_number', 'account_password', 'rib'], keywords: ['agricole', 'mutualité sociale agricole'] },
  { id: 'mdph', name: 'MDPH en ligne', url: 'https://mdphenligne.cnsa.fr', category: 'social_sante', alsoIn: ['travail_formation'], pictogram: 'disability', checklist: ['id_document', 'proof_of_address', 'medical_certificate', 'email'], keywords: ['handicap', 'AAH', 'RQTH'] },
  { id: 'monespacesante', name: 'Mon espace santé', url: 'https://www.monespacesante.fr', category: 'social_sante', pictogram: 'health', checklist: ['social_security_number', 'phone', 'email'], keywords: ['dossier médical', 'santé'] },
  { id: 'complementaire-sante-solidaire', name: 'Complémentaire santé solidaire', url: 'https://www.complementaire-sante-solidaire.gouv.fr', category: 'social_sante', pictogram: 'health', checklist: ['social_security_number', 'income', 'tax_notice'], keywords: ['CSS', 'CMU', 'mutuelle', 'complémentaire santé'] },
  { id: 'sante-fr', name: 'Santé.fr', url: 'https://www.sante.fr', category: 'social_sante', pictogram: 'health', keywords: ['médecin', 'pharmacie', 'vaccin'] },
  { id: 'inforetraite', name: 'Info Retraite', url: 'https://www.info-retraite.fr', category: 'social_sante', pictogram: 'pension', checklist: ['franceconnect', 'social_security_number'], keywords: ['retraite', 'relevé de carrière'] },
  { id: 'agirc-arrco', name: 'Agirc-Arrco', url: 'https://www.agirc-arrco.fr', category: 'social_sante', pictogram: 'pension', checklist: ['social_security_number', 'account_password'], keywords: ['retraite complémentaire'] },
  { id: 'monenfant', name: 'Mon enfant', url: 'https://monenfant.fr', category: 'famille_scolarite', pictogram: 'baby', keywords: ['crèche', 'garde', 'assistante maternelle'] },
  { id: 'pajemploi', name: 'Pajemploi', url: 'https://www.pajemploi.urssaf.fr', category: 'famille_scolarite', alsoIn: ['travail_formation'], pictogram: 'baby', checklist: ['social_security_number', 'account_password', 'payslips'], keywords: ['assistante maternelle', 'garde enfant'] },
  { id: 'educonnect', name: 'ÉduConnect', url: 'https://educonnect.education.gouv.fr', category: 'famille_scolarite', pictogram: 'school', checklist: ['school_ids', 'phone'], keywords: ['école', 'collège', 'bourse', 'notes'] },
  { id: 'parcoursup', name: 'Parcoursup', url: 'https://www.parcoursup.fr', category: 'famille_scolarite', pictogram: 'school', checklist: ['ine', 'email', 'phone'], keywords: ['études', 'lycée', 'université'] },
  { id: 'messervices-etudiant', name: 'MesServices.etudiant', url: 'https://messervices.etudiant.gouv.fr', category: 'famille_scolarite', alsoIn: ['logement'], pictogram: 'school', checklist: ['ine', 'tax_notice', 'email'], keywords: ['bourse', 'logement étudiant', 'CROUS'] },
  { id: 'francetravail', name: 'France Travail', url: 'https://www.francetravail.fr', category: 'travail_formation', alsoIn: ['social_sante'], pictogram: 'work', checklist: ['ft_id', 'account_password', 'payslips', 'rib'], keywords: ['Pôle emploi', 'chômage', 'emploi', 'inscription'] },
  { id: 'francetravail-candidat', name: 'France Travail — espace candidat', url: 'https://candidat.francetravail.fr', category: 'travail_formation', pictogram: 'work', checklist: ['ft_id', 'account_password'], keywords: ['Pôle emploi', 'actualisation', 'offres'] },
  { id: 'moncompteformation', name: 'Mon Compte Formation', url: 'https://www.moncompteformation.gouv.fr', category: 'travail_formation', pictogram: 'training', checklist: ['social_security_number', 'franceconnect'], keywords: ['CPF', 'formation'] },
  { id: '1jeune1solution', name: '1jeune1solution', url: 'https://www.1jeune1solution.gouv.fr', category: 'travail_formation', alsoIn: ['famille_scolarite'], pictogram: 'training', keywords: ['jeunes', 'apprentissage', 'stage', 'contrat engagement jeune'] },
  { id: 'autoentrepreneur', name: 'URSSAF auto-entrepreneur', url: 'https://www.autoentrepreneur.urssaf.fr', category: 'travail_formation', pictogram: 'work', checklist: ['siret', 'account_password', 'income'], keywords: ['micro-entreprise', 'déclaration chiffre affaires'] },
  { id: 'logement-social', name: 'Demande de logement social', url: 'https://www.demande-logement-social.gouv.fr', category: 'logement', pictogram: 'house', checklist: ['id_document', 'tax_notice', 'income', 'proof_of_address', 'email'], keywords: ['HLM', 'logement'] },
  { id: 'france-renov', name: "France Rénov'", url: 'https://france-renov.gouv.fr', category: 'logement', alsoIn: ['argent_impots'], pictogram: 'house', checklist: ['tax_notice', 'energy_bill'], keywords: ['travaux', 'isolation', 'MaPrimeRénov'] },
  { id: 'chequeenergie', name: 'Chèque énergie', url: 'https://chequeenergie.gouv.fr', category: 'logement', alsoIn: ['argent_impots'], pictogram: 'energy', checklist: ['tax_notice', 'energy_bill'], keywords: ['électricité', 'gaz', 'facture'] },
  { id: 'energie-info', name: 'Energie-Info', url: 'https://www.energie-info.fr', category: 'logement', pictogram: 'energy', checklist: ['energy_bill'], keywords: ['électricité', 'gaz', 'litige', 'compteur'] },
  { id: 'permis', name: 'Permis de conduire', url: 'https://permisdeconduire.ants.gouv.fr', category: 'transports_mobilite', alsoIn: ['papiers_elections_citoyennete'], pictogram: 'car', checklist: ['driving_licence', 'photo_code', 'proof_of_address', 'franceconnect'], keywords: ['permis', 'ANTS'] },
  { id: 'carte-grise', name: 'Carte grise', url: 'https://immatriculation.ants.gouv.fr', category: 'transports_mobilite', alsoIn: ['papiers_elections_citoyennete'], pictogram: 'car', checklist: ['vehicle_registration', 'driving_licence', 'proof_of_address', 'bank_card', 'franceconnect'], keywords: ['immatriculation', 'certificat', 'ANTS', 'véhicule'] },
  { id: 'antai', name: 'ANTAI (amendes)', url: 'https://www.antai.gouv.fr', category: 'transports_mobilite', pictogram: 'fine', checklist: ['fine_notice', 'bank_card'], keywords: ['amende', 'contravention', 'PV', 'points'] },
  { id: 'critair', name: "Crit'Air", url: 'https://www.certificat-air.gouv.fr', category: 'transports_mobilite', pictogram: 'car', checklist: ['vehicle_registration', 'bank_card'], keywords: ['vignette', 'pollution'] },
  { id: 'justice-fr', name: 'Justice.fr', url: 'https://www.justice.fr', category: 'justice', pictogram: 'justice', keywords: ['tribunal', 'divorce', 'aide juridictionnelle'] },
  { id: 'casier-judiciaire', name: 'Casier judiciaire', url: 'https://casier-judiciaire.justice.gouv.fr', category: 'justice', pictogram: 'justice', checklist: ['id_document', 'birth_info', 'email'], keywords: ['extrait', 'bulletin numéro 3'] },
  { id: 'masecurite', name: 'Ma Sécurité', url: 'https://www.masecurite.interieur.gouv.fr', category: 'justice', pictogram: 'shield', checklist: ['facts'], keywords: ['plainte', 'police', 'gendarmerie', 'vol'] },
  { id: 'cybermalveillance', name: 'Cybermalveillance', url: 'https://www.cybermalveillance.gouv.fr', category: 'justice', alsoIn: ['general'], pictogram: 'shield', checklist: ['facts'], keywords: ['arnaque', 'piratage', 'hameçonnage', 'virus'] },
  { id: 'telerecours', name: 'Télérecours citoyens', url: 'https://citoyens.telerecours.fr', category: 'justice', pictogram: 'justice', checklist: ['franceconnect', 'decision_copy'], keywords: ['recours', 'tribunal administratif'] },
  { id: 'defenseurdesdroits', name: 'Défenseur des droits', url: 'https://www.defenseurdesdroits.fr', category: 'justice', pictogram: 'rights', checklist: ['facts'], keywords: ['discrimination', 'réclamation', 'litige administration'] },
  { id: 'pass-culture', name: 'Pass Culture', url: 'https://pass.culture.fr', category: 'loisirs_sports_culture', pictogram: 'culture', checklist: ['id_document', 'phone', 'email'], keywords: ['jeunes', 'culture', '18 ans'] },
  { id: 'lecompteasso', name: 'Le Compte Asso', url: 'https://lecompteasso.associations.gouv.fr', category: 'associations', pictogram: 'association', checklist: ['rna', 'email'], keywords: ['association', 'subvention'] },
  { id: 'aidants-connect', name: 'Aidants Connect', url: 'https://aidantsconnect.beta.gouv.fr', category: 'general', pictogram: 'mediator', audience: 'pro', keywords: ['mandat', 'aidant'] },
];
