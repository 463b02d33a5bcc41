import { useT } from '../../../i18n/use-t.ts';
import { glossaryEntries } from '../../../../shared/portal/glossary.ts';
import { glossaryQuery } from '../lib/state.ts';
import { ReadAloud } from './ReadAloud.tsx';

/** About forty digital words in plain words; a translation also shows the French word the sites use. */
export function GlossaryView() {
  const { t, lang } = useT('kiosk');
  const entries = glossaryEntries(lang, glossaryQuery.value);
  return (
    <>
      <h1>{t('glossary.title')}</h1>
      <p class="lead">{t('glossary.intro')}</p>
      <div class="portal-search" role="search">
        <label for="kiosk-glossary-search">{t('glossary.searchLabel')}</label>
        <input
          id="kiosk-glossary-search"
          type="search"
          value={glossaryQuery.value}
          autocomplete="off"
          onInput={(e) => (glossaryQuery.value = (e.currentTarget as HTMLInputElement).value)}
          data-testid="glossary-search"
        />
      </div>
      <dl class="glossary" data-testid="glossary">
        {entries.map((e) => (
          <div key={e.id} class="glossary__entry" lang={e.lang}>
            <dt>
              {e.term}
              {e.lang !== 'fr' && e.frenchTerm !== e.term && (
                <span class="glossary__fr" lang="fr">
                  {' '}
                  ({e.frenchTerm})
                </span>
              )}
            </dt>
            <dd>
              <p>{e.text}</p>
              <ReadAloud text={`${e.term}. ${e.text}`} lang={e.lang} />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
