import frCommon from './locales/fr/common.json';
import { LANGUAGES, SOURCE_LANGUAGE, languageDir } from './languages.ts';
import { LANGUAGE_STORAGE_KEY, browserLanguages, detectLanguage, storeLanguage, storedLanguage } from './detect.ts';
import { Translator, type Tree } from './translator.ts';

// Every locale file except French common is its own lazy chunk.
const loaders = import.meta.glob<{ default: Tree }>('./locales/*/*.json');

export { LANGUAGE_STORAGE_KEY };

/**
 * The app's translations: i18next's API as the app uses it (t, getFixedT, loadNamespaces,
 * changeLanguage, events), by the small in-house translator (translator.ts) so that the first
 * screen does not carry i18next's 15 kB. The name stays for the callers.
 */
export const i18next = new Translator({
  fallbackLng: SOURCE_LANGUAGE,
  supportedLngs: LANGUAGES.map((l) => l.code),
  defaultNS: 'common',
  load: (lng, ns) => loaders[`./locales/${lng}/${ns}.json`]?.().then((m) => m.default) ?? Promise.resolve({}),
});

let started: Promise<Translator> | undefined;

/** Starts the translations; resolves once the common namespace of the chosen language is ready. */
export function initI18n(): Promise<Translator> {
  return (started ??= (async () => {
    await i18next.init(detectLanguage(storedLanguage(), browserLanguages()), { fr: { common: frCommon as Tree } });
    applyDocumentLanguage(i18next.resolvedLanguage || SOURCE_LANGUAGE);
    // Remembered on this device, as the person chose it (or as it was first detected).
    storeLanguage(i18next.resolvedLanguage || SOURCE_LANGUAGE);
    i18next.on('languageChanged', (lng) => {
      applyDocumentLanguage(lng);
      storeLanguage(lng);
    });
    return i18next;
  })());
}

function applyDocumentLanguage(lng: string) {
  document.documentElement.lang = lng;
  document.documentElement.dir = languageDir(lng);
}
