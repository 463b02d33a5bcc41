/** Languages of the interface. French is the source; kiosk-only languages translate the kiosk and portal texts. */
export interface Language {
  code: string;
  /** the language's own name, as shown in pickers */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** flag emoji shown beside the name in the kiosk picker */
  flag: string;
}

export const LANGUAGES: Language[] = [
  { code: 'fr', nativeName: 'Français', dir: 'ltr', flag: '🇫🇷' },
  { code: 'en', nativeName: 'English', dir: 'ltr', flag: '🇬🇧' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl', flag: '🇲🇦' },
  { code: 'es', nativeName: 'Español', dir: 'ltr', flag: '🇪🇸' },
  { code: 'pt', nativeName: 'Português', dir: 'ltr', flag: '🇵🇹' },
  { code: 'tr', nativeName: 'Türkçe', dir: 'ltr', flag: '🇹🇷' },
  { code: 'uk', nativeName: 'Українська', dir: 'ltr', flag: '🇺🇦' },
];

/** Languages the whole mediator interface is translated into. */
export const APP_LANGUAGES = ['fr', 'en', 'ar'] as const;

export const SOURCE_LANGUAGE = 'fr';

export function languageDir(code: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === code)?.dir ?? 'ltr';
}
