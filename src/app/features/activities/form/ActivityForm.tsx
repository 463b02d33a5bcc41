import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useT } from '../../../i18n/use-t.ts';
import { PATHS } from '../../../paths.ts';
import { getActivity, InvalidActivityError, loadDraft, saveActivity, type ActivityRow } from '../../../db/activities.ts';
import { isQuotaError, requestPersistentStorage } from '../../../shell/storage.ts';
import { initialForm, setOrientationVenue, setType, type FormState } from '../lib/form-state.ts';
import { draftToForm, duplicateOf, formErrors, fromLocal, toLocal, type FormSection } from '../lib/to-record.ts';
import { today } from '../lib/dates.ts';
import { newRecordId } from '../lib/uuid.ts';
import { defaultDuration, defaultPlace, useFormData, type FormData } from './data.ts';
import { useDraft } from './useDraft.ts';
import { getVenue } from '../../../db/venues.ts';
import { towardsOfVenue } from '../../../../shared/activity/orientation.ts';
import { returnToForm } from '../../venues/lib/view-state.ts';
import { Basics } from './Basics.tsx';
import { Themes } from './Themes.tsx';
import { Individual } from './Individual.tsx';
import { Workshop } from './Workshop.tsx';
import { Extras } from './Extras.tsx';
import { DeleteActivity } from './DeleteActivity.tsx';
import { SyncStateNotice } from '../components/SyncState.tsx';
import { DemoNotice } from '../components/DemoNotice.tsx';
import '../activities.css';

const SECTION_ID: Record<FormSection, string> = {
  date: 'act-date',
  duration: 'act-duration',
  place: 'act-place',
  themes: 'act-themes',
  workshop: 'act-workshop',
  beneficiaries: 'act-beneficiaries',
  orientation: 'act-orientation',
  equipment: 'act-equipment',
  other: 'act-form',
};

export interface FormProps {
  /** the record being edited; a new one otherwise */
  activityId?: string;
  /** ?dupliquer=<id>: start from that record */
  duplicateId?: string;
  /** ?orientation=<venueId>: the person was oriented to this venue */
  orientationVenueId?: string;
}

/** The venue chosen in the directory, with the "Structure de redirection" it stands for. */
async function orientedTo(state: FormState, venueId: string): Promise<FormState> {
  const venue = await getVenue(venueId).catch(() => undefined);
  return setOrientationVenue(state, venueId, venue ? towardsOfVenue(venue) : undefined);
}

type Loaded = { state: FormState; restored: boolean; row?: ActivityRow; replace?: boolean } | { notFound: true };

async function loadInitial(props: FormProps, data: FormData, draftId: string): Promise<Loaded> {
  const day = today();
  const base = initialForm({ date: day, durationMin: defaultDuration(data), place: defaultPlace(data) });
  if (props.activityId) {
    const row = await getActivity(props.activityId);
    if (!row || row.deleted) return { notFound: true };
    const draft = draftToForm((await loadDraft(draftId))?.state, fromLocal(row));
    if (props.orientationVenueId) return { state: await orientedTo(draft ?? fromLocal(row), props.orientationVenueId), restored: false, row, replace: true };
    return { state: draft ?? fromLocal(row), restored: !!draft, row };
  }
  let state: FormState | undefined;
  let restored = false;
  let replace = false;
  const source = props.duplicateId ? await getActivity(props.duplicateId) : undefined;
  if (source && !source.deleted) {
    state = duplicateOf(source, day);
    replace = true;
  } else {
    state = draftToForm((await loadDraft(draftId))?.state, base);
    restored = !!state;
  }
  state ??= base;
  if (props.orientationVenueId) {
    // back from the directory: the draft left for it is the form, not a forgotten one
    state = await orientedTo(setType(state, 'individuel'), props.orientationVenueId);
    restored = false;
    replace = true;
  }
  return { state, restored, replace };
}

