// Deterministic national-size venue directory (the "Schéma des lieux de médiation
// numérique" v1.0.2, 32 columns) derived from the real regional sample in data-demo/:
// each generated place takes a real place as its template and moves it to a commune drawn
// from the whole of France (weighted by population), with varied names, ids, addresses,
// hours, services and contact details. Same seed, same rows.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createRng, hashString, weightedTable, type Rng } from './random.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_FILE = path.join(ROOT, 'data-demo', 'hub-du-sud-2023-05-17.json');
export const CACHE_DIR = path.join(ROOT, 'bench', '.cache');
const GENERATOR_VERSION = 1;

/** The 32 columns of the national standard v1.0.2, in the order of the official example. */
export const VENUE_COLUMNS = [
  'id', 'pivot', 'nom', 'commune', 'code_postal', 'code_insee', 'adresse', 'complement_adresse', 'latitude',
  'longitude', 'typologie', 'telephone', 'courriels', 'site_web', 'horaires', 'presentation_resume',
  'presentation_detail', 'source', 'itinerance', 'structure_parente', 'date_maj', 'services',
  'publics_specifiquement_adresses', 'prise_en_charge_specifique', 'frais_a_charge',
  'dispositif_programmes_nationaux', 'formations_labels', 'autres_formations_labels', 'modalites_acces',
  'modalites_accompagnement', 'fiche_acces_libre', 'prise_rdv',
] as const;

export type VenueColumn = (typeof VENUE_COLUMNS)[number];
/** One row in the JSON array form of the standard (multi-valued fields joined by `|`). */
export type StandardVenueRow = Partial<Record<VenueColumn, string | number>> & {
  id: string;
  pivot: string;
  nom: string;
  commune: string;
  code_postal: string;
  adresse: string;
  date_maj: string;
};

const SERVICES = [
  'Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique', 'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique', 'Loisirs et créations numériques',
  'Compréhension du monde numérique', 'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
];
const PUBLICS = ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'];
const SUPPORT = ['Surdité', 'Handicaps moteurs', 'Handicaps mentaux', 'Illettrisme', 'Langues étrangères (anglais)', 'Langues étrangères (autres)', 'Déficience visuelle'];
const DISPOSITIFS = ['Aidants Connect', 'Conseillers numériques', 'France Services', 'Certification PIX', 'Emmaüs Connect', "Point d'accès numérique CAF", 'Promeneurs du net'];
const LABELS = ['Formé à « Mon Espace Santé »', 'Formé à « DUPLEX » (illettrisme)', 'Fabriques de Territoire', 'ORDI 3.0', 'Étapes numériques (La Poste)'];
const ACCESS = ['Se présenter', 'Téléphoner', 'Contacter par mail', 'Prendre un RDV en ligne', 'Envoyer un mail avec une fiche de prescription'];
const ACCOMPANIMENT = ['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance'];
const KINDS: readonly (readonly [string, string, number])[] = [
  // name prefix, typologie code, weight
  ['Espace France Services', 'RFS', 12], ['Médiathèque', 'BIB', 14], ['Centre social', 'CS', 12],
  ['CCAS', 'CCAS', 8], ['Espace public numérique', 'EPN', 10], ['Tiers-lieu', 'TIERS_LIEUX', 6],
  ['Maison des jeunes et de la culture', 'MJC', 4], ['Mairie', 'MUNI', 10], ['Point information médiation multi services', 'PIMMS', 3],
  ['Association', 'ASSO', 9], ['Maison de quartier', 'CSC', 5],
];
const QUALIFIERS = ['', '', '', ' du Centre', ' des Quatre Vents', ' Jean Jaurès', ' Victor Hugo', ' Louise Michel', ' de la Gare', ' du Port', ' Les Tilleuls', ' Simone Veil', ' Pablo Picasso', ' du Marché'];
const STREETS = ['Rue de la République', 'Avenue Jean Jaurès', 'Place de la Mairie', 'Rue Victor Hugo', 'Boulevard Gambetta', 'Rue du Général de Gaulle', 'Rue Pasteur', 'Allée des Tilleuls', 'Chemin des Écoliers', 'Rue de la Gare', 'Place du Marché', 'Rue Jules Ferry', 'Avenue de la Libération', 'Rue des Écoles'];
const ODD_HOURS = ['Sa 17:00', '12:00-14:00-17:00', 'Lundi au vendredi 9h-12h', 'Mo-Fr 09:00-12:00,14:00-17:00; PH off'];

