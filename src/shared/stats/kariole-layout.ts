import { AGE_BANDS, GENRES, STATUSES } from '../activity/codes.ts';
import type { ActivityRecord } from '../activity/record.ts';

// Kariole's own layout: one row per activity, every field of the anonymised record with its
// code (stable, for re-import and scripts), plus what the hub set (structure, mediator, times).

const counts = (prefix: string, codes: readonly { code: string }[]) => codes.map((c) => `${prefix}.${c.code}`);

export const KARIOLE_HEADERS = [
  'id', 'revision', 'structureId', 'structure', 'mediatorId', 'receivedAt', 'updatedAt', 'date', 'type', 'durationMin',
  'place.kind', 'place.venueId', 'place.communeInsee', 'equipment', 'themes', 'adminThemes', 'portalLinkIds', 'autonomy',
  'orientation.oriented', 'orientation.towards', 'orientation.venueId', 'workshop.title', 'workshop.level',
  'beneficiaries.total', 'beneficiaries.alreadyAccompanied',
  ...counts('beneficiaries.genre', GENRES), ...counts('beneficiaries.ageBand', AGE_BANDS), ...counts('beneficiaries.status', STATUSES),
  'beneficiaries.communeInsee', 'aidantsConnect', 'passNumerique', 'tags',
] as const;

export interface KarioleContext {
  /** the hub's opaque id of the activity (the device's record id, a UUID v7, carries its creation time) */
  publicId: string;
  structureId: string;
  structureName: string;
  mediatorId: string;
  receivedAt: string;
  updatedAt: string;
}

const list = (v: readonly string[]) => v.join('|');
const yesNo = (v: boolean | undefined) => (v === undefined ? '' : v ? 'oui' : 'non');

export function karioleRow(r: ActivityRecord, ctx: KarioleContext): (string | number)[] {
  const b = r.beneficiaries;
  return [
    ctx.publicId, r.revision, ctx.structureId, ctx.structureName, ctx.mediatorId, ctx.receivedAt, ctx.updatedAt, r.date, r.type, r.durationMin,
    r.place.kind, r.place.venueId ?? '', r.place.communeInsee ?? '', list(r.equipment), list(r.themes), list(r.adminThemes),
    list(r.portalLinkIds), r.autonomy ?? '', yesNo(r.orientation?.oriented), r.orientation?.towards ?? '', r.orientation?.venueId ?? '',
    r.workshop?.title ?? '', r.workshop?.level ?? '', b.total, b.alreadyAccompanied,
    ...GENRES.map((c) => (b.genre as Record<string, number>)[c.code] ?? 0),
    ...AGE_BANDS.map((c) => (b.ageBand as Record<string, number>)[c.code] ?? 0),
    ...STATUSES.map((c) => (b.status as Record<string, number>)[c.code] ?? 0),
    b.communeInsee ?? '', yesNo(r.aidantsConnect), r.passNumerique, list(r.tags),
  ];
}
