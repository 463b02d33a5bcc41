/** Languages of the interface. French is the source; kiosk-only languages translate the kiosk and portal texts. */
export interface Language {
  code: string;
  /** the language's own name, as shown in pickers */
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES: Language[] = [
  { code: 'fr', nativeName: 'Français', dir: 'ltr' },
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'es', nativeName: 'Español', dir: 'ltr' },
  { code: 'pt', nativeName: 'Português', dir: 'ltr' },
  { code: 'tr', nativeName: 'Türkçe', dir: 'ltr' },
  { code: 'uk', nativeName: 'Українська', dir: 'ltr' },
];

/** Languages the whole mediator interface is translated into. */
export const APP_LANGUAGES = ['fr', 'en', 'ar'] as const;

export const SOURCE_LANGUAGE = 'fr';

export function languageDir(code: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === code)?.dir ?? 'ltr';
}
