// The hub's contracts the dashboard reads its answers through (src/shared/admin-api). Loaded
// only where answers are checked (the vite dev server, tests): production builds keep zod and
// these schemas out of the coordination chunk; the types come from here everywhere.
export { MeSchema } from '../../../../shared/admin-api/auth.ts';
export { DeviceListSchema, EnrolmentCodeSchema } from '../../../../shared/admin-api/devices.ts';
export { StructureDetailSchema, StructureListSchema } from '../../../../shared/admin-api/structures.ts';
export { PortalViewSchema } from '../../../../shared/admin-api/portal.ts';
export { ApiClientListSchema, CreatedApiClientSchema } from '../../../../shared/admin-api/api-clients.ts';
export { ImportReportSchema } from '../../../../shared/admin-api/venue-import.ts';
export { AdminMediatorListSchema, AdminMediatorSchema, AuthenticatedStatsSchema, FilterOptionsSchema } from '../../../../shared/admin-api/stats.ts';
export { ShareLinkListSchema, ShareLinkViewSchema } from '../../../../shared/admin-api/share-links.ts';
