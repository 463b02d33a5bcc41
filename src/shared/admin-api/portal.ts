import { z } from 'zod';
import { PortalCatalogueSchema, PortalCustomisationSchema } from '../portal/schema.ts';

// Contract of the portal administration routes (src/hub/routes/portal/admin.ts); the device's
// pull of the portal is in the protocol (PortalCatalogueSchema).

/** `/api/v1/admin/structures/{id}/…` */
export const StructureParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** `GET|PUT /api/v1/admin/structures/{id}/portal` (the PUT's body: PortalCustomisationSchema) */
export const PortalViewSchema = z.object({
  structureId: z.string(),
  customisation: PortalCustomisationSchema,
  /** the merged catalogue as devices will get it, hidden entries included and flagged */
  catalogue: PortalCatalogueSchema,
});
export type PortalView = z.infer<typeof PortalViewSchema>;

/** `GET /api/v1/admin/structures/{id}/kiosk-policy.json`: a Chrome / Edge managed-browser policy (a download). */
export const KioskPolicySchema = z.record(z.string(), z.unknown()).meta({ description: 'Politique de navigateur géré (Chrome / Edge), en pièce jointe' });
