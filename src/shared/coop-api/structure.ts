import type { Venue } from '../venues/schema.ts';
import { toNationalRow } from '../venues/export.ts';
import { VENUE_COLUMNS } from '../venues/fields.ts';
import type { Lieu, Structure } from './resources.ts';

// A place of the hub's directory as La Coop's /structures (its "structures" are places of
// activity) and /lieux-activite (the national schéma des lieux de médiation numérique) serve it.

export interface StoredVenue {
  venue: Venue;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
}

const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);

export function toStructure(s: StoredVenue): Structure {
  const v = s.venue;
  const siret = /^\d{14}$/.test(v.pivot) && v.pivot !== '00000000000000' ? v.pivot : null;
  const rna = /^W\d{9}$/i.test(v.pivot) ? v.pivot : null;
  return {
    type: 'structure',
    id: v.id,
    attributes: {
      id_pg: null,
      structure_cartographie_nationale_id: v.id,
      creation: s.createdAt,
      modification: s.updatedAt,
      suppression: s.deleted ? s.updatedAt : null,
      nom: v.nom,
      adresse: v.adresse,
      commune: v.commune,
      code_postal: v.code_postal,
      code_insee: orNull(v.code_insee),
      complement_adresse: orNull(v.complement_adresse),
      latitude: v.latitude ?? null,
      longitude: v.longitude ?? null,
      siret,
      rna,
      visible_pour_cartographie_nationale: !s.deleted,
      typologies: [...v.typologie],
      presentation_resume: orNull(v.presentation_resume),
      presentation_detail: orNull(v.presentation_detail),
      site_web: v.site_web.length ? v.site_web.join('|') : null,
      telephone: orNull(v.telephone),
      courriels: [...v.courriels],
      fiche_acces_libre: orNull(v.fiche_acces_libre),
      horaires: orNull(v.horaires),
      prise_rdv: orNull(v.prise_rdv),
      structure_parente: orNull(v.structure_parente),
      services: [...v.services],
      publics_specifiquement_adresses: [...v.publics_specifiquement_adresses],
      prise_en_charge_specifique: [...v.prise_en_charge_specifique],
      frais_a_charge: [...v.frais_a_charge],
      dispositif_programmes_nationaux: [...v.dispositif_programmes_nationaux],
      formations_labels: [...v.formations_labels],
      autres_formations_labels: [...v.autres_formations_labels],
      itinerance: [...v.itinerance],
      modalites_acces: [...v.modalites_acces],
      modalites_accompagnement: [...v.modalites_accompagnement],
      // Kariole follows neither employment nor mediators' places of work.
      mediateurs_en_activite: 0,
      emplois: 0,
    },
  };
}

/** The national row of a place, empty fields left out, coordinates as numbers. */
export function toLieu(v: Venue): Lieu {
  const row = toNationalRow(v);
  const out: Record<string, string | number> = {};
  for (const c of VENUE_COLUMNS) {
    if (row[c] === '') continue;
    out[c] = c === 'latitude' || c === 'longitude' ? Number(row[c]) : row[c];
  }
  return out as Lieu;
}
