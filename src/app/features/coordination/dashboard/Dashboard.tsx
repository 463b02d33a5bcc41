import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useT } from '../../../i18n/use-t.ts';
import { messageOf } from '../lib/api.ts';
import { fetchFilterOptions, fetchStats, figuresXlsxUrl } from '../lib/api.ts';
import { defaultPeriod, departementOf, filtersFromUrl, toQuery, zoneOf, type Filters } from '../lib/filters.ts';
import { describeFilters } from '../lib/describe.ts';
import { formatNumber } from '../lib/labels.ts';
import { BASE } from '../Layout.tsx';
import { useStructures } from '../admin/useStructures.ts';
import { zonedParts } from '../../../../shared/time/zoned-date.ts';
import { BreakdownBars } from './BreakdownBars.tsx';
import { FiltersBar } from './FiltersBar.tsx';
import { MediatorTable } from './MediatorTable.tsx';
import { TimeChart } from './TimeChart.tsx';
import type { FilterChoices, FilterOptions, Stats } from './types.ts';

const ORDER = [
  'type',
  'themes',
  'adminThemes',
  'channel',
  'durationBucket',
  'venue',
  'activityCommune',
  'commune',
  'genre',
  'ageBand',
  'status',
  'autonomy',
  'equipment',
  'oriented',
  'aidantsConnect',
  'passNumerique',
  'portalSites',
  'tags',
] as const;
const BENEFICIARY_UNITS = new Set(['genre', 'ageBand', 'status', 'commune']);

const pad = (n: number) => String(n).padStart(2, '0');

/** The choices of the open-list filters: what the period's activities in the chosen structures use, plus structure tags. */
function choicesOf(base: Stats | undefined, structures: { id: string; departements: string[]; settings: { tags: { id: string; label: string }[] } }[] | undefined, filters: Filters): FilterChoices {
  const chosen = (s: { id: string }) => !filters.structureId?.length || filters.structureId.includes(s.id);
  const venues = (base?.breakdowns.venue ?? []).map((e) => ({ value: e.key, label: e.label }));
  const communes = (base?.breakdowns.activityCommune ?? [])
    .filter((e) => e.key !== 'non_communique')
    .map((e) => ({ value: e.key, label: `${e.label} (${departementOf(e.key)})` }));
  const deps = new Set([...(structures ?? []).filter(chosen).flatMap((s) => s.departements), ...communes.map((c) => departementOf(c.value))]);
  const tags = new Map<string, string>();
  for (const s of (structures ?? []).filter(chosen)) for (const tag of s.settings.tags) tags.set(tag.id, tag.label);
  for (const e of base?.breakdowns.tags ?? []) if (!tags.has(e.key)) tags.set(e.key, e.label);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'fr');
  return {
    venues: venues.sort(byLabel),
    communes: communes.sort(byLabel),
    departements: [...deps].sort().map((d) => ({ value: d, label: d })),
    tags: [...tags].map(([value, label]) => ({ value, label })).sort(byLabel),
  };
}

/** Headline figures, the time chart, every breakdown and the per-mediator table, for the filters of the URL. */
export function Dashboard() {
  const { t, lang } = useT('coordination');
  const { url, route } = useLocation();
  const filters = filtersFromUrl(url);
  const key = toQuery(filters);
  // The open-list choices depend on the period and structures only (not on the other filters).
  const baseKey = toQuery({ from: filters.from, to: filters.to, ...(filters.structureId ? { structureId: filters.structureId } : {}) });
  const [stats, setStats] = useState<Stats>();
  const [base, setBase] = useState<Stats>();
  const [options, setOptions] = useState<FilterOptions>();
  const [structures] = useStructures();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  const apply = (next: Filters) => route(`${BASE}${toQuery(Object.keys(next).length ? next : defaultPeriod(zoneOf(next, options)))}`, true);

  useEffect(() => {
    // The default period is "today" in the structure's time zone, known once the options arrive.
    void fetchFilterOptions().then(
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
    fetchStats(filters)
      .then((s) => live && (setStats(s), setError(undefined)))
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [key]);

  const same = baseKey === key;
  useEffect(() => {
    let live = true;
    if (!same) fetchStats({ from: filters.from, to: filters.to, structureId: filters.structureId }).then((s) => live && setBase(s), () => undefined);
    return () => {
      live = false;
    };
  }, [baseKey, same]);

  const choices = choicesOf(same ? stats : base, structures, filters);
  const zone = zoneOf(filters, options);
  const now = zonedParts(new Date(), zone);
  const printedAt = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(now.year, now.month - 1, now.day)));
  const described = describeFilters(filters, { structures: options?.structures, mediators: options?.mediators, ...choices }, lang);
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
          <a class="btn" href={figuresXlsxUrl(filters)} download data-testid="figures-xlsx">
            {t('dashboard.figuresXlsx')}
          </a>
          <button type="button" class="btn" onClick={() => window.print()}>
            {t('dashboard.print')}
          </button>
        </div>
      </div>
      <section class="coo-applied" aria-labelledby="coo-applied-title" data-testid="applied-filters">
        <h2 id="coo-applied-title" class="coo-applied__title">
          {t('dashboard.applied')}
        </h2>
        <dl class="coo-applied__list">
          {described.map((p) => (
            <div key={p.label} class="coo-applied__item">
              <dt>{p.label}</dt>
              <dd>{p.text}</dd>
            </div>
          ))}
        </dl>
        <p class="print-only" data-testid="printed-at">
          {t('dashboard.printedAt', { date: printedAt, time: `${pad(now.hour)}:${pad(now.minute)}`, zone })}
        </p>
      </section>
      <FiltersBar filters={filters} options={options} choices={choices} onChange={apply} />
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
              {ORDER.filter((id) => stats.breakdowns[id]).map((id) => (
                <BreakdownBars
                  key={id}
                  id={id}
                  title={t(`breakdowns.${id}`)}
                  entries={stats.breakdowns[id]!}
                  unit={t(BENEFICIARY_UNITS.has(id) ? 'breakdowns.unitBeneficiaries' : 'breakdowns.unitAccompaniments')}
                />
              ))}
            </div>
            {stats.mediators && <MediatorTable rows={stats.mediators} />}
          </>
        )}
      </div>
    </div>
  );
}
