import {
  ACTIVITY_TYPES, ADMIN_THEMES, AGE_BANDS, AUTONOMY, EQUIPMENT, GENRES, ORIENTATION_TARGETS, PLACE_KINDS, STATUSES, THEMES,
  WORKSHOP_LEVELS, labelOf, type Coded,
} from '../activity/codes.ts';
import type { ActivityRecord } from '../activity/record.ts';
import { frenchDay } from '../time/zoned-date.ts';

/** The national tool's export columns (taxonomy.md), in order, without the personal ones. */
export const NATIONAL_HEADERS = [
  'Date', 'Enregistré le', 'Dernière modification le', 'Type', 'Participants', "Canaux d'accompagnement", 'Nom du lieu',
  'Adresse', 'Commune', 'Code postal', 'Code Insee', 'Durée (min)', "Nom de l'atelier", 'Matériel', 'Thématique(s)', 'Tags',
  'Nom de la démarche administrative', "Niveau d'autonomie (ou de l'atelier)", 'Bénéficiaire réorienté', 'Structure de redirection',
  'Commune du bénéficiaire', 'Code postal du bénéficiaire', 'Code Insee du bénéficiaire', 'Genre', "Tranche d'âge", 'Statut',
  'Source', 'ID CRA',
] as const;

/** What the hub knows around a record: names it resolved, never anything from the person. */
export interface NationalContext {
  /** the structure's zone: "Enregistré le" and "Dernière modification le" are days in it */
  timeZone?: string;
  receivedAt: string;
  updatedAt: string;
  venue?: { nom: string; adresse?: string; commune?: string; codePostal?: string; codeInsee?: string } | undefined;
  placeCommune?: { name: string; postcode: string } | undefined;
  residentCommune?: { name: string; postcode: string } | undefined;
  orientationVenueName?: string | undefined;
  portalNames: string[];
  tagLabels: string[];
}

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const labels = (list: readonly Coded[], codes: readonly string[]) => codes.map((c) => labelOf(list, c)).join(', ');

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

/** One row per accompaniment: a workshop of 10 gives 10 rows, "1/10" to "10/10". */
export function nationalRows(r: ActivityRecord, ctx: NationalContext): (string | number)[][] {
  const n = r.beneficiaries.total;
  const individual = r.type === 'individuel';
  const place = ctx.venue
    ? [ctx.venue.nom, ctx.venue.adresse ?? '', ctx.venue.commune ?? '', ctx.venue.codePostal ?? '', ctx.venue.codeInsee ?? '']
    : ['', '', ctx.placeCommune?.name ?? '', ctx.placeCommune?.postcode ?? '', r.place.communeInsee ?? ''];
  const redirection = r.orientation?.oriented
    ? [r.orientation.towards ? labelOf(ORIENTATION_TARGETS, r.orientation.towards) : '', ctx.orientationVenueName ?? ''].filter(Boolean).join(' — ')
    : '';
  const rows: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([
      frDate(r.date),
      frenchDay(ctx.receivedAt, ctx.timeZone),
      frenchDay(ctx.updatedAt, ctx.timeZone),
      labelOf(ACTIVITY_TYPES, r.type),
      `${i + 1}/${n}`,
      labelOf(PLACE_KINDS, r.place.kind),
      ...place,
      r.durationMin,
      r.workshop?.title ?? '',
      labels(EQUIPMENT, r.equipment),
      [labels(THEMES, r.themes), labels(ADMIN_THEMES, r.adminThemes)].filter(Boolean).join(', '),
      ctx.tagLabels.join(', '),
      ctx.portalNames.join(', '),
      level(r),
      individual ? (r.orientation?.oriented ? 'Oui' : 'Non') : '',
      redirection,
      ctx.residentCommune?.name ?? '',
      ctx.residentCommune?.postcode ?? '',
      r.beneficiaries.communeInsee ?? '',
      nthOf(GENRES, r.beneficiaries.genre, i),
      nthOf(AGE_BANDS, r.beneficiaries.ageBand, i),
      nthOf(STATUSES, r.beneficiaries.status, i),
      'Kariole',
      r.id,
    ]);
  }
  return rows;
}
