import { useT } from '../i18n/use-t.ts';
import { applyUpdate, updateWaiting } from './update.ts';

/** Offers the new version; the person decides when (their draft is saved first). */
export function UpdateBanner() {
  const { t } = useT('common');
  if (!updateWaiting.value) return null;
  return (
    <div class="update-banner" role="status" data-testid="update-banner">
      <span>{t('update.available')}</span>
      <button class="btn btn-primary" type="button" onClick={() => void applyUpdate()}>
        {t('update.apply')}
      </button>
      <button class="btn btn-ghost" type="button" onClick={() => (updateWaiting.value = false)}>
        {t('update.later')}
      </button>
    </div>
  );
}
