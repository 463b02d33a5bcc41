import { z } from 'zod';

const list = z.array(z.string());

/**
 * A place of the directory once normalised: the standard's fields (venues-standard.md),
 * arrays for multi-valued fields (always present, maybe empty), optional scalars omitted
 * when empty, plus `departement` derived from the postcode / INSEE code.
 */
export const VenueSchema = z.object({
  id: z.string().min(1),
  pivot: z.string(),
  nom: z.string().min(1),
  commune: z.string().min(1),
  code_postal: z.string().regex(/^\d{5}$/),
  code_insee: z.string().optional(),
  adresse: z.string().min(1),
  complement_adresse: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  typologie: list,
  telephone: z.string().optional(),
  courriels: list,
  site_web: list,
  horaires: z.string().optional(),
  presentation_resume: z.string().optional(),
  presentation_detail: z.string().optional(),
  source: z.string().optional(),
  itinerance: list,
  structure_parente: z.string().optional(),
  date_maj: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  services: list,
  publics_specifiquement_adresses: list,
  prise_en_charge_specifique: list,
  frais_a_charge: list,
  dispositif_programmes_nationaux: list,
  formations_labels: list,
  autres_formations_labels: list,
  modalites_acces: list,
  modalites_accompagnement: list,
  fiche_acces_libre: z.string().optional(),
  prise_rdv: z.string().optional(),
  departement: z.string(),
});
export type Venue = z.infer<typeof VenueSchema>;

/** What `GET /api/v1/sync/venues` answers (protocol.md). */
export const VenuePageSchema = z.object({
  venues: z.array(VenueSchema),
  deleted: z.array(z.string()),
  cursor: z.string(),
  hasMore: z.boolean(),
  /**
   * Present when the hub answers from the first place (no cursor: `start`; another territory's
   * cursor: `territory`): the device replaces all its places with the pages of this pull.
   */
  restart: z.enum(['start', 'territory']).optional(),
});
export type VenuePage = z.infer<typeof VenuePageSchema>;

/** Columns a field report may target (the ones a mediator can see being wrong). */
export const REPORTABLE_FIELDS = [
  'nom',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'prise_rdv',
  'services',
  'modalites_acces',
  'frais_a_charge',
  'presentation_resume',
  'autre',
] as const;
export type ReportableField = (typeof REPORTABLE_FIELDS)[number];

/** `POST /api/v1/sync/venue-reports` body (contracts.md: optional client id for idempotence). */
export const VenueReportInputSchema = z
  .object({
    id: z.uuid({ message: 'id : doit être un UUID' }).optional(),
    venueId: z.string({ message: 'venueId : identifiant du lieu requis' }).min(1, 'venueId : identifiant du lieu requis').max(200),
    field: z.enum(REPORTABLE_FIELDS, { message: 'field : champ inconnu' }),
    proposed: z.string({ message: 'proposed : valeur proposée requise' }).trim().min(1, 'proposed : valeur proposée requise').max(2000, 'proposed : 2000 caractères au plus'),
    comment: z.string().trim().max(1000, 'comment : 1000 caractères au plus').optional(),
  })
  .strict();
export type VenueReportInput = z.infer<typeof VenueReportInputSchema>;

/** `GET /api/v1/sync/venues?since=&limit=` (cursor and limit checked by the hub: territory.ts) */
export const VenuePullQuerySchema = z.object({
  since: z.string().max(64, 'since : curseur inconnu').optional().describe("le curseur de la page précédente (absent : depuis le début)"),
  limit: z.string().max(12, 'limit : nombre entier de 1 à 5000').optional().describe('places par page, 1000 par défaut, 5000 au plus'),
});

/** What `POST /api/v1/sync/venue-reports` answers (201 new, 200 already received). */
export const VenueReportReceiptSchema = z.object({ id: z.string(), status: z.enum(['pending', 'applied', 'dismissed']) });
export type VenueReportReceipt = z.infer<typeof VenueReportReceiptSchema>;
