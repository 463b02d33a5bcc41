import { randomUUID } from 'node:crypto';
import type { DB, Dialect } from '../db/schema.ts';
import type { SeedContext } from './index.ts';
import { ingestActivities, type IngestItem } from '../repositories/activities.ts';
import { createMediator } from '../repositories/mediator-list.ts';
import { getVenuesByIds } from '../repositories/venues.ts';
import { DEMO_OWN_PLACE_IDS } from './venues.ts';
import { getStructure, updateStructure } from '../repositories/structures.ts';
import { ActivityRecordSchema } from '../../shared/activity/record.ts';
import { zonedDay } from '../../shared/time/zoned-date.ts';
import { addDays } from '../../shared/stats/periods.ts';

// A demo activity history (six months, two mediators) so the dashboard is not empty on a
// fresh hub. Deterministic: the same seed gives the same history relative to today.

const COMMUNES = ['13055', '13001', '84007', '83137', '06088', '04070'];
const THEMES = ['email', 'navigation_sur_internet', 'prendre_en_main_du_materiel', 'sante', 'banque_et_achats_en_ligne', 'securite_numerique', 'bureautique', 'reseaux_sociaux'] as const;
const ADMIN = ['social_sante', 'argent_impots', 'travail_formation', 'logement', 'papiers_elections_citoyennete', 'famille_scolarite'] as const;
const AGES = ['dix_huit_vingt_quatre', 'vingt_cinq_trente_neuf', 'quarante_cinquante_neuf', 'soixante_soixante_neuf', 'soixante_dix_plus'] as const;
const STATUS = ['retraite', 'sans_emploi', 'en_emploi', 'scolarise'] as const;
const DURATIONS = [15, 30, 30, 45, 60, 60, 90, 120];
const LINKS = ['ameli', 'caf', 'impots', 'francetravail', 'ants', 'mairie'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function dialectOf(db: DB): Dialect {
  const name = (db.getExecutor().adapter as { constructor: { name: string } }).constructor.name;
  return name.toLowerCase().includes('postgres') ? 'postgres' : 'sqlite';
}

/** The demo structure's tags (its settings), used by some demo records. */
export const DEMO_TAGS = [
  { id: 'permanence-caf', label: 'Permanence CAF' },
  { id: 'quartier-nord', label: 'Quartier nord' },
];

/**
 * Builds one demo record of the national taxonomy. `extra` draws what Kariole alone collects
 * (Aidants Connect, Pass numérique, tags) from its own sequence: the rest of the history stays
 * the same as before these were drawn.
 */
function demoRecord(r: () => number, date: string, venues: string[], extra: () => number): Record<string, unknown> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const collective = r() < 0.12;
  const admin = r() < 0.55;
  const themes = [...new Set([pick(THEMES), ...(r() < 0.3 ? [pick(THEMES)] : [])])];
  const kindRoll = r();
  const kind = venues.length && kindRoll < 0.6 ? 'lieu_activite' : kindRoll < 0.75 ? 'a_distance' : kindRoll < 0.9 ? 'autre' : 'domicile';
  const place = kind === 'lieu_activite' ? { kind, venueId: pick(venues) } : kind === 'a_distance' ? { kind } : { kind, communeInsee: pick(COMMUNES) };
  const base = {
    id: randomUUID(),
    revision: 1,
    date,
    durationMin: pick(DURATIONS),
    place,
    equipment: [pick(['ordinateur', 'telephone', 'tablette'] as const)],
    themes: admin ? [...themes, 'aide_aux_demarches_administratives' as const] : themes,
    adminThemes: admin ? [pick(ADMIN)] : [],
    portalLinkIds: admin ? [pick(LINKS)] : [],
    aidantsConnect: admin && extra() < 0.25,
    passNumerique: extra() < 0.08 ? 1 + Math.floor(extra() * 2) : 0,
    tags: DEMO_TAGS.filter(() => extra() < 0.3).map((t) => t.id),
  };
  if (collective) {
    const total = 4 + Math.floor(r() * 9);
    const women = Math.floor(total * (0.4 + r() * 0.3));
    return {
      ...base,
      type: 'collectif',
      workshop: { title: pick(['Premiers pas sur la tablette', 'Mes démarches en ligne', 'Sécuriser ses mots de passe']), level: pick(['debutant', 'intermediaire'] as const) },
      beneficiaries: { total, alreadyAccompanied: Math.floor(total / 3), genre: { feminin: women, masculin: total - women - 1 }, ageBand: { 'soixante_soixante_neuf': Math.floor(total / 2) }, status: { retraite: Math.floor(total / 2) } },
    };
  }
  return {
    ...base,
    type: 'individuel',
    autonomy: pick(['entierement_accompagne', 'partiellement_autonome', 'autonome'] as const),
    orientation: r() < 0.2 ? { oriented: true, towards: pick(['aide_sociale', 'administration', 'aide_aux_demarches_administratives'] as const) } : { oriented: false },
    beneficiaries: {
      total: 1,
      alreadyAccompanied: r() < 0.4 ? 1 : 0,
      genre: { [pick(['feminin', 'feminin', 'masculin'] as const)]: 1 },
      ageBand: { [pick(AGES)]: 1 },
      status: { [pick(STATUS)]: 1 },
      ...(r() < 0.8 ? { communeInsee: pick(COMMUNES) } : {}),
    },
  };
}

/** Demo activity history for the dashboard, pushed through the sync ingest as two mediators' tablets would. */
export async function seedActivities(db: DB, ctx: SeedContext): Promise<string[]> {
  const structure = await getStructure(db, ctx.structureId);
  if (!structure) return [];
  // its own places (seeded with the directory), never the first ones of the directory
  const found = new Set((await getVenuesByIds(db, DEMO_OWN_PLACE_IDS)).map((v) => v.id));
  const venues = DEMO_OWN_PLACE_IDS.filter((id) => found.has(id));
  await updateStructure(db, structure.id, { settings: { ...(venues.length ? { placesOfActivity: venues } : {}), tags: DEMO_TAGS } });
  const mediators = [
    { id: randomUUID(), label: 'Amina (démo)' },
    { id: randomUUID(), label: 'Julien (démo)' },
  ];
  const r = rng(2026);
  const extra = rng(1604);
  const today = zonedDay(new Date(), structure.timeZone);
  const dialect = dialectOf(db);
  let count = 0;
  for (const [m, mediator] of mediators.entries()) {
    await createMediator(db, { id: mediator.id, structureId: structure.id, label: mediator.label });
    const items: IngestItem[] = [];
    for (let d = 180; d >= 1; d--) {
      const date = addDays(today, -d);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const n = Math.floor(r() * (m === 0 ? 3 : 2.2));
      for (let i = 0; i < n; i++) {
        const record = ActivityRecordSchema.parse(demoRecord(r, date, venues, extra));
        items.push({ index: items.length, id: record.id, revision: 1, deleted: false, record: record as unknown as Record<string, unknown> });
      }
    }
    for (let i = 0; i < items.length; i += 250) {
      await ingestActivities(db, dialect, { deviceId: `demo-device-${m + 1}`, structureId: structure.id, mediatorId: mediator.id }, items.slice(i, i + 250), new Date().toISOString());
    }
    count += items.length;
  }
  return [`${count} demo activity records over the last six months (2 mediators).`];
}
