import { FILTER_GROUPS } from '../../../../shared/venues/filters.ts';
import { useT } from '../../../i18n/use-t.ts';
import { selectedFilters, toggleFilter } from '../lib/view-state.ts';

/** The national map's filter groups as toggle chips: OR within a group, AND across groups. */
export function FilterPanel() {
  const { t } = useT('venues');
  const selected = selectedFilters.value;
  return (
    <details class="card ven-filters" open={selected.size > 0 || undefined}>
      <summary>
        <span class="ven-filters__title">{t('filters.title')}</span>
        {selected.size > 0 && <span class="badge">{t('filters.active', { count: selected.size })}</span>}
      </summary>
      {FILTER_GROUPS.map((g) => (
        <fieldset key={g.id} class="ven-filters__group">
          <legend>{t(`filters.groups.${g.id}`)}</legend>
          <div class="choices">
            {g.options.map((o) => (
              <button key={o.id} type="button" class="choice" aria-pressed={selected.has(o.id)} data-filter={o.id} onClick={() => toggleFilter(o.id)}>
                {t(`filters.options.${o.id}` as 'filters.options.gratuit')}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      {selected.size > 0 && (
        <button type="button" class="btn btn-ghost" onClick={() => (selectedFilters.value = new Set())}>
          {t('filters.clear')}
        </button>
      )}
    </details>
  );
}
