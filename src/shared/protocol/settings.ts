import { z } from 'zod';

/** A commune of the structure's territory, for offline pickers. */
export const CommuneSchema = z.object({
  insee: z.string().regex(/^[0-9AB]{5}$/),
  name: z.string(),
  postcodes: z.array(z.string()),
});
export type Commune = z.infer<typeof CommuneSchema>;

/** What `GET /api/v1/sync/settings` answers (protocol.md). */
export const DeviceSettingsSchema = z.object({
  structure: z.object({ id: z.string(), name: z.string() }),
  /** places of activity: venue ids of the directory, with the name shown in the form */
  placesOfActivity: z.array(z.object({ venueId: z.string(), name: z.string(), communeInsee: z.string().optional() })),
  tags: z.array(z.object({ id: z.string(), label: z.string() })),
  kioskIdleSeconds: z.number().int().positive(),
  /** sha256 hex of "kariole-kiosk:" + PIN, or null when no PIN is set */
  kioskPinHash: z.string().nullable(),
  languages: z.array(z.string()),
  communes: z.array(CommuneSchema),
});
export type DeviceSettings = z.infer<typeof DeviceSettingsSchema>;
