import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  ADMIN_THEMES,
  AGE_BANDS,
  AUTONOMY,
  EQUIPMENT,
  GENRES,
  ORIENTATION_TARGETS,
  PLACE_KINDS,
  STATUSES,
  THEMES,
  WORKSHOP_LEVELS,
  codesOf,
} from '../activity/codes.ts';

// Response documents of the Coop-compatible read API: JSON:API as La Coop's API v1 writes it
// (attributes in snake_case, values = the record codes of src/shared/activity/codes.ts, which
// are La Coop's API values). The hub's routes declare these, so the served OpenAPI document is
// generated from them.

export const JsonApiErrorSchema = z
  .object({
    status: z.string().describe('code HTTP, en texte'),
    code: z.string().optional(),
    title: z.string(),
    detail: z.string(),
    source: z.object({ parameter: z.string().optional(), header: z.string().optional() }).optional(),
  })
  .meta({ id: 'JsonApiError' });
export const JsonApiErrorsSchema = z.object({ errors: z.array(JsonApiErrorSchema) }).meta({ id: 'JsonApiErrors' });
export type JsonApiErrors = z.infer<typeof JsonApiErrorsSchema>;

const Link = z.object({ href: z.string() });
export const PaginationLinksSchema = z
  .object({ self: Link, next: Link.optional(), prev: Link.optional() })
  .meta({ id: 'PaginationLinks' });
export const ListMetadataSchema = z
  .object({
    total_count: z.number().int().describe("nombre total d'éléments correspondant à la requête"),
    items_per_page: z.number().int(),
    total_pages: z.number().int(),
    has_next_page: z.boolean(),
    has_prev_page: z.boolean(),
  })
  .meta({ id: 'ListMetadata' });

const countsOf = (codes: readonly { code: string }[]) => z.object(Object.fromEntries(codes.map((c) => [c.code, z.number().int()])));

export const BeneficiairesAttributesSchema = z.object({
  total: z.number().int(),
  genres: countsOf(GENRES),
  tranches_age: countsOf(AGE_BANDS),
  statuts: countsOf(STATUSES),
});

const en = <T extends readonly { code: string }[]>(list: T) => z.enum(codesOf(list as unknown as readonly { code: string; label: string }[]));

/**
 * An activity. A deleted activity (`suppression` set) keeps its id and dates only: the hub
 * erases a deleted record's content, so its other attributes are null or empty.
 */
export const ActiviteSchema = z
  .object({
    type: z.literal('activite'),
    id: z.string().describe("identifiant opaque de l'activité sur ce hub (jamais celui de l'appareil)"),
    attributes: z.object({
      type: en(ACTIVITY_TYPES).nullable(),
      mediateur_id: z.string().describe('identifiant pseudonyme du médiateur'),
      accompagnements: z.number().int(),
      date: z.string().nullable().describe("jour de l'activité (AAAA-MM-JJ)"),
      duree: z.number().int().nullable().describe('durée en minutes'),
      type_lieu: en(PLACE_KINDS).nullable(),
      structure_id: z.string().nullable().describe('lieu d’activité (si type_lieu = lieu_activite)'),
      lieu_code_postal: z.string().nullable(),
      lieu_commune: z.string().nullable(),
      lieu_code_insee: z.string().nullable(),
      creation: z.string().describe('réception par le hub (ISO 8601)'),
      modification: z.string().describe('dernière modification reçue (ISO 8601)'),
      suppression: z.string().nullable().describe('date de suppression, si l’activité est supprimée'),
      autonomie: en(AUTONOMY).nullable(),
      oriente_vers_structure: z.boolean().nullable(),
      structure_de_redirection: en(ORIENTATION_TARGETS).nullable(),
      materiel: z.array(en(EQUIPMENT)),
      thematiques: z.array(z.enum([...codesOf(THEMES), ...codesOf(ADMIN_THEMES)] as [string, ...string[]])),
      tags: z.array(z.string()),
      precisions_demarche: z.string().nullable().describe('noms des sites de démarches utilisés'),
      titre_atelier: z.string().nullable(),
      niveau_atelier: en(WORKSHOP_LEVELS).nullable(),
      beneficiaires: BeneficiairesAttributesSchema,
    }),
  })
  .meta({ id: 'Activite' });
export type Activite = z.infer<typeof ActiviteSchema>;

