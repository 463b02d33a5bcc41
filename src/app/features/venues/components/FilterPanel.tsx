import { useState } from 'preact/hooks';
import { FILTER_GROUPS } from '../../../../shared/venues/filters.ts';
import { useT } from '../../../i18n/use-t.ts';
import { selectedFilters, toggleFilter } from '../lib/view-state.ts';

/** The national map's filter groups as toggle chips: OR within a group, AND across groups. */
export function FilterPanel() {
  const { t } = useT('venues');
  const selected = selectedFilters.value;
  // open while filters are chosen when the list comes back; then only the mediator opens or
  // closes it ("Effacer les filtres" keeps it open: they are choosing others)
  const [open, setOpen] = useState(selected.size > 0);
  return (
    <details class="card ven-filters" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} data-testid="venue-filters">
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
