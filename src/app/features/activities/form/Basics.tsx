import { useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { ACTIVITY_TYPES, DURATION_PRESETS, PLACE_KINDS } from '../../../../shared/activity/codes.ts';
import { setDate, setDuration, setPlaceCommune, setPlaceKind, setType, setVenue } from '../lib/form-state.ts';
import { addDays, today } from '../lib/dates.ts';
import { formatDuration } from '../lib/format.ts';
import { Choice, ChoiceGroup } from '../components/Choice.tsx';
import { CommunePicker } from '../components/CommunePicker.tsx';
import { Icon } from '../components/icons.tsx';
import type { SectionProps } from './types.ts';

/** Type, date, duration and place: what nearly every record shares with the previous one. */
export function Basics({ state, update, data, errors }: SectionProps) {
  const { t, lang } = useT('activities');
  const now = today();
  const frequent = data.habits.frequentDurations.filter((d) => !(DURATION_PRESETS as readonly number[]).includes(d));
  const shown = [...DURATION_PRESETS, ...frequent].sort((a, b) => a - b);
  const [otherOpen, setOtherOpen] = useState(false);
  const isOther = otherOpen || (state.durationMin !== undefined && !shown.includes(state.durationMin));
  const places = data.settings?.placesOfActivity ?? [];
  const kind = state.place.kind;

  return (
    <>
      <ChoiceGroup id="act-type" legend={t('form.type')} class="act-group--types">
        {ACTIVITY_TYPES.map(({ code }) => (
          <Choice key={code} wide icon={code} pressed={state.type === code} label={t(`codes.type.${code}`)} onClick={() => update((s) => setType(s, code))} testId={`type-${code}`} />
        ))}
      </ChoiceGroup>

      <div class="act-row">
        <div class={`field act-date${errors.includes('date') ? ' act-group--error' : ''}`} id="act-date" tabIndex={-1}>
          <label for="act-date-input">
            <Icon name="calendar" size={22} /> {t('form.date')}
          </label>
          {errors.includes('date') && <p class="field-error">{t('errors.date')}</p>}
          <div class="choices">
            <input id="act-date-input" type="date" max={now} value={state.date} required onChange={(e) => update((s) => setDate(s, (e.currentTarget as HTMLInputElement).value))} />
            <Choice pressed={state.date === now} label={t('form.today')} onClick={() => update((s) => setDate(s, now))} />
            <Choice pressed={state.date === addDays(now, -1)} label={t('form.yesterday')} onClick={() => update((s) => setDate(s, addDays(now, -1)))} />
          </div>
        </div>
      </div>

      <ChoiceGroup
        id="act-duration"
        legend={
          <>
            <Icon name="clock" size={22} /> {t('form.duration')}
          </>
        }
        error={errors.includes('duration') ? t('errors.duration') : undefined}
      >
        {shown.map((d) => (
          <Choice
            key={d}
            pressed={!isOther && state.durationMin === d}
            label={formatDuration(d, t)}
            onClick={() => {
              setOtherOpen(false);
              update((s) => setDuration(s, d));
            }}
            testId={`duration-${d}`}
          />
        ))}
        <Choice pressed={isOther} label={t('form.durationOther')} onClick={() => setOtherOpen(true)} testId="duration-other" />
        {isOther && (
          <label class="act-inline-field">
            <span class="visually-hidden">{t('form.durationMinutes')}</span>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              value={state.durationMin ?? ''}
              lang={lang}
              onInput={(e) => {
                const v = (e.currentTarget as HTMLInputElement).value;
                update((s) => setDuration(s, v === '' ? undefined : Number(v)));
              }}
            />
            <span aria-hidden="true">min</span>
          </label>
        )}
      </ChoiceGroup>

      <ChoiceGroup id="act-place" legend={t('form.place')} error={errors.includes('place') ? t('errors.place') : undefined}>
        {PLACE_KINDS.map(({ code }) => (
          <Choice key={code} icon={code === 'autre' ? 'autre_lieu' : code} pressed={kind === code} label={t(`codes.place.${code}`)} onClick={() => update((s) => setPlaceKind(s, code))} testId={`place-${code}`} />
        ))}
      </ChoiceGroup>
      {kind === 'lieu_activite' &&
        (places.length > 0 ? (
          <ChoiceGroup id="act-venue" legend={t('form.venue')} class="act-sub">
            {places.map((p) => (
              <Choice key={p.venueId} icon="lieu_activite" pressed={state.place.venueId === p.venueId} label={p.name} onClick={() => update((s) => setVenue(s, p.venueId))} testId={`venue-${p.venueId}`} />
            ))}
          </ChoiceGroup>
        ) : (
          <p class="notice notice--warn act-sub">{t('form.noVenues')}</p>
        ))}
      {(kind === 'autre' || kind === 'domicile') && (
        <div class="act-sub">
          <CommunePicker
            id="act-place-commune"
            label={t('form.commune')}
            communes={data.settings?.communes ?? []}
            value={state.place.communeInsee}
            onChange={(insee) => update((s) => setPlaceCommune(s, insee))}
          />
        </div>
      )}
    </>
  );
}
