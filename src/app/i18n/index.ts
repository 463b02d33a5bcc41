import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import frCommon from './locales/fr/common.json';
import { LANGUAGES, SOURCE_LANGUAGE, languageDir } from './languages.ts';
import { LANGUAGE_STORAGE_KEY, browserLanguages, detectLanguage, storeLanguage, storedLanguage } from './detect.ts';

// Every locale file except French common is its own lazy chunk.
const loaders = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(lng: string, ns: string, cb: ReadCallback) {
    const load = loaders[`./locales/${lng}/${ns}.json`];
    if (!load) return cb(null, {});
    load().then(
      (m) => cb(null, m.default),
      (e: unknown) => cb(e as Error, false),
    );
  },
};

export { LANGUAGE_STORAGE_KEY };

/** Starts i18next; resolves once the common namespace of the chosen language is ready. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next
    .use(lazyBackend)
    .init({
      lng: detectLanguage(storedLanguage(), browserLanguages()),
      fallbackLng: SOURCE_LANGUAGE,
      supportedLngs: LANGUAGES.map((l) => l.code),
      ns: ['common'],
      defaultNS: 'common',
      partialBundledLanguages: true,
      resources: { fr: { common: frCommon } },
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  applyDocumentLanguage(i18next.resolvedLanguage ?? SOURCE_LANGUAGE);
  // Remembered on this device, as the person chose it (or as it was first detected).
  storeLanguage(i18next.resolvedLanguage ?? SOURCE_LANGUAGE);
  i18next.on('languageChanged', (lng) => {
    applyDocumentLanguage(lng);
    storeLanguage(lng);
  });
  return i18next;
}

function applyDocumentLanguage(lng: string) {
  document.documentElement.lang = lng;
  document.documentElement.dir = languageDir(lng);
}

export { i18next };
