import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { PATHS } from '../../paths.ts';
import { Icon } from '../../shell/icons.tsx';

const TILES = [
  { href: `${PATHS.activities}/nouveau`, title: 'home.newActivity', hint: 'home.newActivityHint', icon: 'plus', primary: true },
  { href: PATHS.activities, title: 'home.myActivities', hint: 'home.myActivitiesHint', icon: 'activities' },
  { href: PATHS.portal, title: 'home.portal', hint: 'home.portalHint', icon: 'portal' },
  { href: PATHS.venues, title: 'home.venues', hint: 'home.venuesHint', icon: 'venues' },
  { href: PATHS.sync, title: 'home.sync', hint: 'home.syncHint', icon: 'sync' },
  { href: PATHS.kiosk, title: 'home.kiosk', hint: 'home.kioskHint', icon: 'kiosk' },
] as const;

/**
 * "Ready for the field?" reads IndexedDB: loaded after the first paint, so the home screen stays
 * light, and only on a device that has stored something (a first visit has nothing to report and
 * never downloads IndexedDB's library).
 */
function LazyReadyLine() {
  const [Line, setLine] = useState<ComponentType | undefined>();
  useEffect(() => {
    let alive = true;
    void import('../../db/kv.ts')
      .then((kv) => kv.appDatabaseExists())
      .then((exists) => (exists ? import('../sync/ReadyLine.tsx') : undefined))
      .then((m) => m && alive && setLine(() => m.ReadyLine));
    return () => {
      alive = false;
    };
  }, []);
  return Line ? <Line /> : null;
}

/** The mediator's home: one big tile per thing to do. */
export default function Home() {
  const { t } = useT('common');
  return (
    <main id="main" class="page">
      <h1 class="visually-hidden">{t('home.title')}</h1>
      <p class="lead">{t('home.subtitle')}</p>
      <LazyReadyLine />
      <ul class="tile-grid" role="list">
        {TILES.map((tile) => (
          <li key={tile.href}>
            <a class={`tile${'primary' in tile ? ' tile--primary' : ''}`} href={tile.href} data-testid={`home-${tile.title.split('.')[1]}`}>
              <span class="tile__icon">
                <Icon name={tile.icon} size={34} />
              </span>
              <span class="tile__title">{t(tile.title)}</span>
              <span class="tile__hint">{t(tile.hint)}</span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
