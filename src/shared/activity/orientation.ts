import { foldText } from '../text.ts';
import { ORIENTATION_TARGETS, type OrientationTarget } from './codes.ts';

// "Structure de redirection" from the directory venue a person is sent to (taxonomy.md: when a
// venue was chosen, `towards` is still filled from its programmes; the mediator may change it).
// The national figure counts `towards`, never the venue, so "Orienter ici" must fill it.
//
// Targets are found by their national label (taxonomy.md, verbatim), not by code: the codes
// may be renamed to the Coop's without this table changing.

function byLabel(start: string): OrientationTarget {
  const found = ORIENTATION_TARGETS.find((t) => foldText(t.label).startsWith(foldText(start)));
  if (!found) throw new Error(`no orientation target labelled "${start}…"`);
  return found.code;
}

export const TOWARDS = {
  administration: byLabel('Administration'),
  mediation: byLabel('Autre structure de médiation numérique'),
  operator: byLabel('Opérateur ou organisme en charge'),
  social: byLabel('Structure d’aide sociale'),
  employment: byLabel('Structure d’insertion professionnelle'),
  paperwork: byLabel('Structure d’aide aux démarches administratives'),
} as const;

/** National programmes (dispositif_programmes_nationaux), in priority order: the first found decides. */
export const PROGRAMME_TOWARDS: readonly (readonly [string, OrientationTarget])[] = [
  ['France Services', TOWARDS.paperwork],
  ["Point d'accès numérique CAF", TOWARDS.operator],
  ['Aidants Connect', TOWARDS.paperwork],
  ['La Croix Rouge', TOWARDS.social],
  ['Grande école du numérique', TOWARDS.employment],
  ['Conseillers numériques', TOWARDS.mediation],
  ['Emmaüs Connect', TOWARDS.mediation],
  ['Relais numérique (Emmaüs Connect)', TOWARDS.mediation],
  ['Promeneurs du net', TOWARDS.mediation],
  ['Bibliothèques numérique de référence', TOWARDS.mediation],
  ['Certification PIX', TOWARDS.mediation],
];

/** data.inclusion structure types (typologie), when no programme decided. */
export const TYPOLOGY_TOWARDS: Readonly<Record<string, OrientationTarget>> = {
  RFS: TOWARDS.paperwork,
  PIMMS: TOWARDS.paperwork,
  MSAP: TOWARDS.paperwork,
  CCAS: TOWARDS.social,
  CIAS: TOWARDS.social,
  CS: TOWARDS.social,
  CSC: TOWARDS.social,
  MDS: TOWARDS.social,
  MUNI: TOWARDS.administration,
  MAIRIE: TOWARDS.administration,
  PREF: TOWARDS.administration,
  DEPT: TOWARDS.administration,
  FT: TOWARDS.employment,
  PE: TOWARDS.employment,
  ML: TOWARDS.employment,
  CCI: TOWARDS.employment,
  CMA: TOWARDS.employment,
  PLIE: TOWARDS.employment,
  CAF: TOWARDS.operator,
  CPAM: TOWARDS.operator,
  CARSAT: TOWARDS.operator,
  MSA: TOWARDS.operator,
  EPN: TOWARDS.mediation,
  TIERS_LIEUX: TOWARDS.mediation,
  BIB: TOWARDS.mediation,
  MJC: TOWARDS.mediation,
  FABLAB: TOWARDS.mediation,
};

/** Services of the standard, last: what the place offers when nothing else tells. */
export const SERVICE_TOWARDS: readonly (readonly [string, OrientationTarget])[] = [
  ['Aide aux démarches administratives', TOWARDS.paperwork],
  ['Insertion professionnelle via le numérique', TOWARDS.employment],
];

export interface VenueForOrientation {
  dispositif_programmes_nationaux?: readonly string[];
  typologie?: readonly string[];
  services?: readonly string[];
}

const key = (s: string) => foldText(s).replace(/[’']/g, "'");

/**
 * The "Structure de redirection" a venue stands for: its national programmes first (a France
 * Services → démarches administratives), then its structure type, then its services; a place
 * that offers any digital service is another mediation place; undefined when nothing tells.
 */
export function towardsOfVenue(venue: VenueForOrientation): OrientationTarget | undefined {
  const programmes = new Set((venue.dispositif_programmes_nationaux ?? []).map(key));
  for (const [p, target] of PROGRAMME_TOWARDS) if (programmes.has(key(p))) return target;
  for (const t of venue.typologie ?? []) {
    const target = TYPOLOGY_TOWARDS[t.trim().toUpperCase()];
    if (target) return target;
  }
  const services = new Set((venue.services ?? []).map(key));
  for (const [s, target] of SERVICE_TOWARDS) if (services.has(key(s))) return target;
  return services.size > 0 ? TOWARDS.mediation : undefined;
}
