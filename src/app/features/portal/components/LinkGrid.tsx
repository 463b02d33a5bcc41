import { useT } from '../../../i18n/use-t.ts';
import { localiseLink } from '../../../../shared/portal/localise.ts';
import type { PortalLink } from '../../../../shared/portal/schema.ts';
import { Picto } from './Picto.tsx';

interface Props {
  links: PortalLink[];
  hrefFor?: (l: PortalLink) => string;
  onPick?: (l: PortalLink) => void;
}

/** Sites as big tiles: pictogram and name; tapping opens the detail sheet (never the site itself). */
export function LinkGrid({ links, hrefFor, onPick }: Props) {
  const { t, lang } = useT('portal');
  return (
    <ul class="tile-grid portal-grid" role="list">
      {links.map((l) => {
        const texts = localiseLink(l, lang);
        const body = (
          <>
            <Picto id={l.pictogram} />
            <span class="tile__title">{texts.name}</span>
            {l.audience === 'pro' && <span class="badge">{t('proBadge')}</span>}
          </>
        );
        return (
          <li key={l.id}>
            {hrefFor ? (
              <a class="tile portal-tile" href={hrefFor(l)} data-testid={`link-${l.id}`}>
                {body}
              </a>
            ) : (
              <button type="button" class="tile portal-tile" onClick={() => onPick?.(l)} data-testid={`link-${l.id}`}>
                {body}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
