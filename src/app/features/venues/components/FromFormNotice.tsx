import { useT } from '../../../i18n/use-t.ts';
import { returnToForm } from '../lib/view-state.ts';

/** Shown while the mediator came from the activity form to choose a place: the way back. */
export function FromFormNotice() {
  const { t } = useT('venues');
  const back = returnToForm.value;
  if (!back) return null;
  return (
    <div class="notice ven-from-form" role="status" data-testid="from-form">
      <span>{t('fromForm')}</span>{' '}
      <a class="btn btn-ghost" href={back}>
        {t('backToForm')}
      </a>
    </div>
  );
}
