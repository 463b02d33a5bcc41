import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useT } from '../../../i18n/use-t.ts';
import { api, messageOf } from '../lib/api.ts';
import { defaultPeriod, filtersFromQuery, toQuery, zoneOf, type Filters } from '../lib/filters.ts';
import { formatNumber } from '../lib/labels.ts';
import { BASE } from '../Layout.tsx';
import { BreakdownBars } from './BreakdownBars.tsx';
import { FiltersBar } from './FiltersBar.tsx';
import { TimeChart } from './TimeChart.tsx';
import type { FilterOptions, Stats } from './types.ts';

const ORDER = ['type', 'themes', 'adminThemes', 'channel', 'durationBucket', 'venue', 'commune', 'genre', 'ageBand', 'status', 'equipment', 'oriented'] as const;
const BENEFICIARY_UNITS = new Set(['genre', 'ageBand', 'status', 'commune']);

/** Headline figures, the time chart and every breakdown, for the filters of the URL. */
export function Dashboard() {
  const { t, lang } = useT('coordination');
  const { query, route } = useLocation();
  const filters = filtersFromQuery(query);
  const key = toQuery(filters);
  const [stats, setStats] = useState<Stats>();
  const [options, setOptions] = useState<FilterOptions>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  const apply = (next: Filters) => route(`${BASE}${toQuery(Object.keys(next).length ? next : defaultPeriod(zoneOf(next, options)))}`, true);

  useEffect(() => {
    // The default period is "today" in the structure's time zone, known once the options arrive.
    void api<FilterOptions>('GET', '/api/v1/admin/filter-options').then(
      (o) => {
        setOptions(o);
        if (!filters.from && !filters.to && !filters.structureId) route(`${BASE}${toQuery({ ...filters, ...defaultPeriod(zoneOf(filters, o)) })}`, true);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api<Stats>('GET', `/api/v1/stats${key}`)
      .then((s) => live && (setStats(s), setError(undefined)))
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [key]);

  const totals = stats?.totals;
  const already = totals ? totals.beneficiaries - totals.newBeneficiaries : 0;
  return (
    <div class="coo-dashboard">
      <div class="coo-section-head">
        <h1>{t('dashboard.title')}</h1>
        <div class="row no-print">
          <a class="btn" href={`${BASE}/exports${key}`}>
            {t('dashboard.toExports')}
          </a>
          <button type="button" class="btn" onClick={() => window.print()}>
            {t('dashboard.print')}
          </button>
        </div>
      </div>
      <FiltersBar filters={filters} options={options} onChange={apply} />
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div aria-busy={loading} aria-live="polite">
        {totals && (
          <>
            <div class="coo-kpis" data-testid="kpis">
              <div class="coo-kpi coo-kpi--main">
                <strong data-testid="kpi-accompaniments">{formatNumber(totals.accompaniments, lang)}</strong>
                <span>{t('kpi.accompaniments')}</span>
              </div>
              <div class="coo-kpi">
                <strong data-testid="kpi-activities">{formatNumber(totals.activities, lang)}</strong>
                <span>{t('kpi.activitiesLong')}</span>
              </div>
              <div class="coo-kpi">
                <strong data-testid="kpi-new">{formatNumber(totals.newBeneficiaries, lang)}</strong>
                <span>{t('kpi.newBeneficiaries')}</span>
              </div>
              <div class="coo-kpi">
                <strong>{formatNumber(already, lang)}</strong>
                <span>{t('kpi.alreadyAccompanied')}</span>
              </div>
            </div>
            <TimeChart key={key} byMonth={stats.series.byMonth} byDay={stats.series.byDay} />
            <div class="coo-grid">
              {ORDER.map((id) => (
                <BreakdownBars
                  key={id}
                  id={id}
                  title={t(`breakdowns.${id}`)}
                  entries={stats.breakdowns[id]}
                  unit={t(BENEFICIARY_UNITS.has(id) ? 'breakdowns.unitBeneficiaries' : 'breakdowns.unitAccompaniments')}
                />
              ))}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
