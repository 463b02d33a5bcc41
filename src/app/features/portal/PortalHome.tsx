import { useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { PATHS } from '../../paths.ts';
import { mostAsked, usedCategories, visibleLinks } from '../../../shared/portal/localise.ts';
import { searchLinks } from '../../../shared/portal/search.ts';
import type { PortalCatalogue } from '../../../shared/portal/schema.ts';
import { CategoryGrid } from './components/CategoryGrid.tsx';
import { LinkGrid } from './components/LinkGrid.tsx';
import { SearchBox } from './components/SearchBox.tsx';

const siteHref = (id: string) => `${PATHS.portal}/site/${encodeURIComponent(id)}`;

/** The mediator's portal: search, the pinned sites, the categories, and the tools for professionals. */
export function PortalHome({ catalogue }: { catalogue: PortalCatalogue }) {
  const { t } = useT('portal');
  const [query, setQuery] = useState('');
  const links = visibleLinks(catalogue, 'mediator');
  const publicLinks = links.filter((l) => l.audience === 'public');
  const pinned = mostAsked(publicLinks);
  const pro = links.filter((l) => l.audience === 'pro');
  const found = query.trim() ? searchLinks(links, query) : undefined;
  return (
    <main id="main" class="page">
      <div class="row">
        <h1>{t('title')}</h1>
        <a class="btn" href={PATHS.kiosk} style="margin-inline-start:auto" data-testid="enter-kiosk">
          {t('kioskEnter')}
        </a>
      </div>
      <p class="lead">{t('intro')}</p>
      <SearchBox value={query} onInput={setQuery} />
      {found ? (
        <section class="portal-section" aria-live="polite">
          <h2>{t('results', { count: found.length })}</h2>
          {found.length ? <LinkGrid links={found} hrefFor={(l) => siteHref(l.id)} /> : <p>{t('noResult')}</p>}
        </section>
      ) : (
        <>
          {pinned.length > 0 && (
            <section class="portal-section">
              <h2>{t('pinned')}</h2>
              <LinkGrid links={pinned} hrefFor={(l) => siteHref(l.id)} />
            </section>
          )}
          <section class="portal-section">
            <h2>{t('categories')}</h2>
            <CategoryGrid
              categories={usedCategories(catalogue, publicLinks)}
              links={publicLinks}
              hrefFor={(c) => `${PATHS.portal}/categorie/${c.id}`}
            />
          </section>
          {pro.length > 0 && (
            <section class="portal-section">
              <h2>{t('proTools')}</h2>
              <LinkGrid links={pro} hrefFor={(l) => siteHref(l.id)} />
            </section>
          )}
        </>
      )}
    </main>
  );
}
