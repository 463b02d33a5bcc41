// Deterministic activity history: wire records (taxonomy.md) spread over structures,
// mediators and a date range (two years by default), with the proportions a real structure
// shows (mostly individual sessions, on weekdays, at its own places of activity). The hub
// sets structureId / deviceId / mediatorId from the device's token, so each generated record
// comes with the identity it is pushed (or stored) under.
import { createRequire } from 'node:module';
import {
  ADMIN_THEMES, AGE_BANDS, AUTONOMY, ORIENTATION_TARGETS, STATUSES, THEMES, WORKSHOP_LEVELS, codesOf,
} from '../../src/shared/activity/codes.ts';
import type { ActivityRecord } from '../../src/shared/activity/record.ts';
import { createRng, hashString, weightedTable, type Rng } from './random.ts';

export interface StructureSpec {
  id: string;
  /** its places of activity (default: three ids derived from the structure id) */
  venueIds?: string[];
  /** INSEE codes of its territory (default: communes of one département) */
  communes?: string[];
  tagIds?: string[];
}

export interface ActivityGenOptions {
  /** how many structures (ids `bench-s<N>`) or which */
  structures: number | (string | StructureSpec)[];
  /** mediators per structure (ids `<structureId>-m<N>`), or the ids per structure id */
  mediators: number | Record<string, string[]>;
  /** first and last date (YYYY-MM-DD, inclusive) */
  from: string;
  to: string;
  /** portal entries used for administrative help (default: a few national sites) */
  portalLinkIds?: string[];
}

/** The wire record (taxonomy.md) with every defaulted field written out, as the schema outputs it. */
export type GeneratedRecord = ActivityRecord;

export interface GeneratedActivity {
  structureId: string;
  mediatorId: string;
  /** one device per mediator */
  deviceId: string;
  record: GeneratedRecord;
}

export const DEFAULT_PORTAL_LINKS = ['ameli', 'caf', 'impots', 'france-travail', 'ants', 'info-retraite', 'service-public', 'mes-aides'];
const DEPARTEMENTS = ['13', '59', '33', '69', '35', '44', '67', '31', '93', '62', '76', '34', '06', '38', '29', '84'];
const WORKSHOP_TITLES = [
  'Premiers pas sur la tablette', 'Créer et gérer son adresse e-mail', 'Les démarches en ligne de la CAF',
  'Sécuriser ses mots de passe', 'Visioconférence avec ses proches', 'Ranger ses photos', 'France Connect pas à pas',
  'Repérer les arnaques en ligne', 'Mon Espace Santé', 'Faire son CV en ligne',
];

const theme = codesOf(THEMES).filter((c) => c !== 'aide_aux_demarches_administratives');
const adminThemes = codesOf(ADMIN_THEMES);
const autonomy = codesOf(AUTONOMY);
const targets = codesOf(ORIENTATION_TARGETS);
const levels = codesOf(WORKSHOP_LEVELS);
const ageBands = codesOf(AGE_BANDS).filter((c) => c !== 'non_communique');
const statuses = codesOf(STATUSES).filter((c) => c !== 'non_communique');

interface Commune {
  code: string;
  departement: string;
  type: string;
  population?: number;
}
let communesByDep: Map<string, Commune[]> | undefined;
function communesOf(dep: string): string[] {
  if (!communesByDep) {
    const require = createRequire(import.meta.url);
    const all = require('@etalab/decoupage-administratif/data/communes.json') as Commune[];
    communesByDep = new Map();
    for (const c of all) {
      if (c.type !== 'commune-actuelle') continue;
      const list = communesByDep.get(c.departement) ?? [];
      list.push(c);
      communesByDep.set(c.departement, list);
    }
  }
  // The 30 most populous communes: where people of a structure's territory live.
  return [...(communesByDep.get(dep) ?? [])].sort((a, b) => (b.population ?? 0) - (a.population ?? 0)).slice(0, 30).map((c) => c.code);
}

interface ResolvedStructure {
  id: string;
  venueIds: string[];
  communes: string[];
  tagIds: string[];
  mediators: string[];
  pickCommune: (rng: Rng) => string;
}

