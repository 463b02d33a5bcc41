import {
  ACTIVITY_TYPES, ADMIN_THEMES, AGE_BANDS, AUTONOMY, EQUIPMENT, GENRES, ORIENTATION_TARGETS, PLACE_KINDS, STATUSES, THEMES,
  WORKSHOP_LEVELS, labelOf, type Coded,
} from '../activity/codes.ts';
import type { ActivityRecord } from '../activity/record.ts';
import { frenchDateTime } from '../time/zoned-date.ts';

/** The Coop's coordinator export headers (taxonomy.md, its buildAccompagnementsWorksheet), in order. */
export const NATIONAL_HEADERS = [
  'Date', 'Enregistré le', 'Dernière modification le', 'Prénom du médiateur', 'Nom du médiateur', 'Rôle', 'ID - Conum', 'Type',
  'Participants', 'Canaux d’accompagnement', 'Nom du lieu', 'Adresse', 'Commune', 'Code postal', 'Code Insee', 'Durée (min)',
  'Nom de l’atelier', 'Matériel numérique utilisé', 'Thématique(s) d’accompagnement', 'Tags', 'Nom de la démarche administrative',
  'Niveau d’autonomie (ou de l’atelier)', 'Bénéficiaire réorienté', 'Structure de redirection', 'Commune du bénéficiaire',
  'Code postal du bénéficiaire', 'Code Insee du bénéficiaire', 'Genre du bénéficiaire', 'Tranche d’âge du bénéficiaire',
  'Statut du bénéficiaire', 'Source de la donnée', 'ID CRA',
] as const;

/** Columns holding a date (a real date cell in XLSX, dd/mm/yyyy in CSV). */
export const NATIONAL_DATE_COLUMNS = [0] as const;

/** A cell of the national layout: a Date only in the date columns. */
export type NationalCell = string | number | Date;

/** Several values in one cell, as the Coop writes them. */
const IN_CELL = '\n';

/** What the hub knows around a record: names it resolved, never anything from the person. */
export interface NationalContext {
  /** the hub's opaque public id of the activity (activities.public_id), written as "ID CRA": never the device's record id, whose UUID v7 dates the session */
  publicId: string;
  receivedAt: string;
  updatedAt: string;
  /** the structure's time zone for the times shown (default Europe/Paris) */
  timeZone?: string | undefined;
  /** the mediator's label (Kariole has no names), and whether they are a conseiller numérique */
  mediator?: { label?: string | null | undefined; conseillerNumerique?: boolean | undefined; conumId?: string | undefined } | undefined;
  venue?: { nom: string; adresse?: string; commune?: string; codePostal?: string; codeInsee?: string } | undefined;
  placeCommune?: { name: string; postcode: string } | undefined;
  residentCommune?: { name: string; postcode: string } | undefined;
  portalNames: string[];
  tagLabels: string[];
}

/** A calendar day as a Date at 00:00 UTC (a spreadsheet date cell holds exactly that day). */
export const dayCell = (ymd: string): Date => new Date(`${ymd}T00:00:00.000Z`);

const labels = (list: readonly Coded[], codes: readonly string[]) => codes.map((c) => labelOf(list, c));

/** The label of the i-th participant in a breakdown of counts (participants listed code by code, then "non communiqué"). */
export function nthOf(list: readonly Coded[], counts: Partial<Record<string, number>>, i: number): string {
  let seen = 0;
  for (const c of list) {
    if (c.code === 'non_communique') continue;
    seen += counts[c.code] ?? 0;
    if (i < seen) return c.label;
  }
  return labelOf(list, 'non_communique');
}

function level(r: ActivityRecord): string {
  if (r.type === 'collectif' && r.workshop) return `${WORKSHOP_LEVELS.findIndex((l) => l.code === r.workshop!.level) + 1}/3`;
  if (r.autonomy) return `${AUTONOMY.findIndex((a) => a.code === r.autonomy) + 1}/3`;
  return '';
}

/** One row per accompaniment: a workshop of 10 gives 10 rows, "1/10" to "10/10"; one person is `1`. */
export function nationalRows(r: ActivityRecord, ctx: NationalContext): NationalCell[][] {
  const n = r.beneficiaries.total;
  const place = ctx.venue
    ? [ctx.venue.nom, ctx.venue.adresse ?? '', ctx.venue.commune ?? '', ctx.venue.codePostal ?? '', ctx.venue.codeInsee ?? '']
    : ['', '', ctx.placeCommune?.name ?? '', ctx.placeCommune?.postcode ?? '', r.place.communeInsee ?? ''];
  const oriented = r.orientation ? (r.orientation.oriented ? 'Oui' : 'Non') : '';
  const redirection = r.orientation?.oriented && r.orientation.towards ? labelOf(ORIENTATION_TARGETS, r.orientation.towards) : '';
  const shared = {
    registered: frenchDateTime(ctx.receivedAt, ctx.timeZone),
    modified: ctx.updatedAt === ctx.receivedAt ? '' : frenchDateTime(ctx.updatedAt, ctx.timeZone),
    equipment: labels(EQUIPMENT, r.equipment).join(IN_CELL),
    themes: [...labels(THEMES, r.themes), ...labels(ADMIN_THEMES, r.adminThemes)].join(IN_CELL),
  };
  const rows: NationalCell[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([
      dayCell(r.date),
      shared.registered,
      shared.modified,
      '',
      ctx.mediator?.label ?? '',
      ctx.mediator?.conseillerNumerique ? 'Conseiller Numérique' : 'Médiateur',
      ctx.mediator?.conumId ?? '',
      labelOf(ACTIVITY_TYPES, r.type),
      n === 1 ? 1 : `${i + 1}/${n}`,
      labelOf(PLACE_KINDS, r.place.kind),
      ...place,
      r.durationMin,
      r.workshop?.title ?? '',
      shared.equipment,
      shared.themes,
      ctx.tagLabels.join(IN_CELL),
      ctx.portalNames.join(IN_CELL),
      level(r),
      oriented,
      redirection,
      ctx.residentCommune?.name ?? '',
      ctx.residentCommune?.postcode ?? '',
      r.beneficiaries.communeInsee ?? '',
      nthOf(GENRES, r.beneficiaries.genre, i),
      nthOf(AGE_BANDS, r.beneficiaries.ageBand, i),
      nthOf(STATUSES, r.beneficiaries.status, i),
      'Kariole',
      ctx.publicId,
    ]);
  }
  return rows;
}
