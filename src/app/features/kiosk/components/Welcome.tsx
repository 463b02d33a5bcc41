import { useT } from '../../../i18n/use-t.ts';
import { enterFullscreen, keepScreenAwake } from '../lib/screen.ts';
import { screen } from '../lib/state.ts';
import { LanguageButtons } from './LanguageDialog.tsx';

/** The screen the kiosk rests on between visitors. */
export function Welcome() {
  const { t } = useT('kiosk');
  // Full screen needs the tap itself; the portal shows once a newly chosen language is loaded.
  const start = (loaded?: Promise<unknown>) => {
    enterFullscreen();
    keepScreenAwake();
    void (loaded ?? Promise.resolve()).finally(() => (screen.value = 'portal'));
  };
  return (
    <main id="main" class="kiosk-welcome" data-testid="kiosk-welcome">
      <img src="/icons/icon.svg" alt="" width="72" height="72" />
      <h1>{t('welcome.title')}</h1>
      <p class="kiosk-welcome__sub">{t('welcome.subtitle')}</p>
      <button type="button" class="kiosk-welcome__start" onClick={() => start()} data-testid="kiosk-start">
        <svg aria-hidden="true" width="56" height="56" viewBox="0 0 24 24">
          <path d="M9 11V5.5a1.5 1.5 0 0 1 3 0V11m0-1.5a1.5 1.5 0 0 1 3 0V11m0-.5a1.5 1.5 0 0 1 3 0V15a6 6 0 0 1-6 6h-1a6 6 0 0 1-5-2.7L3.5 14a1.5 1.5 0 0 1 2.5-1.7L9 15" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
        <span>{t('welcome.touch')}</span>
      </button>
      <LanguageButtons onPicked={start} />
    </main>
  );
}
