import type { Generated } from 'kysely';

// Timestamps are ISO 8601 UTC strings and booleans are 0/1 integers on both dialects,
// so the same queries and comparisons work on SQLite and PostgreSQL.

export interface MetaTable {
  key: string;
  value: string;
}

export interface StructureTable {
  id: string;
  name: string;
  /** JSON array of département codes, e.g. ["13","84"] */
  departements: string;
  /** JSON object, see StructureSettings in src/hub/repositories/structures.ts */
  settings: string;
  /** IANA zone of every date the structure sees, filters on or exports (migration 010) */
  time_zone: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  password_hash: string;
  role: 'admin' | 'coordinator';
  created_at: string;
  /** set when an admin disables the account (migration 008) */
  disabled_at: string | null;
  /** when the account last logged in (migration 014) */
  last_login_at: string | null;
}

/** Failed logins / enrolments per key (migration 008; see repositories/auth-attempts.ts). */
export interface AuthAttemptTable {
  key: string;
  failures: number;
  first_at: string;
  locked_until: string | null;
}

export interface UserStructureTable {
  user_id: string;
  structure_id: string;
}

export interface SessionTable {
  /** sha256 of the cookie token */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface MediatorTable {
  id: string;
  structure_id: string;
  label: string | null;
  created_at: string;
  /** 1 when the mediator is a conseiller numérique (migration 011), set at enrolment or by a coordinator */
  conseiller_numerique: Generated<number>;
}

export interface EnrolmentCodeTable {
  code: string;
  structure_id: string;
  mediator_label: string | null;
  /** 1 / 0: the conseiller numérique flag of the mediator the code enrols; null when not given (migration 011) */
  mediator_conseiller_numerique: Generated<number | null>;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface DeviceTable {
  id: string;
  structure_id: string;
  mediator_id: string;
  label: string | null;
  /** sha256 of the bearer token */
  token_hash: string;
  enrolled_at: string;
  last_sync_at: string | null;
  records_received: Generated<number>;
  pending_count: number | null;
  revoked_at: string | null;
}

export interface CoreTables {
  meta: MetaTable;
  structures: StructureTable;
  users: UserTable;
  user_structures: UserStructureTable;
  sessions: SessionTable;
  mediators: MediatorTable;
  enrolment_codes: EnrolmentCodeTable;
  devices: DeviceTable;
  auth_attempts: AuthAttemptTable;
}
