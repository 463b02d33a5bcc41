import { useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { AGE_BANDS, GENRES, STATUSES, WORKSHOP_LEVELS, type Coded } from '../../../../shared/activity/codes.ts';
import { MAX_PARTICIPANTS } from '../../../../shared/activity/record.ts';
import { copyWorkshop, minGroupTotal, setGroupAlready, setGroupCount, setGroupTotal, setWorkshopLevel, setWorkshopTitle, type GroupBreakdown } from '../lib/form-state.ts';
import { Choice, ChoiceGroup } from '../components/Choice.tsx';
import { Stepper } from '../components/Stepper.tsx';
import type { SectionProps } from './types.ts';
import { workshopKey } from '../../../db/habits.ts';

const LEVEL_ICON = { debutant: 'level1', intermediaire: 'level2', avance: 'level3' } as const;
const BREAKDOWNS: { key: GroupBreakdown; list: readonly Coded[]; ns: 'genre' | 'ageBand' | 'status' }[] = [
  { key: 'genre', list: GENRES, ns: 'genre' },
  { key: 'ageBand', list: AGE_BANDS, ns: 'ageBand' },
  { key: 'status', list: STATUSES, ns: 'status' },
];

/** Collective workshop: title, level, and counts of participants (steppers). */
export function Workshop({ state, update, data, errors }: SectionProps) {
  const { t } = useT('activities');
  const g = state.group;
  const [copied, setCopied] = useState(false);
  const last = state.workshop.title.trim() ? data.usual.lastWorkshops[workshopKey(state.workshop.title)] : undefined;
  const titles = Object.values(data.usual.lastWorkshops).map((w) => w.title);
  const [open, setOpen] = useState(Object.keys(g.genre).length + Object.keys(g.ageBand).length + Object.keys(g.status).length > 0);
  const titleError = errors.includes('workshop') && !state.workshop.title.trim();

  return (
    <>
      <fieldset class={`act-group${errors.includes('workshop') ? ' act-group--error' : ''}`} id="act-workshop" tabIndex={-1}>
        <legend class="act-group__legend">{t('form.workshop')}</legend>
        {errors.includes('workshop') && <p class="field-error">{t('errors.workshop')}</p>}
        <div class="field">
          <label for="act-workshop-title">{t('form.workshopTitle')}</label>
          <input
            id="act-workshop-title"
            maxLength={120}
            value={state.workshop.title}
            aria-invalid={titleError || undefined}
            list={titles.length > 0 ? 'act-workshop-titles' : undefined}
            onInput={(e) => update((s) => setWorkshopTitle(s, (e.currentTarget as HTMLInputElement).value))}
          />
          {titles.length > 0 && (
            <datalist id="act-workshop-titles">
              {titles.map((x) => (
                <option key={x} value={x} />
              ))}
            </datalist>
          )}
        </div>
        {last && !copied && (
          <p>
            <button
              type="button"
              class="btn"
              data-testid="copy-workshop"
              onClick={() => {
                update((s) => copyWorkshop(s, last));
                setCopied(true);
              }}
            >
              {t('form.copyWorkshop', { title: last.title, count: last.beneficiaries.total })}
            </button>
          </p>
        )}
        {copied && (
          <p class="hint" role="status">
            {t('form.workshopCopied')}
          </p>
        )}
        <ChoiceGroup id="act-level" legend={t('form.workshopLevel')}>
          {WORKSHOP_LEVELS.map(({ code }) => (
            <Choice key={code} icon={LEVEL_ICON[code]} pressed={state.workshop.level === code} label={t(`codes.level.${code}`)} onClick={() => update((s) => setWorkshopLevel(s, code))} testId={`level-${code}`} />
          ))}
        </ChoiceGroup>
      </fieldset>

      <fieldset class={`act-group${errors.includes('beneficiaries') ? ' act-group--error' : ''}`} id="act-beneficiaries" tabIndex={-1}>
        <legend class="act-group__legend">{t('form.participants')}</legend>
        {errors.includes('beneficiaries') && <p class="field-error">{t('errors.beneficiaries')}</p>}
        <div class="act-steppers">
          <Stepper label={t('form.total')} value={g.total} min={minGroupTotal(g)} max={MAX_PARTICIPANTS} onChange={(n) => update((s) => setGroupTotal(s, n))} testId="group-total" />
          <Stepper label={t('form.alreadyGroup')} value={g.already} min={0} max={g.total} onChange={(n) => update((s) => setGroupAlready(s, n))} testId="group-already" />
        </div>
        <details class="act-details" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>
            <span class="act-details__title">
              {t('form.details')} <span class="hint">({t('form.optional')})</span>
            </span>
            <span class="hint">{t('form.detailsHint')}</span>
          </summary>
          {BREAKDOWNS.map(({ key, list, ns }) => {
            const counts = g[key] as Record<string, number | undefined>;
            const used = Object.values(counts).reduce<number>((a, n) => a + (n ?? 0), 0);
            return (
              <fieldset key={key} class="act-group act-group--counts">
                <legend class="act-group__legend">{t(`form.${ns}`)}</legend>
                <div class="act-steppers">
                  {list
                    .filter((c) => c.code !== 'non_communique')
                    .map(({ code }) => (
                      <Stepper
                        key={code}
                        label={t(`codes.${ns}.${code}` as 'codes.genre.masculin')}
                        value={counts[code] ?? 0}
                        min={0}
                        max={(counts[code] ?? 0) + g.total - used}
                        onChange={(n) => update((s) => setGroupCount(s, key, code, n))}
                        testId={`count-${key}-${code}`}
                      />
                    ))}
                </div>
              </fieldset>
            );
          })}
        </details>
      </fieldset>
    </>
  );
}
