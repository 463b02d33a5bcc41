import type { Kysely } from 'kysely';
import type { CoreTables } from './tables/core.ts';
import type { ActivityTables } from './tables/activities.ts';
import type { VenueTables } from './tables/venues.ts';
import type { PortalTables } from './tables/portal.ts';
import type { CoordinationTables } from './tables/coordination.ts';
import type { CoopApiTables } from './tables/coop-api.ts';

/** The whole hub schema: each feature declares its tables in db/tables/<feature>.ts. */
export interface Database extends CoreTables, ActivityTables, VenueTables, PortalTables, CoordinationTables, CoopApiTables {}

export type Dialect = 'sqlite' | 'postgres';
export type DB = Kysely<Database>;