function resolveStructures(opts: ActivityGenOptions): ResolvedStructure[] {
  const specs: StructureSpec[] = typeof opts.structures === 'number'
    ? Array.from({ length: opts.structures }, (_, i) => ({ id: `bench-s${i + 1}` }))
    : opts.structures.map((s) => (typeof s === 'string' ? { id: s } : s));
  if (!specs.length) throw new Error('generateActivities: at least one structure is needed');
  return specs.map((s) => {
    const communes = s.communes?.length ? s.communes : communesOf(DEPARTEMENTS[hashString(s.id) % DEPARTEMENTS.length]!);
    const mediators = typeof opts.mediators === 'number'
      ? Array.from({ length: Math.max(1, opts.mediators) }, (_, i) => `${s.id}-m${i + 1}`)
      : (opts.mediators[s.id] ?? [`${s.id}-m1`]);
    return {
      id: s.id,
      venueIds: s.venueIds?.length ? s.venueIds : [1, 2, 3].map((k) => `${s.id}-lieu-${k}`),
      communes,
      tagIds: s.tagIds ?? [],
      mediators,
      // The first communes (the biggest) are where most people live.
      pickCommune: weightedTable(communes, (c) => 1 / (1 + communes.indexOf(c))),
    };
  });
}

/** The working days (Monday–Saturday, fewer on Saturdays) between two dates, as YYYY-MM-DD. */
function workingDays(from: string, to: string): { days: string[]; weights: number[] } {
  const days: string[] = [];
  const weights: number[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const dow = new Date(t).getUTCDay();
    if (dow === 0) continue;
    days.push(new Date(t).toISOString().slice(0, 10));
    weights.push(dow === 6 ? 0.3 : 1);
  }
  if (!days.length) throw new Error(`generateActivities: no working day between ${from} and ${to}`);
  return { days, weights };
}

