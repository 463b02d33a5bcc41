import type { Venue } from './schema.ts';

// Filters as the national map groups them: OR within a group, AND across groups.
// Hours-based options need the (lazily loaded) hours module, passed in through the context;
// a place whose hours are unknown never matches "open now" / "weekend" but is never called closed.

export interface FilterContext {
  now: Date;
  isOpenAt?: (raw: string | undefined, at: Date) => boolean | undefined;
  opensOnWeekend?: (raw: string | undefined, now: Date) => boolean | undefined;
}

export interface FilterOption {
  id: string;
  match(v: Venue, ctx: FilterContext): boolean;
  /** needs the hours module */
  hours?: true;
}

export interface FilterGroup {
  id: 'besoins' | 'publics' | 'dispositifs' | 'disponibilite' | 'accueil';
  options: FilterOption[];
}

const hasAny = (list: string[], wanted: readonly string[]) => list.some((x) => wanted.includes(x));
const service = (...s: string[]) => (v: Venue) => hasAny(v.services, s);
const publicOf = (p: string) => (v: Venue) => v.publics_specifiquement_adresses.includes(p);
const support = (p: string) => (v: Venue) => v.prise_en_charge_specifique.includes(p);
const programme = (p: string) => (v: Venue) => v.dispositif_programmes_nationaux.includes(p);

export const FILTER_GROUPS: FilterGroup[] = [
  {
    id: 'besoins',
    options: [
      {
        id: 'apprentissage',
        match: service(
          'Maîtrise des outils numériques du quotidien',
          'Utilisation sécurisée du numérique',
          'Parentalité et éducation avec le numérique',
          'Loisirs et créations numériques',
          'Compréhension du monde numérique',
          'Insertion professionnelle via le numérique',
        ),
      },
      { id: 'demarches', match: service('Aide aux démarches administratives') },
      { id: 'materiel', match: service('Accès internet et matériel informatique', 'Acquisition de matériel informatique à prix solidaire') },
    ],
  },
  {
    id: 'publics',
    options: [
      { id: 'jeunes', match: publicOf('Jeunes') },
      { id: 'etudiants', match: publicOf('Étudiants') },
      { id: 'familles', match: publicOf('Familles et/ou enfants') },
      { id: 'seniors', match: publicOf('Seniors') },
      { id: 'femmes', match: publicOf('Femmes') },
      { id: 'surdite', match: support('Surdité') },
      { id: 'handicapsMoteurs', match: support('Handicaps moteurs') },
      { id: 'handicapsMentaux', match: support('Handicaps mentaux') },
      { id: 'illettrisme', match: support('Illettrisme') },
      { id: 'anglais', match: support('Langues étrangères (anglais)') },
      { id: 'autresLangues', match: support('Langues étrangères (autres)') },
      { id: 'deficienceVisuelle', match: support('Déficience visuelle') },
    ],
  },
  {
    id: 'dispositifs',
    options: [
      { id: 'conseillersNumeriques', match: programme('Conseillers numériques') },
      { id: 'franceServices', match: programme('France Services') },
      { id: 'aidantsConnect', match: programme('Aidants Connect') },
    ],
  },
  {
    id: 'disponibilite',
    options: [
      { id: 'ouvertMaintenant', hours: true, match: (v, ctx) => ctx.isOpenAt?.(v.horaires, ctx.now) === true },
      { id: 'weekend', hours: true, match: (v, ctx) => ctx.opensOnWeekend?.(v.horaires, ctx.now) === true },
      { id: 'gratuit', match: (v) => v.frais_a_charge.includes('Gratuit') },
      { id: 'rdvEnLigne', match: (v) => Boolean(v.prise_rdv) || v.modalites_acces.includes('Prendre un RDV en ligne') },
    ],
  },
  {
    id: 'accueil',
    options: [
      { id: 'sansRdv', match: (v) => v.modalites_acces.includes('Se présenter') },
      { id: 'itinerant', match: (v) => v.itinerance.includes('Itinérant') },
    ],
  },
];

/** Whether any selected option needs opening hours (then the hours module must be loaded). */
export function needsHours(selected: ReadonlySet<string>): boolean {
  return FILTER_GROUPS.some((g) => g.options.some((o) => o.hours && selected.has(o.id)));
}

/** A predicate for the selection: within a group any option matches, every group with a selection must match. */
export function venueFilter(selected: ReadonlySet<string>, ctx: FilterContext): (v: Venue) => boolean {
  const groups: FilterOption[][] = [];
  for (const g of FILTER_GROUPS) {
    const chosen = g.options.filter((o) => selected.has(o.id));
    if (chosen.length) groups.push(chosen);
  }
  if (groups.length === 0) return () => true;
  return (v) => groups.every((options) => options.some((o) => o.match(v, ctx)));
}
