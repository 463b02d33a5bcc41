// Tables of the portal catalogue (migration 004_portal).

export interface PortalCatalogueTable {
  /** the catalogue's `version` (e.g. "2026-11-23.1"); the highest is current */
  version: string;
  /** JSON PortalCatalogue (src/shared/portal/schema.ts) */
  catalogue: string;
  created_at: string;
}

export interface PortalCustomisationTable {
  structure_id: string;
  /** JSON PortalCustomisation */
  customisation: string;
  updated_at: string;
  /** user id of the coordinator who saved it */
  updated_by: string | null;
}

export interface PortalTables {
  portal_catalogues: PortalCatalogueTable;
  portal_customisations: PortalCustomisationTable;
}