/** A UUID v7 whose time part falls on the record's date (devices create ids when they save). */
function uuidV7(rng: Rng, date: string): string {
  const ms = Date.parse(`${date}T08:00:00Z`) + rng.int(0, 10 * 3600_000);
  const time = ms.toString(16).padStart(12, '0');
  const variant = ((rng.int(0, 3) | 8) >>> 0).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rng.hex(3)}-${variant}${rng.hex(3)}-${rng.hex(12)}`;
}

function oneOf(rng: Rng, codes: readonly string[], pUnknown: number): Record<string, number> {
  return rng.chance(pUnknown) ? {} : { [rng.pick(codes)]: 1 };
}

/** Splits `total` people over codes (some left "non communiqué"). */
function spread(rng: Rng, codes: readonly string[], total: number): Record<string, number> {
  const out: Record<string, number> = {};
  let left = total - rng.int(0, Math.floor(total / 4));
  for (const code of rng.sample(codes, rng.int(1, Math.min(3, codes.length)))) {
    if (left <= 0) break;
    const n = rng.int(1, left);
    out[code] = n;
    left -= n;
  }
  return out;
}

function individual(rng: Rng, s: ResolvedStructure, portal: string[], base: Omit<GeneratedRecord, 'type' | 'beneficiaries' | 'place'>): GeneratedRecord {
  const placeDraw = rng.next();
  const place: GeneratedRecord['place'] = placeDraw < 0.72 ? { kind: 'lieu_activite', venueId: s.venueIds[rng.next() < 0.7 ? 0 : rng.int(0, s.venueIds.length - 1)]! }
    : placeDraw < 0.84 ? { kind: 'a_distance' }
      : { kind: placeDraw < 0.94 ? 'autre' : 'domicile', communeInsee: s.pickCommune(rng) };
  const record: GeneratedRecord = {
    ...base,
    type: 'individuel',
    place,
    autonomy: rng.pick(autonomy),
    orientation: rng.chance(0.15) ? { oriented: true, towards: rng.pick(targets) } : { oriented: false },
    beneficiaries: {
      total: 1,
      alreadyAccompanied: rng.chance(0.45) ? 1 : 0,
      genre: oneOf(rng, ['feminin', 'masculin'], 0.1),
      ageBand: oneOf(rng, ageBands, 0.15),
      status: oneOf(rng, statuses, 0.2),
    },
  };
  if (rng.chance(0.7)) record.beneficiaries.communeInsee = s.pickCommune(rng);
  if (record.adminThemes?.length && rng.chance(0.6)) record.portalLinkIds = rng.sample(portal, rng.int(1, 2));
  return record;
}

function collective(rng: Rng, base: Omit<GeneratedRecord, 'type' | 'beneficiaries' | 'place'>, s: ResolvedStructure): GeneratedRecord {
  const total = rng.int(3, 14);
  return {
    ...base,
    type: 'collectif',
    place: { kind: 'lieu_activite', venueId: s.venueIds[0]! },
    workshop: { title: rng.pick(WORKSHOP_TITLES), level: rng.pick(levels) },
    beneficiaries: {
      total,
      alreadyAccompanied: rng.int(0, total),
      genre: spread(rng, ['feminin', 'masculin'], total),
      ageBand: spread(rng, ageBands, total),
      status: spread(rng, statuses, total),
    },
  };
}

/** The records one by one (a million need not be held in memory at once). */
export function* iterateActivities(count: number, seed: number | string, opts: ActivityGenOptions): Generator<GeneratedActivity> {
  const rng = createRng(`activities:${seed}`);
  const structures = resolveStructures(opts);
  const { days, weights } = workingDays(opts.from, opts.to);
  const pickDay = weightedTable(days.map((d, i) => [d, weights[i]!] as const), ([, w]) => w);
  // Some structures are much busier than others.
  const pickStructure = weightedTable(structures, (s) => 1 + (hashString(s.id) % 5));
  const portal = opts.portalLinkIds ?? DEFAULT_PORTAL_LINKS;
  const durations: [number, number][] = [[15, 15], [30, 35], [45, 15], [60, 20], [90, 8], [120, 4], [20, 1], [40, 1], [180, 1]];
  for (let i = 0; i < count; i++) {
    const s = pickStructure(rng);
    const mediatorId = rng.pick(s.mediators);
    const date = pickDay(rng)[0];
    const themes: ActivityRecord['themes'] = rng.sample(theme, rng.int(1, 2));
    const admin = rng.chance(0.45);
    if (admin) themes.push('aide_aux_demarches_administratives');
    const base: Omit<GeneratedRecord, 'type' | 'beneficiaries' | 'place'> = {
      id: uuidV7(rng, date),
      revision: rng.chance(0.05) ? 2 : 1,
      date,
      durationMin: rng.weighted(durations),
      equipment: rng.chance(0.08) ? ['aucun'] : rng.sample(['ordinateur', 'telephone', 'tablette'] as const, rng.int(1, 2)),
      themes: themes as ActivityRecord['themes'],
      adminThemes: admin ? (rng.sample(adminThemes, rng.int(1, 2)) as ActivityRecord['adminThemes']) : [],
      portalLinkIds: [],
      aidantsConnect: admin && rng.chance(0.1),
      passNumerique: rng.chance(0.02) ? 1 : 0,
      tags: s.tagIds.length && rng.chance(0.3) ? [rng.pick(s.tagIds)] : [],
    };
    const record = rng.chance(0.82) ? individual(rng, s, portal, base) : collective(rng, base, s);
    yield { structureId: s.id, mediatorId, deviceId: `${mediatorId}-d`, record };
  }
}

/** `count` records, the same for the same (count, seed, opts). */
export function generateActivities(count: number, seed: number | string, opts: ActivityGenOptions): GeneratedActivity[] {
  return [...iterateActivities(count, seed, opts)];
}

/** Two years of history ending at `to` (defaults used by the bench). */
export function twoYearsTo(to = '2026-10-31'): { from: string; to: string } {
  const end = new Date(`${to}T00:00:00Z`);
  const start = new Date(end);
  start.setUTCFullYear(end.getUTCFullYear() - 2);
  start.setUTCDate(start.getUTCDate() + 1);
  return { from: start.toISOString().slice(0, 10), to };
}
