import { useLocation } from 'preact-iso';
import { useT } from '../../i18n/use-t.ts';
import { PATHS } from '../../paths.ts';
import { categoryName, visibleLinks } from '../../../shared/portal/localise.ts';
import { linkInCategory } from '../../../shared/portal/categories.ts';
import type { PortalCatalogue } from '../../../shared/portal/schema.ts';
import { LinkGrid } from './components/LinkGrid.tsx';
import { LinkSheet } from './components/LinkSheet.tsx';
import { PortalHome } from './PortalHome.tsx';
import { useCatalogue } from './lib/use-catalogue.ts';
import './portal.css';

function Back() {
  const { t } = useT('portal');
  return (
    <a class="btn btn-ghost portal-crumb" href={PATHS.portal}>
      <span aria-hidden="true" class="flip-rtl">
        ←
      </span>{' '}
      {t('backToCategories')}
    </a>
  );
}

function CategoryPage({ catalogue, id }: { catalogue: PortalCatalogue; id: string }) {
  const { t, lang } = useT('portal');
  const category = catalogue.categories.find((c) => c.id === id);
  const links = visibleLinks(catalogue, 'mediator').filter((l) => linkInCategory(l, id));
  return (
    <main id="main" class="page">
      <Back />
      <h1>{category ? categoryName(category, lang) : t('notFound')}</h1>
      <LinkGrid links={links} hrefFor={(l) => `${PATHS.portal}/site/${encodeURIComponent(l.id)}`} />
    </main>
  );
}

function SitePage({ catalogue, id }: { catalogue: PortalCatalogue; id: string }) {
  const { t } = useT('portal');
  const link = visibleLinks(catalogue, 'mediator').find((l) => l.id === id);
  return (
    <main id="main" class="page page--narrow">
      <Back />
      {link ? <LinkSheet link={link} level="h1" /> : <h1>{t('notFound')}</h1>}
    </main>
  );
}

/** Entry of the mediator's portal: /portail, /portail/categorie/<id>, /portail/site/<id>. */
export default function Portal() {
  const { t } = useT('portal');
  const { path } = useLocation();
  const catalogue = useCatalogue();
  if (!catalogue) {
    return (
      <main id="main" class="page">
        <p role="status">{t('loading')}</p>
      </main>
    );
  }
  const [, kind, id] = /^\/(categorie|site)\/([^/]+)/.exec(path.slice(PATHS.portal.length)) ?? [];
  if (kind === 'categorie' && id) return <CategoryPage catalogue={catalogue} id={decodeURIComponent(id)} />;
  if (kind === 'site' && id) return <SitePage catalogue={catalogue} id={decodeURIComponent(id)} />;
  return <PortalHome catalogue={catalogue} />;
}
