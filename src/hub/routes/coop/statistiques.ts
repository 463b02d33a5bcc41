import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ADMIN_THEME_PARENT } from '../../../shared/activity/codes.ts';
import { StatistiquesQuerySchema, UNSUPPORTED_STAT_FILTERS, type StatistiquesQuery } from '../../../shared/coop-api/query.ts';
import { StatistiquesDocSchema } from '../../../shared/coop-api/resources.ts';
import { combineStats, toStatistiques } from '../../../shared/coop-api/statistiques.ts';
import { addDays } from '../../../shared/stats/periods.ts';
import type { Stats, StatsFilters } from '../../../shared/stats/types.ts';
import { computeStats } from '../../repositories/stats.ts';
import { labelOpenBreakdowns } from '../coordination/labels.ts';
import type { DB } from '../../db/schema.ts';
import { ERROR_RESPONSES } from './activites.ts';
import { CoopError } from './errors.ts';
import { apiUrl } from './links.ts';

// GET /api/v1/statistiques: the hub's own figures (repositories/stats.ts, the dashboard's),
// over every structure, in La Coop's shape. La Coop's filters map to the dashboard's
// (stats-contract.md): types, mediateurs, communes and departements (of the activity's place),
// lieux (places of activity), conseiller_numerique; démarches = 0 = everything minus the
// "aide aux démarches administratives" activities (the figures are additive).

/** "Today" where the activities happen (mainland France). */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function firstOfMonthsBefore(day: string, months: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

async function figures(db: DB, q: StatistiquesQuery, period: { from?: string; to?: string }): Promise<Stats> {
  const cn = q['filter[conseiller_numerique]'];
  const f: StatsFilters = {
    ...period,
    ...(q['filter[types]']?.length ? { type: q['filter[types]'] } : {}),
    ...(q['filter[mediateurs]']?.length ? { mediatorId: q['filter[mediateurs]'] } : {}),
    ...(q['filter[communes]']?.length ? { commune: q['filter[communes]'] } : {}),
    ...(q['filter[departements]']?.length ? { departement: q['filter[departements]'] } : {}),
    ...(q['filter[lieux]']?.length ? { venueId: q['filter[lieux]'] } : {}),
    ...(cn ? { conseillerNumerique: cn === '1' ? ('oui' as const) : ('non' as const) } : {}),
  };
  const sel = { all: true } as const;
  const demarches = q['filter[demarches_administratives]'];
  const withDemarches = { ...f, theme: [ADMIN_THEME_PARENT] };
  if (demarches === '1') return labelOpenBreakdowns(db, await computeStats(db, withDemarches, sel));
  const all = await computeStats(db, f, sel);
  return labelOpenBreakdowns(db, demarches === '0' ? combineStats(all, await computeStats(db, withDemarches, sel), -1) : all);
}

export default async function statistiquesRoute(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/statistiques',
    {
      config: { coopScope: 'statistiques' },
      schema: {
        tags: ['Statistiques'],
        summary: 'obtenir des statistiques globales',
        description:
          "Retourne les données agrégées de toutes les structures du hub (accompagnements par jour et par mois, bénéficiaires, activités, totaux), comptées comme le tableau de bord du hub. Les filtres communes et départements portent sur le lieu de l'activité ; le filtre bénéficiaires n'est pas pris en charge (400).",
        security: [{ ClientAuth: [] }],
        querystring: StatistiquesQuerySchema,
        response: { 200: StatistiquesDocSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const q = req.query;
      for (const name of UNSUPPORTED_STAT_FILTERS) {
        if (q[name] !== undefined) throw new CoopError(400, 'Filtre non pris en charge', `${name} : ce hub ne peut pas appliquer ce filtre.`, name);
      }
      const du = q['filter[du]'];
      const au = q['filter[au]'];
      const end = au ?? today();
      const dayStart = du ?? addDays(end, -29);
      if (dayStart > end) throw new CoopError(400, 'Paramètre invalide', 'filter[du] : la date de début suit la date du jour.', 'filter[du]');
      const [main, days, months] = await Promise.all([
        figures(app.db, q, { from: du, to: au }),
        figures(app.db, q, { from: dayStart, to: end }),
        figures(app.db, q, { from: firstOfMonthsBefore(end, 11), to: end }),
      ]);
      const self = new URL(req.url, 'http://hub').searchParams;
      return {
        data: { type: 'statistiques' as const, id: 'statistiques' as const, attributes: toStatistiques(main, days.series.byDay, months.series.byMonth) },
        links: { self: { href: apiUrl(req, '/statistiques', self) } },
        meta: {},
      };
    },
  );
}
