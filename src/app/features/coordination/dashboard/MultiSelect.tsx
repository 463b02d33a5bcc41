import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';

export interface Choice {
  value: string;
  label: string;
}

interface Props {
  /** DOM id prefix, also `data-filter` (tests) */
  id: string;
  label: string;
  /** shown when nothing is chosen ("Toutes les thématiques") */
  allLabel: string;
  choices: Choice[];
  selected: string[];
  onChange(values: string[]): void;
}

/** Long lists get a search box. */
const SEARCH_FROM = 9;
/** What the closed control names before it says "+ n". */
const NAMED = 2;

/**
 * Several values of one filter: a disclosure (<details>, keyboard and screen-reader native)
 * holding a labelled group of checkboxes. The summary says what is chosen; Escape closes the
 * panel and gives the focus back to it; a click elsewhere closes it too.
 */
export function MultiSelect({ id, label, allLabel, choices, selected, onChange }: Props) {
  const { t } = useT('coordination');
  const ref = useRef<HTMLDetailsElement>(null);
  const [search, setSearch] = useState('');
  const chosen = new Set(selected);
  // A value of the URL that the lists do not offer (an old link) stays visible and removable.
  const all = [...choices, ...selected.filter((v) => !choices.some((c) => c.value === v)).map((v) => ({ value: v, label: v }))];
  const labelOf = (v: string) => all.find((c) => c.value === v)?.label ?? v;
  const needle = search.trim().toLocaleLowerCase('fr');
  const shown = needle ? all.filter((c) => c.label.toLocaleLowerCase('fr').includes(needle) || c.value.toLowerCase().includes(needle)) : all;
  const summary = selected.length === 0 ? allLabel : selected.length <= NAMED ? selected.map(labelOf).join(', ') : t('filters.chosen', { count: selected.length });

  useEffect(() => {
    const close = (e: Event) => {
      const d = ref.current;
      if (d?.open && !d.contains(e.target as Node)) d.open = false;
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);

  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && ref.current?.open) {
      e.preventDefault();
      ref.current.open = false;
      ref.current.querySelector('summary')?.focus();
    }
  };

  return (
    <details class="coo-multi" ref={ref} data-filter={id} onKeyDown={onKeyDown}>
      <summary class="coo-multi__summary">
        <span class="coo-multi__label">{label}</span>
        <span class={selected.length ? 'coo-multi__value coo-multi__value--set' : 'coo-multi__value'} id={`${id}-value`}>
          {summary}
        </span>
      </summary>
      <fieldset class="coo-multi__panel">
        <legend class="visually-hidden">{label}</legend>
        {all.length >= SEARCH_FROM && (
          <div class="field coo-multi__search">
            <label for={`${id}-search`}>{t('filters.search')}</label>
            <input id={`${id}-search`} type="search" value={search} maxLength={80} autoComplete="off" onInput={(e) => setSearch(e.currentTarget.value)} />
          </div>
        )}
        {all.length === 0 ? (
          <p class="hint">{t('filters.noChoice')}</p>
        ) : shown.length === 0 ? (
          <p class="hint">{t('filters.noMatch')}</p>
        ) : (
          <ul class="coo-multi__list">
            {shown.map((c) => (
              <li key={c.value}>
                <label class="coo-multi__option">
                  <input type="checkbox" value={c.value} checked={chosen.has(c.value)} onChange={(e) => toggle(c.value, e.currentTarget.checked)} />
                  <span>{c.label}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {selected.length > 0 && (
          <button type="button" class="btn" onClick={() => onChange([])}>
            {t('filters.clear', { label })}
          </button>
        )}
      </fieldset>
    </details>
  );
}
