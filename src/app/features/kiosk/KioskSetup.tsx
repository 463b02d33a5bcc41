import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { loadDeviceSettings } from '../../db/settings.ts';
import { PATHS } from '../../paths.ts';
import { isValidKioskPin } from '../../../shared/portal/pin.ts';
import { chooseLocalPin, structurePinIsSet } from './lib/pin.ts';
import { enterFullscreen, keepScreenAwake } from './lib/screen.ts';
import { enterKiosk } from './lib/session.ts';
import { DEFAULT_IDLE_SECONDS } from './KioskScreen.tsx';
import { VoiceCheck } from './components/VoiceCheck.tsx';

/** The mediator turns the tablet into a kiosk (choosing the exit PIN when the structure has not set one). */
export function KioskSetup() {
  const { t } = useT('kiosk');
  const [structurePin, setStructurePin] = useState<boolean>();
  const [idle, setIdle] = useState(DEFAULT_IDLE_SECONDS);
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string>();
  const [languages, setLanguages] = useState<string[]>();

  useEffect(() => {
    void structurePinIsSet().then(setStructurePin);
    void loadDeviceSettings()
      .catch(() => undefined)
      .then((s) => {
        if (s) setIdle(s.kioskIdleSeconds);
        setLanguages(s?.languages ?? []);
      });
  }, []);

  const start = async (e: Event) => {
    e.preventDefault();
    if (!structurePin) {
      if (!isValidKioskPin(pin)) return setError(t('setup.pinInvalid'));
      if (pin !== confirm) return setError(t('setup.pinMismatch'));
      await chooseLocalPin(pin);
    }
    enterFullscreen();
    keepScreenAwake();
    enterKiosk();
  };

  const digits = (set: (v: string) => void) => (e: Event) => set((e.currentTarget as HTMLInputElement).value.replace(/\D/g, ''));
  return (
    <main id="main" class="page page--narrow kiosk-setup">
      <a class="btn btn-ghost" href={PATHS.portal}>
        <span aria-hidden="true" class="flip-rtl">
          ←
        </span>{' '}
        {t('setup.back')}
      </a>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <p>{t('setup.idle', { minutes: Math.round((idle / 60) * 10) / 10 })}</p>
      <p class="hint">{t('setup.policy')}</p>
      {languages && <VoiceCheck codes={languages} />}
      {structurePin !== undefined && (
        <form class="card" onSubmit={start}>
          {structurePin ? (
            <p>{t('setup.pinFromStructure')}</p>
          ) : (
            <>
              <div class="field">
                <label for="kiosk-pin">{t('setup.choosePin')}</label>
                <input id="kiosk-pin" type="password" inputMode="numeric" autocomplete="new-password" maxLength={8} value={pin} onInput={digits(setPin)} data-testid="setup-pin" />
              </div>
              <div class="field">
                <label for="kiosk-pin-confirm">{t('setup.confirmPin')}</label>
                <input id="kiosk-pin-confirm" type="password" inputMode="numeric" autocomplete="new-password" maxLength={8} value={confirm} onInput={digits(setConfirm)} data-testid="setup-pin-confirm" />
              </div>
            </>
          )}
          {error && (
            <p class="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="btn btn-primary btn-big" data-testid="setup-start">
            {t('setup.start')}
          </button>
        </form>
      )}
    </main>
  );
}