/** The activity form (new, duplicate, orientation hand-off or edit), autosaved as a draft. */
export function ActivityForm(props: FormProps) {
  const { t } = useT('activities');
  const { t: tc } = useT('common');
  const { route } = useLocation();
  const data = useFormData();
  const draftId = props.activityId ? `edit:${props.activityId}` : 'new';
  const draft = useDraft(draftId, props.activityId);
  const [loaded, setLoaded] = useState<Loaded>();
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  // back on the form: the directory no longer offers the way back to it
  useEffect(() => void (returnToForm.value = undefined), []);
  useEffect(() => {
    if (!data) return;
    void loadInitial(props, data, draftId).then((l) => {
      setLoaded(l);
      if ('notFound' in l) return;
      if (l.replace) draft.replace(l.state);
      else draft.load(l.state);
      if (props.duplicateId || props.orientationVenueId) route(props.activityId ? `${PATHS.activities}/${props.activityId}` : `${PATHS.activities}/nouveau`, true);
      heading.current?.focus();
    });
  }, [data]);

  if (loaded && 'notFound' in loaded) {
    return (
      <main id="main" class="page page--narrow">
        <h1>{t('edit')}</h1>
        <p class="notice notice--warn">{t('form.notFound')}</p>
        <a class="btn" href={PATHS.activities}>
          {t('title')}
        </a>
      </main>
    );
  }
  const state = draft.state;
  if (!data || !loaded || !state) {
    return (
      <main id="main" class="page page--narrow" aria-busy="true">
        <h1>{props.activityId ? t('edit') : t('new')}</h1>
      </main>
    );
  }

  const errors = formErrors(state, today());
  const shown = showErrors ? errors : [];
  const sectionProps = { state, update: draft.update, data, errors: shown };

  async function save() {
    if (saving || !state) return;
    setFailure(undefined);
    if (errors.length > 0) {
      setShowErrors(true);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSaving(true);
    await draft.close();
    const now = new Date().toISOString();
    const row = 'row' in loaded! ? loaded.row : undefined;
    const meta = row ? { id: row.id, revision: row.revision, createdAt: row.createdAt, updatedAt: now } : { id: newRecordId(), revision: 1, createdAt: now, updatedAt: now };
    try {
      const saved = await saveActivity(toLocal(state, meta), { draftId });
      void requestPersistentStorage().catch(() => false);
      import('../../sync/request.ts').then((m) => m.requestSync('saved')).catch(() => {});
      const venueId = saved.type === 'individuel' ? saved.orientation?.venueId : undefined;
      const slip = venueId ? `&fiche=${encodeURIComponent(venueId)}${saved.portalLinkIds[0] ? `&demarche=${encodeURIComponent(saved.portalLinkIds[0])}` : ''}` : '';
      route(`${PATHS.activities}?enregistre=${saved.id}${slip}`);
    } catch (e) {
      draft.reopen();
      setSaving(false);
      if (isQuotaError(e)) setFailure(tc('storageFull'));
      else if (e instanceof InvalidActivityError) setFailure(t('errors.invalid', { reason: e.message }));
      else setFailure(t('errors.invalid', { reason: String((e as Error)?.message ?? e) }));
    }
  }

  async function startOver() {
    await draft.discard();
    draft.reopen();
    const base = initialForm({ date: today(), durationMin: defaultDuration(data!), place: defaultPlace(data!) });
    const fresh = loaded && 'row' in loaded && loaded.row ? fromLocal(loaded.row) : base;
    setLoaded({ state: fresh, restored: false, row: 'row' in loaded! ? loaded.row : undefined });
    draft.load(fresh);
    setShowErrors(false);
  }

  async function cancel() {
    await draft.discard();
    route(PATHS.activities);
  }

  const row = 'row' in loaded ? loaded.row : undefined;
  return (
    <main id="main" class="page page--narrow act-form-page">
      <h1 ref={heading} tabIndex={-1}>
        {props.activityId ? t('edit') : t('new')}
      </h1>
      {!data.enrolled && <DemoNotice />}
      {row && <SyncStateNotice row={row} />}
      {loaded.restored && (
        <div class="notice act-notice" role="status" data-testid="draft-restored">
          <span>{t('form.draftRestored')}</span>
          <button type="button" class="btn" onClick={() => void startOver()}>
            {t('form.startOver')}
          </button>
        </div>
      )}
      <form
        id="act-form"
        class="act-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Basics {...sectionProps} />
        <Themes {...sectionProps} />
        {state.type === 'individuel' ? <Individual {...sectionProps} /> : <Workshop {...sectionProps} />}
        <Extras {...sectionProps} />

        <div class="act-savebar">
          {(shown.length > 0 || failure || draft.storageFull) && (
            <div class="notice notice--error act-savebar__errors" role="alert" tabIndex={-1} ref={summary} data-testid="form-errors">
              {failure && <p>{failure}</p>}
              {draft.storageFull && !failure && <p>{tc('storageFull')}</p>}
              {shown.length > 0 && (
                <>
                  <p>{t('form.missing')}</p>
                  <ul>
                    {shown.map((s) => (
                      <li key={s}>
                        <a
                          href={`#${SECTION_ID[s]}`}
                          onClick={(e) => {
                            e.preventDefault();
                            const el = document.getElementById(SECTION_ID[s]);
                            el?.scrollIntoView({ block: 'center' });
                            el?.focus();
                          }}
                        >
                          {t(`errors.${s}`)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          <div class="act-savebar__buttons">
            <button type="submit" class="btn btn-primary btn-big act-save" disabled={saving} data-testid="save-activity">
              {saving ? t('form.saving') : t('form.save')}
            </button>
            <button type="button" class="btn btn-ghost" onClick={() => void cancel()}>
              {t('form.cancel')}
            </button>
          </div>
        </div>
      </form>
      {row && <DeleteActivity id={row.id} />}
    </main>
  );
}
