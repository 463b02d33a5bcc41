import { i18next } from '../i18n/index.ts';
import { APP_LANGUAGES, LANGUAGES } from '../i18n/languages.ts';
import { useT } from '../i18n/use-t.ts';

/** A native select: big, accessible, and readable in each language's own script. */
export function LanguageSwitch({ codes = APP_LANGUAGES as readonly string[] }: { codes?: readonly string[] }) {
  const { t, lang } = useT('common');
  const options = LANGUAGES.filter((l) => codes.includes(l.code));
  return (
    <label class="lang-switch">
      <span class="visually-hidden">{t('language.label')}</span>
      <select
        value={options.some((o) => o.code === lang) ? lang : 'fr'}
        onChange={(e) => void i18next.changeLanguage((e.currentTarget as HTMLSelectElement).value)}
        aria-label={t('language.label')}
      >
        {options.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.nativeName}
          </option>
        ))}
      </select>
    </label>
  );
}
