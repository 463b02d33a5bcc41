import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { assertStructureInScope, canSeeStructure } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { getMediator } from '../../repositories/mediator-list.ts';
import { getStructure } from '../../repositories/structures.ts';
import type { StructureSelection } from '../../repositories/stats.ts';
import type { User } from '../../repositories/users.ts';
import type { StatsFilters } from '../../../shared/stats/types.ts';
import { MAX_PERIOD_DAYS, outsideWindow, periodLength } from '../../../shared/stats/window.ts';

const notFound = (what: string) => new HttpProblem(404, 'Introuvable', `${what} n'existe pas ou ne fait pas partie de vos structures.`);

/** Schema errors of a figures route (stats, exports) as a plain French problem naming each parameter. */
export function filtersRefused(errors: FastifySchemaValidationError[]): HttpProblem {
  // The path is the parameter's name (`theme`, not `theme.0`): a query string has no deeper structure.
  const list = errors.map((e) => ({ path: e.instancePath.split('/').filter(Boolean)[0] ?? '(requête)', message: e.message ?? 'Valeur invalide.' }));
  return new HttpProblem(400, 'Filtres invalides', `Vérifiez les filtres choisis : ${list.map((e) => e.message).join(' ')}`, list);
}

/** The hub's time-window rules on parsed filters (dates inside the window, ten years at most). */
export function checkWindow(f: StatsFilters): StatsFilters {
  const errors: { path: string; message: string }[] = [];
  for (const [key, label] of [['from', 'Début de période (from)'], ['to', 'Fin de période (to)']] as const) {
    const day = f[key];
    const why = day ? outsideWindow(day, label) : undefined;
    if (why) errors.push({ path: key, message: why });
  }
  if (!errors.length && f.from && f.to && periodLength(f.from, f.to) > MAX_PERIOD_DAYS) {
    errors.push({ path: 'to', message: `Période (from, to) : ${MAX_PERIOD_DAYS} jours au plus (dix ans) ; choisissez une période plus courte.` });
  }
  if (errors.length) {
    throw new HttpProblem(400, 'Période refusée', errors.map((e) => e.message).join(' '), errors);
  }
  return f;
}

/** Which structures the filters cover for this user; 404 for a structure or mediator out of scope. */
export async function selectionFor(app: FastifyInstance, user: User, f: StatsFilters): Promise<StructureSelection> {
  for (const id of f.structureId ?? []) {
    assertStructureInScope(user, id);
    if (!(await getStructure(app.db, id))) throw notFound('Cette structure');
  }
  for (const id of f.mediatorId ?? []) {
    const m = await getMediator(app.db, id);
    if (!m || !canSeeStructure(user, m.structureId)) throw notFound('Ce médiateur');
  }
  if (f.structureId?.length) return { ids: f.structureId };
  return user.role === 'admin' ? { all: true } : { ids: user.structureIds };
}
