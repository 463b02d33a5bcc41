import type { FastifyInstance } from 'fastify';
import { structureScope } from '../../plugins/auth.ts';
import { listStructures } from '../../repositories/structures.ts';
import type { User } from '../../repositories/users.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/time/zoned-date.ts';

/** The zone of a set of structures: theirs when they share one, else Europe/Paris. */
export function commonTimeZone(structures: readonly { timeZone: string }[]): string {
  const zones = new Set(structures.map((s) => s.timeZone));
  return zones.size === 1 ? [...zones][0]! : DEFAULT_TIME_ZONE;
}

/** The zone a user's "today" is in: the chosen structures', else the one of all their structures. */
export async function userTimeZone(app: FastifyInstance, user: User, structureId?: string | string[]): Promise<string> {
  const scope = structureScope(user);
  const chosen = (typeof structureId === 'string' ? [structureId] : (structureId ?? [])).filter((id) => !scope || scope.includes(id));
  const ids = chosen.length ? chosen : scope;
  return commonTimeZone(await listStructures(app.db, ids));
}
