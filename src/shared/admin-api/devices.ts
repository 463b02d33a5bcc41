import { z } from 'zod';

// Contract of the device administration routes (src/hub/routes/devices/admin.ts). The device's
// own routes (enrolment, sync) are in src/shared/protocol.

/** One device as `GET /api/v1/admin/devices` lists it. */
export const AdminDeviceSchema = z
  .object({
    id: z.string(),
    label: z.string().nullable(),
    structure: z.object({ id: z.string(), name: z.string() }),
    mediator: z.object({ id: z.string(), label: z.string().nullable() }),
    enrolledAt: z.string(),
    lastSyncAt: z.string().nullable(),
    recordsReceived: z.number().int(),
    pendingCount: z.number().int().nullable(),
    revoked: z.boolean(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'AdminDevice' });
export type AdminDevice = z.infer<typeof AdminDeviceSchema>;

/** `GET /api/v1/admin/devices?structureId=` */
export const DeviceListQuerySchema = z.object({ structureId: z.string().max(100).optional() });
export const DeviceListSchema = z.object({ devices: z.array(AdminDeviceSchema) });
export type DeviceList = z.infer<typeof DeviceListSchema>;

/** `POST /api/v1/admin/devices/{id}/revoke` */
export const DeviceParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** `POST /api/v1/admin/enrolment-codes` answers the single-use code (request: EnrolmentCodeRequestSchema). */
export const EnrolmentCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });
export type EnrolmentCode = z.infer<typeof EnrolmentCodeSchema>;
