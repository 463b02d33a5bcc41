import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useT } from '../../../i18n/use-t.ts';
import { PATHS } from '../../../paths.ts';
import { deleteActivity, deleteDraft } from '../../../db/activities.ts';
import { isQuotaError } from '../../../shell/storage.ts';
import { Icon } from '../components/icons.tsx';

/** Delete, after a second, explicit confirmation; the hub gets a tombstone. */
export function DeleteActivity({ id }: { id: string }) {
  const { t } = useT('activities');
  const { t: tc } = useT('common');
  const { route } = useLocation();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string>();
  const confirmRef = useRef<HTMLButtonElement>(null);

  async function confirm() {
    try {
      await deleteActivity(id);
      await deleteDraft(`edit:${id}`);
      import('../../sync/request.ts').then((m) => m.requestSync('deleted')).catch(() => {});
      route(`${PATHS.activities}?supprime=1`);
    } catch (e) {
      setFailure(isQuotaError(e) ? tc('storageFull') : String((e as Error)?.message ?? e));
    }
  }

  return (
    <section class="card act-delete">
      {!asking ? (
        <button
          type="button"
          class="btn btn-danger"
          data-testid="delete-activity"
          onClick={() => {
            setAsking(true);
            requestAnimationFrame(() => confirmRef.current?.focus());
          }}
        >
          <Icon name="trash" size={22} /> {t('form.delete')}
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="act-delete-q" class="act-delete__ask">
          <p id="act-delete-q">{t('form.deleteQuestion')}</p>
          <div class="row">
            <button ref={confirmRef} type="button" class="btn btn-danger" data-testid="confirm-delete" onClick={() => void confirm()}>
              {t('form.confirmDelete')}
            </button>
            <button type="button" class="btn" onClick={() => setAsking(false)}>
              {t('form.keep')}
            </button>
          </div>
        </div>
      )}
      {failure && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
