import { useLocation } from 'preact-iso';
import { useT } from '../i18n/use-t.ts';
import { PATHS } from '../paths.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { online } from './network.ts';
import { hubReach, watchHub } from './hub-reach.ts';
import { useEffect } from 'preact/hooks';
import { Icon } from './icons.tsx';
import { SyncBadge } from '../features/sync/SyncBadge.tsx';

const NAV = [
  { href: PATHS.home, key: 'nav.home', icon: 'home' },
  { href: PATHS.activities, key: 'nav.activities', icon: 'activities' },
  { href: PATHS.portal, key: 'nav.portal', icon: 'portal' },
  { href: PATHS.venues, key: 'nav.venues', icon: 'venues' },
  { href: PATHS.sync, key: 'nav.sync', icon: 'sync' },
] as const;

export function Header() {
  const { t } = useT('common');
  const { path } = useLocation();
  useEffect(() => watchHub(), []);
  const reachable = online.value && hubReach.value !== 'unreachable';
  const isCurrent = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(href + '/'));
  return (
    <header class="app-header">
      <div class="app-header__bar">
        <a class="app-header__brand" href="/">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span class="app-header__name">Kariole</span>
        </a>
        <span class={`net-pill ${reachable ? 'is-online' : 'is-offline'}`} role="status" data-testid="network-state">
          {!online.value ? t('network.offline') : hubReach.value === 'unreachable' ? t('network.hubDown') : t('network.online')}
        </span>
        <div class="app-header__tools">
          <LanguageSwitch />
          <a class="btn btn-ghost btn-icon" href={PATHS.settings} aria-label={t('nav.settings')} title={t('nav.settings')}>
            <Icon name="settings" />
          </a>
        </div>
      </div>
      <nav class="app-nav" aria-label={t('nav.label')}>
        {NAV.map((n) => (
          <a key={n.href} href={n.href} class="app-nav__link" aria-current={isCurrent(n.href) ? 'page' : undefined}>
            <Icon name={n.icon} />
            <span>{t(n.key)}</span>
            {n.href === PATHS.sync && <SyncBadge />}
          </a>
        ))}
      </nav>
    </header>
  );
}
