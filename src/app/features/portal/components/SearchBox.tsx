import { useT } from '../../../i18n/use-t.ts';

/** The portal's search field (accents and case do not matter). */
export function SearchBox({ value, onInput, label }: { value: string; onInput: (q: string) => void; label?: string }) {
  const { t } = useT('portal');
  return (
    <div class="portal-search" role="search">
      <label for="portal-search-input">{label ?? t('searchLabel')}</label>
      <input
        id="portal-search-input"
        type="search"
        value={value}
        placeholder={t('searchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        enterKeyHint="search"
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        data-testid="portal-search"
      />
    </div>
  );
}
