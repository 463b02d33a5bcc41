import { useEffect } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { categoryName, localiseLink, mostAsked, usedCategories, visibleLinks } from '../../../../shared/portal/localise.ts';
import { searchLinks } from '../../../../shared/portal/search.ts';
import { linkInCategory } from '../../../../shared/portal/categories.ts';
import type { PortalCatalogue } from '../../../../shared/portal/schema.ts';
import { CategoryGrid } from '../../portal/components/CategoryGrid.tsx';
import { LinkGrid } from '../../portal/components/LinkGrid.tsx';
import { SearchBox } from '../../portal/components/SearchBox.tsx';
import { categoryId, openLinkId, query } from '../lib/state.ts';
import { ReadAloud } from './ReadAloud.tsx';

/** The public portal in big tiles: search, most-asked sites, themes; never the tools for professionals. */
export function KioskPortal({ catalogue }: { catalogue: PortalCatalogue }) {
  const { t } = useT('kiosk');
  const { t: tp, lang } = useT('portal');
  const links = visibleLinks(catalogue, 'kiosk');
  const open = (id: string) => (openLinkId.value = id);
  const category = catalogue.categories.find((c) => c.id === categoryId.value);
  // A theme (or the way back) is a new page for the visitor: show it from its top.
  useEffect(() => window.scrollTo(0, 0), [categoryId.value]);

  if (category) {
    return (
      <>
        <button type="button" class="btn btn-big portal-crumb" onClick={() => (categoryId.value = undefined)} data-testid="kiosk-back">
          <span aria-hidden="true" class="flip-rtl">
            ←
          </span>{' '}
          {tp('backToCategories')}
        </button>
        <h1>{categoryName(category, lang)}</h1>
        {(() => {
          const inCategory = links.filter((l) => linkInCategory(l, category.id));
          return (
            <>
              <ReadAloud text={`${categoryName(category, lang)}. ${inCategory.map((l) => localiseLink(l, lang).name).join('. ')}`} lang={lang} />
              <LinkGrid links={inCategory} onPick={(l) => open(l.id)} />
            </>
          );
        })()}
      </>
    );
  }

  const found = query.value.trim() ? searchLinks(links, query.value) : undefined;
  const pinned = mostAsked(links);
  return (
    <>
      <h1>{t('home.title')}</h1>
      <SearchBox value={query.value} onInput={(q) => (query.value = q)} />
      {found ? (
        <section class="portal-section" aria-live="polite">
          <h2>{tp('results', { count: found.length })}</h2>
          {found.length ? <LinkGrid links={found} onPick={(l) => open(l.id)} /> : <p>{tp('noResult')}</p>}
        </section>
      ) : (
        <>
          {pinned.length > 0 && (
            <section class="portal-section">
              <h2>{tp('pinned')}</h2>
              <ReadAloud text={`${tp('pinned')}. ${pinned.map((l) => localiseLink(l, lang).name).join('. ')}`} lang={lang} />
              <LinkGrid links={pinned} onPick={(l) => open(l.id)} />
            </section>
          )}
          <section class="portal-section">
            <h2>{t('home.chooseTheme')}</h2>
            <ReadAloud text={`${t('home.chooseTheme')}. ${usedCategories(catalogue, links).map((c) => categoryName(c, lang)).join('. ')}`} lang={lang} />
            <CategoryGrid categories={usedCategories(catalogue, links)} links={links} onPick={(c) => (categoryId.value = c.id)} />
          </section>
        </>
      )}
    </>
  );
}
