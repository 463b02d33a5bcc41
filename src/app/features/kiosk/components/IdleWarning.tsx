import { useT } from '../../../i18n/use-t.ts';
import { Modal } from './Modal.tsx';

/**
 * Shown the last seconds before the kiosk returns to its welcome screen: someone still reading
 * a checklist keeps it with one touch (any touch counts; "Continuer" is the obvious one).
 */
export function IdleWarning({ seconds }: { seconds: number }) {
  const { t } = useT('kiosk');
  return (
    <Modal labelledBy="kiosk-idle-title" onClose={() => undefined} testId="idle-warning">
      <h2 id="kiosk-idle-title">{t('idle.title')}</h2>
      <p role="timer" aria-live="off" class="kiosk-idle__count" data-testid="idle-seconds">
        {t('idle.countdown', { count: seconds })}
      </p>
      <p class="kiosk-dialog__actions">
        <button type="button" class="btn btn-primary btn-big" data-testid="idle-continue" autoFocus>
          {t('idle.continue')}
        </button>
      </p>
    </Modal>
  );
}
