import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { ACTIVITY_TYPES, ADMIN_THEMES, THEMES } from '../../../../shared/activity/codes.ts';
import { codeLabel } from '../lib/labels.ts';
import { activeCount, defaultPeriod, thisMonth, thisYear, withValues, zoneOf, type Filters, type MultiKey } from '../lib/filters.ts';
import { MultiSelect, type Choice } from './MultiSelect.tsx';
import type { FilterChoices, FilterOptions } from './types.ts';

interface Props {
  filters: Filters;
  options: FilterOptions | undefined;
  /** places, communes, départements and tags offered (what the period's activities use) */
  choices: FilterChoices;
  onChange(next: Filters): void;
}

/** Wide screens show the filters open; phones fold them behind "Filtres (n actifs)". */
const WIDE = '(min-width: 48em)';
const isWide = () => typeof matchMedia !== 'function' || matchMedia(WIDE).matches;
/** The person's last choice for this visit: a filter change re-renders the page, not the choice. */
let remembered: boolean | undefined;

/** Every filter of the stats contract, several values each: every change goes to the URL. */
export function FiltersBar({ filters, options, choices, onChange }: Props) {
  const { t } = useT('coordination');
  const zone = zoneOf(filters, options);
  const setMulti = (key: MultiKey, values: string[]) => {
    let next = withValues(filters, key, values);
    // Mediators of structures no longer chosen leave with them.
    if (key === 'structureId' && values.length && next.mediatorId) {
      const kept = next.mediatorId.filter((id) => values.includes(options?.mediators.find((m) => m.id === id)?.structureId ?? ''));
      next = withValues(next, 'mediatorId', kept);
    }
    onChange(next);
  };
  const setDay = (key: 'from' | 'to', value: string) => {
    const next = { ...filters };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  const setConum = (value: string) => {
    const next = { ...filters };
    if (value === 'oui' || value === 'non') next.conseillerNumerique = value;
    else delete next.conseillerNumerique;
    onChange(next);
  };
  const structureIds = filters.structureId ?? [];
  const mediators: Choice[] = (options?.mediators ?? [])
    .filter((m) => !structureIds.length || structureIds.includes(m.structureId))
    .map((m) => ({ value: m.id, label: m.label }));
  const multi = (key: MultiKey, id: string, label: string, allLabel: string, list: Choice[]) => (
    <MultiSelect id={id} label={label} allLabel={allLabel} choices={list} selected={filters[key] ?? []} onChange={(v) => setMulti(key, v)} />
  );
  const active = activeCount(filters);
  const [open, setOpen] = useState(() => remembered ?? isWide());
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    // Crossing the width (a phone turned, a window narrowed) gives the default of the new width.
    const mq = matchMedia(WIDE);
    const follow = () => {
      remembered = undefined;
      setOpen(mq.matches);
    };
    mq.addEventListener('change', follow);
    return () => mq.removeEventListener('change', follow);
  }, []);
  return (
    <form class="card coo-filters no-print" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <details
        class="coo-filters__fold"
        data-testid="filters-fold"
        open={open}
        onToggle={(e) => {
          const now = (e.currentTarget as HTMLDetailsElement).open;
          if (now !== open) {
            remembered = now;
            setOpen(now);
          }
        }}
      >
        <summary class="coo-filters__summary">{t('filters.disclosure', { count: active })}</summary>
        <div class="coo-filters__grid">
          <div class="field">
            <label for="f-from">{t('filters.from')}</label>
            <input id="f-from" type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => setDay('from', e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="f-to">{t('filters.to')}</label>
            <input id="f-to" type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => setDay('to', e.currentTarget.value)} />
          </div>
          {multi('structureId', 'f-structure', t('filters.structure'), t('filters.allStructures'), (options?.structures ?? []).map((s) => ({ value: s.id, label: s.name })))}
          {multi('mediatorId', 'f-mediator', t('filters.mediator'), t('filters.allMediators'), mediators)}
          <div class="field">
            <label for="f-conum">{t('filters.conseillerNumerique')}</label>
            <select id="f-conum" value={filters.conseillerNumerique ?? ''} onChange={(e) => setConum(e.currentTarget.value)}>
              <option value="">{t('filters.conumAll')}</option>
              <option value="oui">{t('filters.conumOui')}</option>
              <option value="non">{t('filters.conumNon')}</option>
            </select>
          </div>
          {multi('type', 'f-type', t('filters.type'), t('filters.allTypes'), ACTIVITY_TYPES.map((c) => ({ value: c.code, label: codeLabel('type', c.code, c.label) })))}
          {multi('theme', 'f-theme', t('filters.theme'), t('filters.allThemes'), THEMES.map((c) => ({ value: c.code, label: codeLabel('themes', c.code, c.label) })))}
          {multi('adminTheme', 'f-admin-theme', t('filters.adminTheme'), t('filters.allAdminThemes'), ADMIN_THEMES.map((c) => ({ value: c.code, label: codeLabel('adminThemes', c.code, c.label) })))}
          {multi('venueId', 'f-venue', t('filters.venue'), t('filters.allVenues'), choices.venues)}
          {multi('commune', 'f-commune', t('filters.commune'), t('filters.allCommunes'), choices.communes)}
          {multi('departement', 'f-departement', t('filters.departement'), t('filters.allDepartements'), choices.departements)}
          {multi('tag', 'f-tag', t('filters.tag'), t('filters.allTags'), choices.tags)}
        </div>
        <div class="choices" role="group" aria-label={t('filters.presets')}>
          <button type="button" class="choice" onClick={() => onChange({ ...filters, ...thisMonth(zone) })}>
            {t('filters.thisMonth')}
          </button>
          <button type="button" class="choice" onClick={() => onChange({ ...filters, ...defaultPeriod(zone) })}>
            {t('filters.last12')}
          </button>
          <button type="button" class="choice" onClick={() => onChange({ ...filters, ...thisYear(zone) })}>
            {t('filters.thisYear')}
          </button>
          <button type="button" class="choice" onClick={() => onChange({})}>
            {active ? t('filters.resetCount', { count: active }) : t('filters.reset')}
          </button>
        </div>
      </details>
    </form>
  );
}
