import { signal } from '@preact/signals';
import { i18next } from '../../../i18n/index.ts';
import { LANGUAGES, type Language } from '../../../i18n/languages.ts';

/** The languages the kiosk offers: the structure's enabled ones (settings), all seven by default. */
export const kioskLanguages = signal<Language[]>(LANGUAGES);

export function setKioskLanguages(codes: string[] | undefined): void {
  const chosen = codes?.length ? LANGUAGES.filter((l) => codes.includes(l.code)) : [];
  kioskLanguages.value = chosen.length ? chosen : LANGUAGES;
}

/**
 * The interface language as a signal, updated once the new language's texts are loaded. The
 * kiosk re-mounts its screens on it, so a screen that appears while a language is still loading
 * (a visitor taps a flag, then the portal shows) cannot miss the change.
 */
export const uiLanguage = signal(i18next.language ?? 'fr');
i18next.on('languageChanged', (lng) => (uiLanguage.value = lng));
