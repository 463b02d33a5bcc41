// Tables of the Coop-compatible read API (feature: coop-api, migration 007).
// activities.public_id (the opaque id served outside the sync) is read with raw SQL in
// repositories/coop-*.ts, so the ingest's row type stays as it is.

export interface ApiClientTable {
  /** the client id (public part of the Bearer credential) */
  id: string;
  name: string;
  /** sha256 of the secret (256 random bits), never the secret itself */
  secret_hash: string;
  /** comma-separated scopes: activites, statistiques, structures, lieux_activite */
  scopes: string;
  created_at: string;
  /** the admin user who created it (null from the command line) */
  created_by: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CoopApiTables {
  api_clients: ApiClientTable;
}
