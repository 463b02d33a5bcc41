import { useEffect, useMemo, useState } from 'preact/hooks';
import { needsHours } from '../../../shared/venues/filters.ts';
import { useT } from '../../i18n/use-t.ts';
import { useMinuteClock } from './lib/clock.ts';
import { PATHS } from '../../paths.ts';
import { FilterPanel } from './components/FilterPanel.tsx';
import { FromFormNotice } from './components/FromFormNotice.tsx';
import { OriginPicker } from './components/OriginPicker.tsx';
import { RefusedReports } from './components/RefusedReports.tsx';
import { VenueCard } from './components/VenueCard.tsx';
import { useHoursModule } from './lib/hours.ts';
import { computeResults, prepareNear, sortByName } from './lib/results.ts';
import { buildFilterMasks } from './lib/filter-masks.ts';
import { directory, ensureDirectory, searchIndex } from './lib/store.ts';
import { formReturnPath, origin, query, returnToForm, selectedFilters } from './lib/view-state.ts';
import { useRoute } from 'preact-iso';
import './venues.css';

const PAGE = 30;

/** "Orienter": search the places of the territory, filter them, measure distances — all offline. */
export function VenueSearchPage() {
  const { t } = useT('venues');
  const { query: params } = useRoute();
  useEffect(() => ensureDirectory(), []);
  useEffect(() => {
    if (params.retour !== undefined) returnToForm.value = formReturnPath(params.retour, PATHS.activities);
  }, [params.retour]);
  const dir = directory.value;
  const selected = selectedFilters.value;
  const hoursNeeded = needsHours(selected);
  const hours = useHoursModule(hoursNeeded);
  const [shown, setShown] = useState(PAGE);
  const now = useMinuteClock();
  const byName = useMemo(() => sortByName(dir.venues.values()), [dir.venues]);
  const point = origin.value?.point;
  const near = useMemo(() => (point ? prepareNear(byName, point) : undefined), [byName, point]);
  const filtering = selected.size > 0;
  const masks = useMemo(
    () => (filtering ? buildFilterMasks(byName, { now, isOpenAt: hours?.isOpenAt, opensOnWeekend: hours?.opensOnWeekend }) : undefined),
    [byName, filtering, hours, now],
  );
  const results = useMemo(
    () =>
      computeResults(dir.venues, byName, searchIndex, {
        query: query.value,
        selected,
        ctx: { now, isOpenAt: hours?.isOpenAt, opensOnWeekend: hours?.opensOnWeekend },
        near,
        masks,
      }),
    [dir.version, byName, query.value, selected, hours, near, masks],
  );
  useEffect(() => setShown(PAGE), [query.value, selected, origin.value]);

  if (dir.status === 'loading' && dir.venues.size === 0) {
    return (
      <main id="main" class="page">
        <h1>{t('title')}</h1>
        <p role="status">{t('search.loading')}</p>
      </main>
    );
  }
  if (dir.status === 'ready' && dir.venues.size === 0) {
    return (
      <main id="main" class="page page--narrow">
        <h1>{t('title')}</h1>
        <div class="card">
          <p>
            <strong>{t('search.empty')}</strong>
          </p>
          <p>{t('search.emptyHint')}</p>
          <a class="btn btn-primary" href={PATHS.sync}>
            {t('search.goSync')}
          </a>
        </div>
      </main>
    );
  }
  return (
    <main id="main" class="page ven-page">
      <h1>{t('title')}</h1>
      <p class="lead">{t('lead')}</p>
      <FromFormNotice />
      <RefusedReports />
      <div class="field ven-search">
        <label for="ven-q">{t('search.label')}</label>
        <input
          id="ven-q"
          type="search"
          autocomplete="off"
          placeholder={t('search.placeholder')}
          value={query.value}
          onInput={(e) => (query.value = (e.currentTarget as HTMLInputElement).value)}
        />
        {!searchIndex.isReady && query.value && <span class="hint">{t('search.indexing')}</span>}
      </div>
      <OriginPicker venues={dir.venues} />
      <FilterPanel />
      {hoursNeeded && !hours ? (
        <p role="status">{t('hours.loading')}</p>
      ) : (
        <>
          <p class="ven-count" role="status" data-testid="venue-count">
            {t('search.results', { count: results.length })}
          </p>
          {results.length === 0 ? (
            <p class="notice">{t('search.none')}</p>
          ) : (
            <ul class="ven-list" data-testid="venue-results">
              {results.slice(0, shown).map((r) => (
                <VenueCard key={r.venue.id} venue={r.venue} km={r.km} now={now} />
              ))}
            </ul>
          )}
          {results.length > shown && (
            <button type="button" class="btn" onClick={() => setShown(shown + PAGE)}>
              {t('search.showMore')}
            </button>
          )}
        </>
      )}
    </main>
  );
}
