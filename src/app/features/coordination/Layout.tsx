import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useT } from '../../i18n/use-t.ts';
import { LanguageSwitch } from '../../shell/LanguageSwitch.tsx';
import { logout, me } from './lib/api.ts';

export const BASE = '/coordination';

const NAV = [
  { href: BASE, key: 'nav.dashboard' },
  { href: `${BASE}/exports`, key: 'nav.exports' },
  { href: `${BASE}/appareils`, key: 'nav.devices' },
  { href: `${BASE}/lieux`, key: 'nav.venues' },
  { href: `${BASE}/structures`, key: 'nav.structures' },
  { href: `${BASE}/comptes`, key: 'nav.users', admin: true },
  { href: `${BASE}/acces-api`, key: 'nav.apiClients', admin: true },
  // Coordinators manage only their own password, on the same page.
  { href: `${BASE}/comptes`, key: 'nav.myAccount', coordinator: true },
] as const;

export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useT('coordination');
  const { path, route } = useLocation();
  const user = me.value!;
  const current = (href: string) => (href === BASE ? path === BASE || path === `${BASE}/` : path.startsWith(href));
  return (
    <div class="coo">
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="app-header coo-header">
        <div class="app-header__bar">
          <a class="app-header__brand" href={BASE}>
            <img src="/icons/icon.svg" alt="" width="32" height="32" />
            <span>{t('title')}</span>
          </a>
          <div class="app-header__tools">
            <span class="coo-user" data-testid="coo-user">
              {user.email} · {t(user.role === 'admin' ? 'users.roleAdmin' : 'users.roleCoordinator')}
            </span>
            <LanguageSwitch />
            <button
              type="button"
              class="btn btn-ghost"
              onClick={() => {
                void logout().then(() => route(BASE));
              }}
            >
              {t('nav.logout')}
            </button>
          </div>
        </div>
        <nav class="app-nav" aria-label={t('nav.label')}>
          {NAV.filter((n) => ('admin' in n ? user.role === 'admin' : 'coordinator' in n ? user.role === 'coordinator' : true)).map((n) => (
            <a key={n.href} href={n.href} class="app-nav__link" aria-current={current(n.href) ? 'page' : undefined}>
              {t(n.key)}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" class="page coo-main">
        {children}
      </main>
    </div>
  );
}
