import type { Kysely } from 'kysely';
import { DEFAULT_TIME_ZONE, timeZoneForDepartements } from '../../shared/time/zoned-date.ts';

// One time-zone rule: each structure has an IANA time zone in which every date it sees, filters on
// or exports is computed. Europe/Paris by default; overseas structures get theirs from their
// départements (971 → America/Guadeloupe, 974 → Indian/Reunion, …).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('structures').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo(DEFAULT_TIME_ZONE)).execute();
  const rows = await db.selectFrom('structures').select(['id', 'departements']).execute();
  for (const r of rows as { id: string; departements: string }[]) {
    let deps: string[] = [];
    try {
      const parsed: unknown = JSON.parse(r.departements);
      if (Array.isArray(parsed)) deps = parsed.map(String);
    } catch {
      // an unreadable list keeps the default zone
    }
    const tz = timeZoneForDepartements(deps);
    if (tz !== DEFAULT_TIME_ZONE) await db.updateTable('structures').set({ time_zone: tz }).where('id', '=', r.id).execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('structures').dropColumn('time_zone').execute();
}
