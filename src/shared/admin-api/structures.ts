import { z } from 'zod';
import { plainText } from '../activity/record.ts';
import { TIME_ZONE_MAX_LENGTH, isTimeZone } from '../time/zoned-date.ts';

// Contract of the structure administration routes (src/hub/routes/coordination/structures.ts).

const DEPARTEMENT = /^(\d{2}|2A|2B|97\d|98[678])$/;
const Departements = z.array(z.string().toUpperCase().regex(DEPARTEMENT, 'Code de département invalide (ex. 13, 2A, 974).')).max(20);
const Name = z.string().trim().min(2, 'Le nom est trop court.').max(120, 'Le nom est trop long.');
const TimeZone = z.string().max(TIME_ZONE_MAX_LENGTH, 'Fuseau horaire trop long.').refine(isTimeZone, 'Fuseau horaire inconnu (ex. Europe/Paris, Indian/Reunion).');

/** `POST /api/v1/admin/structures` (admins) */
export const CreateStructureSchema = z.strictObject({ name: Name, departements: Departements.default([]), timeZone: TimeZone.optional() });
export type CreateStructure = z.input<typeof CreateStructureSchema>;

/** `PATCH /api/v1/admin/structures/{id}`: only the fields sent change. */
export const PatchStructureSchema = z.strictObject({
  name: Name.optional(),
  departements: Departements.optional(),
  /** IANA zone; without it the zone follows the départements (Europe/Paris unless overseas) */
  timeZone: TimeZone.optional(),
  placesOfActivity: z.array(z.string().min(1).max(200)).max(50).optional(),
  tags: z.array(z.strictObject({ id: plainText("Identifiant d'étiquette").min(1).max(60).optional(), label: z.string().trim().min(1, 'Étiquette vide.').max(60) })).max(50).optional(),
  kioskIdleSeconds: z.number().int().min(30, 'Au moins 30 secondes.').max(3600, 'Au plus une heure.').optional(),
  /** 4 to 8 digits; null removes the PIN */
  kioskPin: z.string().regex(/^\d{4,8}$/, 'Le code doit compter 4 à 8 chiffres.').nullable().optional(),
});
export type PatchStructure = z.input<typeof PatchStructureSchema>;

/** A structure as the admin screens see it: the kiosk PIN's hash never leaves the hub. */
export const StructureViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    departements: z.array(z.string()),
    timeZone: z.string(),
    settings: z.object({
      placesOfActivity: z.array(z.string()),
      tags: z.array(z.object({ id: z.string(), label: z.string() })),
      kioskIdleSeconds: z.number().int(),
      kioskPinSet: z.boolean(),
      languages: z.array(z.string()),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminStructure' });
export type StructureView = z.infer<typeof StructureViewSchema>;

export const StructureListSchema = z.object({ structures: z.array(StructureViewSchema) });

/** A place of the venue directory, as pickers show it. */
export const PlaceSchema = z.object({ id: z.string(), nom: z.string(), commune: z.string(), code_insee: z.string().optional() }).meta({ id: 'Place' });
export type Place = z.infer<typeof PlaceSchema>;

/** `GET /api/v1/admin/structures/{id}`: the structure with its places of activity named. */
export const StructureDetailSchema = StructureViewSchema.extend({ places: z.array(PlaceSchema) }).meta({ id: 'AdminStructureDetail' });
export type StructureDetail = z.infer<typeof StructureDetailSchema>;
