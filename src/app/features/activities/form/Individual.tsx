import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { PATHS } from '../../../paths.ts';
import { useT } from '../../../i18n/use-t.ts';
import { AGE_BANDS, AUTONOMY, GENRES, ORIENTATION_TARGETS, STATUSES } from '../../../../shared/activity/codes.ts';
import { getVenue } from '../../../db/venues.ts';
import { setAutonomy, setOrientationTarget, setOrientationVenue, setOriented, setPerson, setPersonAlready, setPersonCommune } from '../lib/form-state.ts';
import { Choice, ChoiceGroup } from '../components/Choice.tsx';
import { CommunePicker } from '../components/CommunePicker.tsx';
import type { SectionProps } from './types.ts';

const LEVEL_ICON = { entierement_accompagne: 'level1', partiellement_autonome: 'level2', autonome: 'level3' } as const;

/** The directory venue's name (orientation slip hand-off). */
function useVenueName(id: string | undefined): string | undefined {
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!id) return;
    void getVenue(id)
      .then((v) => setName(typeof v?.nom === 'string' ? v.nom : undefined))
      .catch(() => undefined);
  }, [id]);
  return name;
}

/** Individual session: autonomy, orientation, and the person (optional, single choices). */
export function Individual({ state, update, data, errors }: SectionProps) {
  const { t } = useT('activities');
  const { path } = useLocation();
  const o = state.orientation;
  const venueName = useVenueName(o.venueId);
  const p = state.person;
  const personSet = !!(p.genre || p.ageBand || p.status || p.already !== undefined || p.communeInsee);
  // opened by the mediator or because something is already chosen; never closed under their finger
  const [open, setOpen] = useState(personSet);

  return (
    <>
      <ChoiceGroup id="act-autonomy" legend={t('form.autonomy')}>
        {AUTONOMY.map(({ code }) => (
          <Choice key={code} icon={LEVEL_ICON[code]} pressed={state.autonomy === code} label={t(`codes.autonomy.${code}`)} onClick={() => update((s) => setAutonomy(s, code))} testId={`autonomy-${code}`} />
        ))}
      </ChoiceGroup>

      <ChoiceGroup id="act-orientation" legend={t('form.oriented')} error={errors.includes('orientation') ? t('errors.orientation') : undefined}>
        <Choice pressed={o.oriented === true} icon="orientation" label={t('form.yes')} onClick={() => update((s) => setOriented(s, true))} testId="oriented-yes" />
        <Choice pressed={o.oriented === false} label={t('form.no')} onClick={() => update((s) => setOriented(s, false))} testId="oriented-no" />
      </ChoiceGroup>
      {o.oriented && (
        <div class="act-sub">
          {o.venueId && (
            <p class="act-oriented-venue" data-testid="oriented-venue">
              {t('form.orientedVenue', { name: venueName ?? t('form.orientedVenueUnknown') })}{' '}
              <button type="button" class="btn btn-ghost" onClick={() => update((s) => setOrientationVenue(s, undefined))}>
                {t('form.removeVenue')}
              </button>
            </p>
          )}
          {!o.venueId && (
            <p>
              <a class="btn" href={`${PATHS.venues}?retour=${encodeURIComponent(path)}`} data-testid="find-venue">
                {t('form.findVenue')}
              </a>
            </p>
          )}
          <ChoiceGroup id="act-towards" legend={t('form.towards')} hint={o.venueId && o.towards ? t('form.towardsFromVenue') : undefined}>
            {ORIENTATION_TARGETS.map(({ code }) => (
              <Choice key={code} pressed={o.towards === code} label={t(`codes.orientation.${code}`)} onClick={() => update((s) => setOrientationTarget(s, code))} testId={`towards-${code}`} />
            ))}
          </ChoiceGroup>
        </div>
      )}

      <details class="act-details" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} id="act-beneficiaries">
        <summary>
          <span class="act-details__title">
            {t('form.beneficiary')} <span class="hint">({t('form.optional')})</span>
          </span>
          <span class="hint">{t('form.beneficiarySummary')}</span>
        </summary>
        <ChoiceGroup id="act-genre" legend={t('form.genre')}>
          {GENRES.map(({ code }) => (
            <Choice key={code} pressed={code === 'non_communique' ? !p.genre || p.genre === code : p.genre === code} label={t(`codes.genre.${code}`)} onClick={() => update((s) => setPerson(s, 'genre', code === 'non_communique' ? s.person.genre : code))} />
          ))}
        </ChoiceGroup>
        <ChoiceGroup id="act-age" legend={t('form.ageBand')}>
          {AGE_BANDS.map(({ code }) => (
            <Choice key={code} pressed={code === 'non_communique' ? !p.ageBand || p.ageBand === code : p.ageBand === code} label={t(`codes.ageBand.${code}`)} onClick={() => update((s) => setPerson(s, 'ageBand', code === 'non_communique' ? s.person.ageBand : code))} />
          ))}
        </ChoiceGroup>
        <ChoiceGroup id="act-status" legend={t('form.status')}>
          {STATUSES.map(({ code }) => (
            <Choice key={code} pressed={code === 'non_communique' ? !p.status || p.status === code : p.status === code} label={t(`codes.status.${code}`)} onClick={() => update((s) => setPerson(s, 'status', code === 'non_communique' ? s.person.status : code))} />
          ))}
        </ChoiceGroup>
        <ChoiceGroup id="act-already" legend={t('form.already')}>
          <Choice pressed={p.already === true} label={t('form.yes')} onClick={() => update((s) => setPersonAlready(s, s.person.already === true ? undefined : true))} />
          <Choice pressed={p.already === false} label={t('form.no')} onClick={() => update((s) => setPersonAlready(s, s.person.already === false ? undefined : false))} />
        </ChoiceGroup>
        <CommunePicker id="act-residence" label={t('form.residence')} communes={data.settings?.communes ?? []} value={p.communeInsee} onChange={(insee) => update((s) => setPersonCommune(s, insee))} />
      </details>
    </>
  );
}
