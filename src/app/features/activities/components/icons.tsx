// Pictograms of the activity form: simple stroked glyphs drawn here (bundled, no external
// asset, no emoji), 24×24, in the current text colour. Decorative: labels carry the meaning.

const c = (x: number, y: number, r: number) => `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

const PERSON = [c(12, 7, 4), 'M4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1'];
const GROUP = [c(9, 7, 3.5), c(17, 8, 2.5), 'M2 20a7 7 0 0 1 14 0', 'M15.5 14a5 5 0 0 1 6.5 5'];
const HOME = ['M3 11l9-8 9 8', 'M5 10v11h14V10', 'M10 21v-6h4v6'];
const BRIEFCASE = ['M3 8h18v12H3z', 'M8 8V5h8v3', 'M3 13h18'];
const FAMILY = [c(8, 5, 2.5), c(17, 9, 2), 'M4 21v-7a4 4 0 0 1 8 0v7', 'M14 21v-4a3 3 0 0 1 6 0v4'];
// Three bars of rising height; the first `n` drawn as filled blocks.
const BARS = [
  ['M5 20v-4', 'M3.5 20v-4h3v4z'],
  ['M12 20v-8', 'M10.5 20v-8h3v8z'],
  ['M19 20V6', 'M17.5 20V6h3v14z'],
] as const;
const bars = (n: number) => BARS.map(([thin, block], i) => (i < n ? block : thin));

export const ICONS = {
  individuel: PERSON,
  collectif: GROUP,
  lieu_activite: ['M12 22s7-7 7-12a7 7 0 0 0-14 0c0 5 7 12 7 12z', c(12, 10, 2.5)],
  autre_lieu: ['M5 22V3', 'M5 4h12l-2.5 4 2.5 4H5'],
  domicile: HOME,
  a_distance: ['M4 15v-3a8 8 0 0 1 16 0v3', 'M4 14h3v6H4z', 'M17 14h3v6h-3z'],
  ordinateur: ['M3 4h18v12H3z', 'M8 20h8', 'M12 16v4'],
  telephone: ['M7 2h10v20H7z', 'M11 18h2'],
  tablette: ['M4 3h16v18H4z', 'M11 18h2'],
  autre: [c(6, 12, 1.5), c(12, 12, 1.5), c(18, 12, 1.5)],
  aucun: [c(12, 12, 9), 'M5.6 5.6l12.8 12.8'],
  diagnostic_numerique: [c(10, 10, 6), 'M14.5 14.5L21 21'],
  prendre_en_main_du_materiel: ['M9 12V4a2 2 0 0 1 4 0v7', 'M13 10a2 2 0 0 1 4 0v1', 'M17 11a2 2 0 0 1 4 0v4a7 7 0 0 1-7 7h-1a7 7 0 0 1-6-3l-3-5a2 2 0 0 1 3.4-2L9 14'],
  maintenance_de_materiel: ['M15 6a4 4 0 0 0-5 5l-7 7 3 3 7-7a4 4 0 0 0 5-5l-3 3-3-3z'],
  gere_ses_contenus_numeriques: ['M3 6h6l2 2h10v11H3z'],
  navigation_sur_internet: [c(12, 12, 9), 'M3 12h18', 'M12 3c3 3 3 15 0 18c-3-3-3-15 0-18'],
  email: ['M3 5h18v14H3z', 'M3 6l9 7 9-7'],
  bureautique: ['M6 2h9l5 5v15H6z', 'M14 2v6h6', 'M9 13h8', 'M9 17h8'],
  reseaux_sociaux: ['M3 4h12v9H8l-4 3v-3H3z', 'M17 8h4v9h-1v3l-3-3h-5v-2'],
  sante: ['M9 3h6v6h6v6h-6v6H9v-6H3V9h6z'],
  banque_et_achats_en_ligne: ['M2 6h20v13H2z', 'M2 10h20', 'M6 15h4'],
  entrepreneuriat: BRIEFCASE,
  insertion_professionnelle: ['M3 20h5v-5h5v-5h5V5h3'],
  securite_numerique: ['M12 2l8 3v6c0 5-3.5 9-8 11-4.5-2-8-6-8-11V5z', 'M9 12l2 2 4-4'],
  parentalite: FAMILY,
  scolarite_et_numerique: ['M2 9l10-5 10 5-10 5z', 'M6 11v5c3 3 9 3 12 0v-5', 'M22 9v6'],
  creer_avec_le_numerique: ['M4 20l4-1 11-11-3-3L5 16z', 'M14 6l3 3'],
  culture_numerique: ['M3 4h6a3 3 0 0 1 3 3v14a2 2 0 0 0-2-2H3z', 'M21 4h-6a3 3 0 0 0-3 3v14a2 2 0 0 1 2-2h7z'],
  intelligence_artificielle: ['M7 7h10v10H7z', 'M10 3v4', 'M14 3v4', 'M10 17v4', 'M14 17v4', 'M3 10h4', 'M3 14h4', 'M17 10h4', 'M17 14h4'],
  aide_aux_demarches_administratives: ['M5 3h14v18H5z', 'M8 8h8', 'M8 12h8', 'M8 16h4'],
  papiers_elections_citoyennete: ['M2 5h20v14H2z', c(8, 11, 2), 'M5 16a3 3 0 0 1 6 0', 'M14 10h5', 'M14 14h5'],
  famille_scolarite: FAMILY,
  social_sante: ['M12 21s-8-5-8-11a4.5 4.5 0 0 1 8-3 4.5 4.5 0 0 1 8 3c0 6-8 11-8 11z'],
  travail_formation: BRIEFCASE,
  logement: HOME,
  transports_mobilite: ['M5 3h14v14H5z', 'M5 11h14', 'M8 21v-4', 'M16 21v-4'],
  argent_impots: ['M17 6a7 7 0 1 0 0 12', 'M4 10h9', 'M4 14h9'],
  justice: ['M12 3v18', 'M7 21h10', 'M4 7h16', 'M4 7l-3 6a3 3 0 0 0 6 0z', 'M20 7l-3 6a3 3 0 0 0 6 0z'],
  etrangers_europe: ['M5 2h14v20H5z', c(12, 10, 3), 'M9 17h6'],
  loisirs_sports_culture: ['M9 18V5l11-2v13', c(6, 18, 3), c(17, 16, 3)],
  associations: GROUP,
  level1: bars(1),
  level2: bars(2),
  level3: bars(3),
  clock: [c(12, 12, 9), 'M12 7v5l3 3'],
  calendar: ['M3 5h18v16H3z', 'M3 10h18', 'M8 3v4', 'M16 3v4'],
  lock: ['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4'],
  orientation: ['M4 12h14', 'M13 6l6 6-6 6'],
  site: [c(12, 12, 9), 'M3 12h18', 'M12 3c3 3 3 15 0 18c-3-3-3-15 0-18'],
  tag: ['M3 3h8l10 10-8 8L3 11z', c(7.5, 7.5, 1.5)],
  ticket: ['M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4z', 'M14 7v10'],
  check: ['M4 12l5 5L20 6'],
  edit: ['M4 20l4-1 11-11-3-3L5 16z'],
  copy: ['M8 8h12v12H8z', 'M4 16V4h12'],
  trash: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 14h10l1-14'],
  plus: ['M12 5v14', 'M5 12h14'],
  minus: ['M5 12h14'],
} satisfies Record<string, string[]>;

export type IconName = keyof typeof ICONS;

/** A pictogram; decorative (aria-hidden), the text beside it names the choice. */
export function Icon({ name, size = 28 }: { name: IconName | string; size?: number }) {
  const paths = (ICONS as Record<string, string[]>)[name] ?? ICONS.autre;
  return (
    <svg class="icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
