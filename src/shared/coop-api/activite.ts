import { AGE_BANDS, GENRES, PLACE_KINDS, STATUSES, type Coded } from '../activity/codes.ts';
import type { ActivityRecord } from '../activity/record.ts';
import type { Activite } from './resources.ts';

// One stored activity as La Coop's API v1 serves it (GET /api/v1/activites). Values are the
// record's codes as they are (src/shared/activity/codes.ts holds La Coop's API values); the
// names the record only points to (tags, portal sites, communes) are resolved by the caller.

export interface StoredForApi {
  /** the hub's opaque id (activities.public_id), never the device's record id */
  publicId: string;
  structureId: string;
  mediatorId: string;
  deleted: boolean;
  record: ActivityRecord | null;
  receivedAt: string;
  updatedAt: string;
}

export interface ActiviteNames {
  commune(insee: string | undefined): { name: string; postcode: string } | undefined;
  tagLabels(ids: readonly string[]): string[];
  portalNames(ids: readonly string[]): string[];
}

/** code → count over a list of codes; what the breakdown leaves of `total` goes to non_communique. */
export function fullCounts(codes: readonly Coded[], counts: Partial<Record<string, number>>, total: number): Record<string, number> {
  const out: Record<string, number> = {};
  let sum = 0;
  for (const c of codes) {
    const n = counts[c.code] ?? 0;
    out[c.code] = n;
    sum += n;
  }
  if ('non_communique' in out) out.non_communique = (out.non_communique ?? 0) + Math.max(0, total - sum);
  return out;
}

const LIEU_ACTIVITE = PLACE_KINDS[0].code;

export function toActivite(s: StoredForApi, names: ActiviteNames): Activite {
  const dates = { creation: s.receivedAt, modification: s.updatedAt, suppression: s.deleted ? s.updatedAt : null };
  const r = s.record;
  if (s.deleted || !r) {
    return {
      type: 'activite',
      id: s.publicId,
      attributes: {
        type: null, mediateur_id: s.mediatorId, accompagnements: 0, date: null, duree: null, type_lieu: null, structure_id: null,
        lieu_code_postal: null, lieu_commune: null, lieu_code_insee: null, ...dates, suppression: s.updatedAt, autonomie: null,
        oriente_vers_structure: null, structure_de_redirection: null, materiel: [], thematiques: [], tags: [], precisions_demarche: null,
        titre_atelier: null, niveau_atelier: null,
        beneficiaires: { total: 0, genres: fullCounts(GENRES, {}, 0), tranches_age: fullCounts(AGE_BANDS, {}, 0), statuts: fullCounts(STATUSES, {}, 0) },
      },
    };
  }
  const b = r.beneficiaries;
  const atVenue = r.place.kind === LIEU_ACTIVITE;
  const commune = atVenue ? undefined : names.commune(r.place.communeInsee);
  const portals = names.portalNames(r.portalLinkIds);
  const individual = r.type === 'individuel';
  return {
    type: 'activite',
    id: s.publicId,
    attributes: {
      type: r.type,
      mediateur_id: s.mediatorId,
      accompagnements: b.total,
      date: r.date,
      duree: r.durationMin,
      type_lieu: r.place.kind,
      structure_id: atVenue ? (r.place.venueId ?? null) : null,
      lieu_code_postal: commune?.postcode || null,
      lieu_commune: commune?.name ?? null,
      lieu_code_insee: atVenue ? null : (r.place.communeInsee ?? null),
      ...dates,
      autonomie: r.autonomy ?? null,
      oriente_vers_structure: individual ? (r.orientation?.oriented ?? false) : null,
      structure_de_redirection: r.orientation?.oriented ? (r.orientation.towards ?? null) : null,
      materiel: [...r.equipment],
      thematiques: [...r.themes, ...r.adminThemes],
      tags: names.tagLabels(r.tags),
      precisions_demarche: portals.length ? portals.join(', ') : null,
      titre_atelier: r.workshop?.title ?? null,
      niveau_atelier: r.workshop?.level ?? null,
      beneficiaires: {
        total: b.total,
        genres: fullCounts(GENRES, b.genre, b.total),
        tranches_age: fullCounts(AGE_BANDS, b.ageBand, b.total),
        statuts: fullCounts(STATUSES, b.status, b.total),
      },
    },
  };
}