export const ActiviteListSchema = z.object({ data: z.array(ActiviteSchema), links: PaginationLinksSchema, meta: ListMetadataSchema });
export type ActiviteList = z.infer<typeof ActiviteListSchema>;

const LabelCount = z.object({ label: z.string(), count: z.number().int() }).meta({ id: 'LabelCount' });
const Share = z
  .object({ value: z.string(), label: z.string(), count: z.number().int(), proportion: z.number() })
  .meta({ id: 'ValueLabelCountProportion' });
const Part = z.object({ total: z.number().int(), proportion: z.number() });

export const StatistiquesAttributesSchema = z.object({
  accompagnements_par_jour: z.array(LabelCount),
  accompagnements_par_mois: z.array(LabelCount),
  beneficiaires: z.object({ total: z.number().int(), genres: z.array(Share), tranche_ages: z.array(Share), statuts_social: z.array(Share) }),
  activites: z.object({
    total: z.number().int(),
    type_activites: z.array(Share),
    durees: z.array(Share),
    type_lieu: z.array(Share),
    thematiques: z.array(Share),
    thematiques_demarches: z.array(Share),
    materiels: z.array(Share),
    tags: z.array(z.object({ label: z.string(), count: z.number().int(), proportion: z.number() })),
  }),
  totaux: z.object({
    activites: z.object({ total: z.number().int(), individuels: Part, collectifs: Part.extend({ participants: z.number().int() }) }),
    accompagnements: z.object({ total: z.number().int(), individuels: Part, collectifs: Part }),
    beneficiaires: z.object({ total: z.number().int(), nouveaux: z.number().int(), suivis: z.number().int(), anonymes: z.number().int() }),
  }),
});
export type StatistiquesAttributes = z.infer<typeof StatistiquesAttributesSchema>;

export const StatistiquesDocSchema = z.object({
  data: z.object({ type: z.literal('statistiques'), id: z.literal('statistiques'), attributes: StatistiquesAttributesSchema }).meta({ id: 'Statistiques' }),
  links: z.object({ self: Link }),
  meta: z.object({}),
});
export type StatistiquesDoc = z.infer<typeof StatistiquesDocSchema>;

const strList = z.array(z.string());
export const StructureSchema = z
  .object({
    type: z.literal('structure'),
    id: z.string(),
    attributes: z.object({
      id_pg: z.number().int().nullable(),
      structure_cartographie_nationale_id: z.string().nullable(),
      creation: z.string(),
      modification: z.string(),
      suppression: z.string().nullable(),
      nom: z.string(),
      adresse: z.string(),
      commune: z.string(),
      code_postal: z.string(),
      code_insee: z.string().nullable(),
      complement_adresse: z.string().nullable(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      siret: z.string().nullable(),
      rna: z.string().nullable(),
      visible_pour_cartographie_nationale: z.boolean(),
      typologies: strList,
      presentation_resume: z.string().nullable(),
      presentation_detail: z.string().nullable(),
      site_web: z.string().nullable(),
      telephone: z.string().nullable(),
      courriels: strList,
      fiche_acces_libre: z.string().nullable(),
      horaires: z.string().nullable(),
      prise_rdv: z.string().nullable(),
      structure_parente: z.string().nullable(),
      services: strList,
      publics_specifiquement_adresses: strList,
      prise_en_charge_specifique: strList,
      frais_a_charge: strList,
      dispositif_programmes_nationaux: strList,
      formations_labels: strList,
      autres_formations_labels: strList,
      itinerance: strList,
      modalites_acces: strList,
      modalites_accompagnement: strList,
      mediateurs_en_activite: z.number().int(),
      emplois: z.number().int(),
    }),
  })
  .meta({ id: 'Structure' });
export type Structure = z.infer<typeof StructureSchema>;
export const StructureListSchema = z.object({ data: z.array(StructureSchema), links: PaginationLinksSchema, meta: ListMetadataSchema });
export type StructureList = z.infer<typeof StructureListSchema>;

/** A place in the national "schéma des lieux de médiation numérique" (empty fields left out). */
export const LieuSchema = z
  .object({ id: z.string(), pivot: z.string(), nom: z.string(), latitude: z.number().optional(), longitude: z.number().optional() })
  .catchall(z.string())
  .meta({ id: 'LieuInclusionNumerique' });
export type Lieu = z.infer<typeof LieuSchema>;

export const HealthSchema = z.object({ status: z.enum(['ok', 'error']) });
