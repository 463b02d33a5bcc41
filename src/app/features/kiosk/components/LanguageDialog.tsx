import { i18next } from '../../../i18n/index.ts';
import { useT } from '../../../i18n/use-t.ts';
import { dialog } from '../lib/state.ts';
import { kioskLanguages } from '../lib/languages.ts';
import { Modal } from './Modal.tsx';

/** Every kiosk language, each written in its own script (no flags: a language is not a country). */
/** `onPicked` gets the language change, which resolves once the language's texts are loaded. */
export function LanguageButtons({ onPicked }: { onPicked?: (loaded: Promise<unknown>) => void }) {
  const { lang } = useT('kiosk');
  return (
    <ul class="kiosk-langs" role="list">
      {kioskLanguages.value.map((l) => (
        <li key={l.code}>
          <button
            type="button"
            class="kiosk-lang"
            lang={l.code}
            dir={l.dir}
            aria-pressed={lang === l.code}
            onClick={() => {
              const loaded = i18next.changeLanguage(l.code);
              onPicked?.(loaded);
            }}
            data-testid={`lang-${l.code}`}
          >
            <span>{l.nativeName}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function LanguageDialog() {
  const { t } = useT('kiosk');
  const close = () => (dialog.value = undefined);
  return (
    <Modal labelledBy="kiosk-lang-title" onClose={close} wide testId="language-dialog">
      <h2 id="kiosk-lang-title">{t('language.title')}</h2>
      <LanguageButtons onPicked={() => close()} />
      <p class="kiosk-dialog__actions">
        <button type="button" class="btn btn-big" onClick={close}>
          {t('exit.cancel')}
        </button>
      </p>
    </Modal>
  );
}
