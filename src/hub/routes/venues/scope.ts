import type { FastifyInstance } from 'fastify';
import { assertStructureInScope, structureScope } from '../../plugins/auth.ts';
import { getStructure, listStructures } from '../../repositories/structures.ts';
import type { User } from '../../repositories/users.ts';
import { HttpProblem } from '../../plugins/problem.ts';

/**
 * The départements a staff member works on: one structure's (in scope) when asked,
 * otherwise every structure's of a coordinator, or undefined (all) for an admin.
 */
export async function territoryOf(app: FastifyInstance, user: User, structureId?: string): Promise<string[] | undefined> {
  if (structureId) {
    assertStructureInScope(user, structureId);
    const s = await getStructure(app.db, structureId);
    if (!s) throw new HttpProblem(404, 'Introuvable', "Cette structure n'existe pas ou ne fait pas partie de vos structures.");
    return s.departements;
  }
  const scope = structureScope(user);
  if (!scope) return undefined;
  const structures = await listStructures(app.db, scope);
  return [...new Set(structures.flatMap((s) => s.departements))];
}
