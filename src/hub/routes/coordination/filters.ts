import type { FastifyInstance } from 'fastify';
import { assertStructureInScope, canSeeStructure } from '../../plugins/auth.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { getMediator } from '../../repositories/mediator-list.ts';
import { getStructure } from '../../repositories/structures.ts';
import type { StructureSelection } from '../../repositories/stats.ts';
import type { User } from '../../repositories/users.ts';
import { StatsFiltersSchema, type StatsFilters } from '../../../shared/stats/types.ts';
import { MAX_PERIOD_DAYS, outsideWindow, periodLength } from '../../../shared/stats/window.ts';

const notFound = (what: string) => new HttpProblem(404, 'Introuvable', `${what} n'existe pas ou ne fait pas partie de vos structures.`);

/** The filters of a query string (protocol.md), extra keys such as `layout` left aside. */
export function parseFilters(query: unknown, extraKeys: string[] = []): StatsFilters {
  const raw = { ...(query as Record<string, unknown>) };
  for (const k of extraKeys) delete raw[k];
  for (const [k, v] of Object.entries(raw)) if (v === '') delete raw[k];
  const parsed = StatsFiltersSchema.safeParse(raw);
  if (!parsed.success) {
    throw new HttpProblem(400, 'Filtres invalides', 'Vérifiez la période, la structure, le type et la thématique choisis.', zodErrors(parsed.error.issues));
  }
  const f = parsed.data;
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
  if (f.structureId) {
    assertStructureInScope(user, f.structureId);
    if (!(await getStructure(app.db, f.structureId))) throw notFound('Cette structure');
  }
  if (f.mediatorId) {
    const m = await getMediator(app.db, f.mediatorId);
    if (!m || !canSeeStructure(user, m.structureId)) throw notFound('Ce médiateur');
  }
  if (f.structureId) return { ids: [f.structureId] };
  return user.role === 'admin' ? { all: true } : { ids: user.structureIds };
}
