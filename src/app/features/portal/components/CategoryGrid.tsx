import { useT } from '../../../i18n/use-t.ts';
import { categoryName } from '../../../../shared/portal/localise.ts';
import { linkInCategory } from '../../../../shared/portal/categories.ts';
import type { PortalCategory, PortalLink } from '../../../../shared/portal/schema.ts';
import { Picto } from './Picto.tsx';

interface Props {
  categories: PortalCategory[];
  links: PortalLink[];
  /** a link target (mediator view) or a callback (kiosk) */
  hrefFor?: (c: PortalCategory) => string;
  onPick?: (c: PortalCategory) => void;
}

/** The démarche categories as big pictured tiles. */
export function CategoryGrid({ categories, links, hrefFor, onPick }: Props) {
  const { t, lang } = useT('portal');
  return (
    <ul class="tile-grid portal-grid" role="list">
      {categories.map((c) => {
        const count = links.filter((l) => linkInCategory(l, c.id)).length;
        const body = (
          <>
            <Picto id={c.pictogram} />
            <span class="tile__title">{categoryName(c, lang)}</span>
            <span class="tile__hint">{t('sitesCount', { count })}</span>
          </>
        );
        return (
          <li key={c.id}>
            {hrefFor ? (
              <a class="tile portal-tile" href={hrefFor(c)} data-testid={`category-${c.id}`}>
                {body}
              </a>
            ) : (
              <button type="button" class="tile portal-tile" onClick={() => onPick?.(c)} data-testid={`category-${c.id}`}>
                {body}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
