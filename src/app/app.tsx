import { ErrorBoundary as RouteErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { PATHS } from './paths.ts';
import { Activities, Coordination, Home, Kiosk, Portal, Settings, Sync, Venues } from './routes.tsx';
import { Header } from './shell/Header.tsx';
import { NotFound } from './shell/NotFound.tsx';
import { UpdateBanner } from './shell/UpdateBanner.tsx';
import { ErrorBoundary } from './shell/ErrorBoundary.tsx';
import { useT } from './i18n/use-t.ts';
import { kioskLocked } from './features/kiosk/lock.ts';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(prefix + '/');

/** The mediator's header, on every screen but the kiosk and the coordination area (which have their own). */
function Chrome() {
  const { t } = useT('common');
  const { path } = useLocation();
  if (kioskLocked.value || under(path, PATHS.kiosk) || under(path, PATHS.coordination)) return null;
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skip')}
      </a>
      <Header />
      <UpdateBanner />
    </>
  );
}

/** A locked kiosk shows nothing but the kiosk: every other path is sent back to it. */
function KioskGuard() {
  const { path, route } = useLocation();
  const outside = kioskLocked.value && !under(path, PATHS.kiosk);
  useEffect(() => {
    if (outside) route(PATHS.kiosk, true);
  }, [outside]);
  return null;
}

// Each feature is mounted at its prefix and at prefix/* (same component: no remount between
// its sub-pages); inside, a nested <Router> routes the rest of the path.
export function App() {
  const locked = kioskLocked.value;
  return (
    <ErrorBoundary>
      <LocationProvider>
        <KioskGuard />
        <Chrome />
        <RouteErrorBoundary>
          {locked ? (
            <Router>
              <Route path={`${PATHS.kiosk}/*`} component={Kiosk} />
              <Route default component={Kiosk} />
            </Router>
          ) : (
            <Router>
              <Route path={PATHS.home} component={Home} />
              <Route path={PATHS.activities} component={Activities} />
              <Route path={`${PATHS.activities}/*`} component={Activities} />
              <Route path={PATHS.portal} component={Portal} />
              <Route path={`${PATHS.portal}/*`} component={Portal} />
              <Route path={PATHS.venues} component={Venues} />
              <Route path={`${PATHS.venues}/*`} component={Venues} />
              <Route path={PATHS.kiosk} component={Kiosk} />
              <Route path={`${PATHS.kiosk}/*`} component={Kiosk} />
              <Route path={PATHS.coordination} component={Coordination} />
              <Route path={`${PATHS.coordination}/*`} component={Coordination} />
              <Route path={PATHS.sync} component={Sync} />
              <Route path={PATHS.settings} component={Settings} />
              <Route default component={NotFound} />
            </Router>
          )}
        </RouteErrorBoundary>
      </LocationProvider>
    </ErrorBoundary>
  );
}
