import { useT } from '../../../i18n/use-t.ts';
import { LANGUAGES } from '../../../i18n/languages.ts';
import { categoryId, dialog, glossaryQuery, openLinkId, query, screen } from '../lib/state.ts';

/** The kiosk's top bar: home, language, glossary, and a discreet exit for the team. */
export function KioskBar() {
  const { t, lang } = useT('kiosk');
  const current = LANGUAGES.find((l) => l.code === lang) ?? LANGUAGES[0]!;
  const home = () => {
    screen.value = 'portal';
    categoryId.value = undefined;
    openLinkId.value = undefined;
    query.value = '';
    glossaryQuery.value = '';
  };
  return (
    <header class="kiosk-bar">
      <nav class="kiosk-bar__nav" aria-label={t('bar.label')}>
        <button type="button" class="kiosk-bar__btn" onClick={home} aria-current={screen.value === 'portal' && !categoryId.value ? 'page' : undefined} data-testid="kiosk-home">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 24 24">
            <path d="M3 11 12 3l9 8M5 10v10h5v-6h4v6h5V10" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
          </svg>
          <span>{t('bar.home')}</span>
        </button>
        <button type="button" class="kiosk-bar__btn" onClick={() => (dialog.value = 'language')} data-testid="kiosk-language">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 24 24">
            <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18" fill="none" stroke="currentColor" stroke-width="2" />
          </svg>
          <span lang={current.code}>{current.nativeName}</span>
          <span class="visually-hidden">— {t('bar.language')}</span>
        </button>
        <button type="button" class="kiosk-bar__btn" onClick={() => (screen.value = 'glossary')} aria-current={screen.value === 'glossary' ? 'page' : undefined} data-testid="kiosk-glossary">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 24 24">
            <path d="M4 4h7a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4zM20 4h-5a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h5z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
          </svg>
          <span>{t('bar.glossary')}</span>
        </button>
      </nav>
      <button type="button" class="kiosk-bar__exit" onClick={() => (dialog.value = 'exit')} data-testid="kiosk-exit">
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24">
          <rect x="5" y="11" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M8 11V7a4 4 0 0 1 8 0v4" fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
        <span class="visually-hidden">{t('bar.exit')}</span>
      </button>
    </header>
  );
}
