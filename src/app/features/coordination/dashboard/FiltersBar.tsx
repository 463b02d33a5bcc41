import { useT } from '../../../i18n/use-t.ts';
import { THEMES } from '../../../../shared/activity/codes.ts';
import { codeLabel } from '../lib/labels.ts';
import { defaultPeriod, thisMonth, thisYear, zoneOf, type Filters } from '../lib/filters.ts';
import type { FilterOptions } from './types.ts';

interface Props {
  filters: Filters;
  options: FilterOptions | undefined;
  onChange(next: Filters): void;
}

/** Period, structure, mediator, type and theme: every change goes to the URL. */
export function FiltersBar({ filters, options, onChange }: Props) {
  const { t } = useT('coordination');
  const set = (key: keyof Filters, value: string) => {
    const next = { ...filters, [key]: value || undefined };
    if (key === 'structureId') delete next.mediatorId;
    onChange(next);
  };
  const zone = zoneOf(filters, options);
  const mediators = (options?.mediators ?? []).filter((m) => !filters.structureId || m.structureId === filters.structureId);
  return (
    <form class="card coo-filters no-print" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div class="coo-filters__grid">
        <div class="field">
          <label for="f-from">{t('filters.from')}</label>
          <input id="f-from" type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => set('from', e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="f-to">{t('filters.to')}</label>
          <input id="f-to" type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => set('to', e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="f-structure">{t('filters.structure')}</label>
          <select id="f-structure" value={filters.structureId ?? ''} onChange={(e) => set('structureId', e.currentTarget.value)}>
            <option value="">{t('filters.allStructures')}</option>
            {options?.structures.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-mediator">{t('filters.mediator')}</label>
          <select id="f-mediator" value={filters.mediatorId ?? ''} onChange={(e) => set('mediatorId', e.currentTarget.value)}>
            <option value="">{t('filters.allMediators')}</option>
            {mediators.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-type">{t('filters.type')}</label>
          <select id="f-type" value={filters.type ?? ''} onChange={(e) => set('type', e.currentTarget.value)}>
            <option value="">{t('filters.allTypes')}</option>
            <option value="individuel">{codeLabel('type', 'individuel', 'Accompagnement individuel')}</option>
            <option value="collectif">{codeLabel('type', 'collectif', 'Atelier collectif')}</option>
          </select>
        </div>
        <div class="field">
          <label for="f-theme">{t('filters.theme')}</label>
          <select id="f-theme" value={filters.theme ?? ''} onChange={(e) => set('theme', e.currentTarget.value)}>
            <option value="">{t('filters.allThemes')}</option>
            {THEMES.map((c) => (
              <option key={c.code} value={c.code}>
                {codeLabel('themes', c.code, c.label)}
              </option>
            ))}
          </select>
        </div>
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
          {t('filters.reset')}
        </button>
      </div>
    </form>
  );
}