interface Commune {
  code: string;
  nom: string;
  departement: string;
  codesPostaux: string[];
  population?: number;
}

type SampleRow = Record<string, string | number | undefined>;

let cachedInputs: { sample: SampleRow[]; pickCommune: (rng: Rng) => Commune; hours: string[]; streets: string[] } | undefined;

function inputs() {
  if (cachedInputs) return cachedInputs;
  const sample = JSON.parse(fs.readFileSync(SAMPLE_FILE, 'utf8')) as SampleRow[];
  const require = createRequire(import.meta.url);
  const all = require('@etalab/decoupage-administratif/data/communes.json') as (Commune & { type: string })[];
  const communes = all.filter((c) => c.type === 'commune-actuelle' && c.codesPostaux?.length);
  // Places follow people, but not linearly: small towns have a mairie or a library too.
  const pickCommune = weightedTable(communes, (c) => Math.pow(c.population ?? 50, 0.6));
  const hours = [...new Set(sample.map((r) => r.horaires).filter((h): h is string => typeof h === 'string'))].sort();
  const streets = [...new Set(sample.map((r) => String(r.adresse).replace(/^[\d\s,bisBISter-]+/, '').trim()).filter((s) => s.length > 4))].sort();
  cachedInputs = { sample, pickCommune, hours, streets };
  return cachedInputs;
}

const slug = (text: string) =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

function joinSome(rng: Rng, items: readonly string[], min: number, max: number): string {
  return rng.sample(items, rng.int(min, max)).join('|');
}

/** Stable pseudo-coordinates per commune (inside metropolitan France), jittered per place. */
function coordinates(commune: Commune, rng: Rng): [number, number] {
  const h = hashString(commune.code);
  const lat = 43.0 + ((h & 0xffff) / 0xffff) * 7.5;
  const lon = -1.5 + ((h >>> 16) / 0xffff) * 8.5;
  return [Number((lat + (rng.next() - 0.5) * 0.02).toFixed(6)), Number((lon + (rng.next() - 0.5) * 0.02).toFixed(6))];
}

function mapLegacyLabels(raw: unknown): string[] {
  const text = typeof raw === 'string' ? raw : '';
  const out: string[] = [];
  if (text.includes('CNFS')) out.push('Conseillers numériques');
  if (text.includes('France Services')) out.push('France Services');
  return out;
}

function venueName(rng: Rng, template: SampleRow, commune: Commune): { nom: string; typologie: string } {
  const [prefix, typologie] = rng.weighted(KINDS.map(([p, t, w]) => [[p, t] as const, w] as const));
  if (rng.chance(0.35)) {
    // The real name, moved to the new commune when it names its own.
    const real = String(template.nom);
    const town = String(template.commune);
    const nom = real.toLowerCase().includes(town.toLowerCase()) ? real.replace(new RegExp(town.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), commune.nom) : `${real} - ${commune.nom}`;
    return { nom, typologie };
  }
  return { nom: `${prefix}${rng.pick(QUALIFIERS)} ${commune.nom}`.replace(/\s+/g, ' '), typologie };
}

function isoDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `count` national-standard rows, the same for the same (count, seed). */
export function generateVenues(count: number, seed: number | string = 1): StandardVenueRow[] {
  const { sample, pickCommune, hours, streets } = inputs();
  const rng = createRng(`venues:${seed}`);
  const rows: StandardVenueRow[] = [];
  for (let i = 0; i < count; i++) {
    const template = sample[i % sample.length]!;
    const commune = pickCommune(rng);
    const { nom, typologie } = venueName(rng, template, commune);
    const web = slug(nom);
    const row: StandardVenueRow = {
      id: `${String(template.source ?? 'lieu')}-${rng.hex(8)}-${rng.hex(4)}-${i.toString(36)}`,
      pivot: rng.chance(0.7) ? '00000000000000' : `${rng.int(100000000, 999999999)}${String(rng.int(0, 99999)).padStart(5, '0')}`,
      nom,
      commune: commune.nom,
      code_postal: rng.pick(commune.codesPostaux),
      adresse: `${rng.int(1, 180)}${rng.chance(0.05) ? ' bis' : ''} ${rng.chance(0.5) ? rng.pick(streets) : rng.pick(STREETS)}`,
      date_maj: rng.chance(0.12) ? '1970-01-01' : typeof template.date_maj === 'string' && rng.chance(0.3) ? template.date_maj : isoDate(rng, 2022, 2025),
    };
    if (rng.chance(0.75)) row.code_insee = commune.code;
    if (rng.chance(0.1)) row.complement_adresse = rng.pick(['Rez-de-chaussée', 'Bâtiment B', '1er étage', 'Entrée par la cour']);
    if (rng.chance(0.95)) [row.latitude, row.longitude] = coordinates(commune, rng);
    row.typologie = typologie;
    if (rng.chance(0.5)) row.telephone = `+33${rng.int(1, 9)}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
    if (rng.chance(0.45)) row.courriels = `contact@${web}.fr${rng.chance(0.1) ? `|accueil@${web}.fr` : ''}`;
    if (rng.chance(0.35)) row.site_web = `https://www.${web}.fr/`;
    const h = rng.next();
    if (h < 0.62) row.horaires = rng.pick(hours);
    else if (h < 0.65) row.horaires = rng.pick(ODD_HOURS);
    if (rng.chance(0.3)) row.presentation_resume = `${nom} accueille les habitants de ${commune.nom} pour les accompagner dans leurs usages numériques et leurs démarches en ligne.`.slice(0, 280);
    if (rng.chance(0.1)) row.presentation_detail = 'Accompagnement gratuit sur rendez-vous ou lors des permanences. Ordinateurs en accès libre, ateliers collectifs chaque semaine.';
    row.source = String(template.source ?? 'bench');
    row.itinerance = rng.chance(0.06) ? 'Itinérant' : 'Fixe';
    row.services = rng.chance(0.5) && typeof template.services === 'string' ? template.services : joinSome(rng, SERVICES, 1, 4);
    if (rng.chance(0.15)) row.publics_specifiquement_adresses = joinSome(rng, PUBLICS, 1, 2);
    if (rng.chance(0.1)) row.prise_en_charge_specifique = joinSome(rng, SUPPORT, 1, 2);
    const fees = rng.next();
    if (fees < 0.7) row.frais_a_charge = 'Gratuit';
    else if (fees < 0.8) row.frais_a_charge = 'Gratuit sous condition';
    else if (fees < 0.84) row.frais_a_charge = 'Payant';
    const dispositifs = new Set(mapLegacyLabels(template.labels_nationaux));
    if (typologie === 'RFS') dispositifs.add('France Services');
    if (rng.chance(0.12)) dispositifs.add(rng.pick(DISPOSITIFS));
    if (dispositifs.size) row.dispositif_programmes_nationaux = [...dispositifs].join('|');
    if (rng.chance(0.05)) row.formations_labels = rng.pick(LABELS);
    if (rng.chance(0.4)) row.modalites_acces = joinSome(rng, ACCESS, 1, 3);
    if (rng.chance(0.4)) row.modalites_accompagnement = joinSome(rng, ACCOMPANIMENT, 1, 3);
    if (rng.chance(0.05)) row.fiche_acces_libre = `https://acceslibre.beta.gouv.fr/app/${web}/`;
    if (rng.chance(0.1)) row.prise_rdv = `https://rdv.${web}.fr/`;
    rows.push(row);
  }
  return rows;
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as a national-standard CSV (comma-separated UTF-8, header line, `|` lists). */
export function venuesToCsv(rows: readonly StandardVenueRow[]): string {
  const lines = [VENUE_COLUMNS.join(',')];
  for (const row of rows) lines.push(VENUE_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return lines.join('\n') + '\n';
}

/**
 * Writes (once per count and seed) the CSV and JSON files under bench/.cache/ and returns
 * their paths, for imports through the hub's CLI or API.
 */
export function writeVenueFiles(count: number, seed: number | string = 1, dir = CACHE_DIR): { csv: string; json: string; rows: StandardVenueRow[] } {
  fs.mkdirSync(dir, { recursive: true });
  // The version in the name: a changed generator never reuses an old file.
  const base = path.join(dir, `venues-v${GENERATOR_VERSION}-${count}-${seed}`);
  const rows = generateVenues(count, seed);
  if (!fs.existsSync(`${base}.csv`)) fs.writeFileSync(`${base}.csv`, venuesToCsv(rows));
  if (!fs.existsSync(`${base}.json`)) fs.writeFileSync(`${base}.json`, JSON.stringify(rows));
  return { csv: `${base}.csv`, json: `${base}.json`, rows };
}
