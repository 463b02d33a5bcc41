import { useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { checkExitPin, pinWaitSeconds } from '../lib/pin.ts';
import { dialog } from '../lib/state.ts';
import { Modal } from './Modal.tsx';

/** The team's way out: the PIN, checked against its hash, with a delay after repeated mistakes. */
export function ExitDialog({ onExit }: { onExit: () => void }) {
  const { t } = useT('kiosk');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const close = () => (dialog.value = undefined);
  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await checkExitPin(pin);
    setPin('');
    if (result === 'ok') return onExit();
    if (result === 'wait') setError(t('exit.wait', { seconds: pinWaitSeconds() }));
    else setError(t('exit.wrong'));
  };
  return (
    <Modal labelledBy="kiosk-exit-title" onClose={close} testId="exit-dialog">
      <form onSubmit={submit}>
        <h2 id="kiosk-exit-title">{t('exit.title')}</h2>
        <p>{t('exit.intro')}</p>
        <div class="field">
          <label for="kiosk-exit-pin">{t('exit.pinLabel')}</label>
          <input
            id="kiosk-exit-pin"
            type="password"
            inputMode="numeric"
            autocomplete="off"
            pattern="[0-9]*"
            maxLength={8}
            value={pin}
            onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value.replace(/\D/g, ''))}
            aria-describedby={error ? 'kiosk-exit-error' : undefined}
            aria-invalid={error ? true : undefined}
            data-testid="exit-pin"
          />
          {error && (
            <p id="kiosk-exit-error" class="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <p class="kiosk-dialog__actions">
          <button type="button" class="btn btn-big" onClick={close}>
            {t('exit.cancel')}
          </button>
          <button type="submit" class="btn btn-primary btn-big" disabled={pin.length < 4} data-testid="exit-submit">
            {t('exit.submit')}
          </button>
        </p>
      </form>
    </Modal>
  );
}
