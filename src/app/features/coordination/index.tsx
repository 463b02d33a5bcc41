import { Route, Router } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { i18next } from '../../i18n/index.ts';
import { useT } from '../../i18n/use-t.ts';
import { online } from '../../shell/network.ts';
import { loadMe, me, messageOf } from './lib/api.ts';
import { Layout } from './Layout.tsx';
import { Login } from './Login.tsx';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { ExportsPage } from './admin/ExportsPage.tsx';
import { DevicesPage } from './admin/DevicesPage.tsx';
import { ApiClientsPage } from './admin/ApiClientsPage.tsx';
import { VenuesPage } from './admin/VenuesPage.tsx';
import { StructuresPage } from './admin/StructuresPage.tsx';
import { StructurePage } from './admin/StructurePage.tsx';
import { UsersPage } from './admin/UsersPage.tsx';
import './coordination.css';

/**
 * The coordination space (lazy chunk, online only, never reached on a locked kiosk): login,
 * dashboard, exports and share links, devices, venues, structures, accounts.
 */
export default function Coordination() {
  const { t } = useT('coordination');
  const [error, setError] = useState<string>();
  useEffect(() => {
    // Code labels (themes, places…) are translated by the activities namespace.
    void i18next.loadNamespaces('activities');
    loadMe().catch((e: unknown) => setError(messageOf(e)));
  }, []);

  if (!online.value) {
    return (
      <main id="main" class="page page--narrow coo">
        <h1>{t('title')}</h1>
        <p class="notice notice--warn" role="status">{t('offline')}</p>
      </main>
    );
  }
  if (error) {
    return (
      <main id="main" class="page page--narrow coo">
        <h1>{t('title')}</h1>
        <p class="notice notice--error" role="alert">{error}</p>
      </main>
    );
  }
  if (me.value === undefined) {
    return (
      <main id="main" class="page coo" aria-busy="true">
        <p>{t('common.loading')}</p>
      </main>
    );
  }
  if (me.value === null) return <Login />;
  return (
    <Layout>
      <Router>
        <Route path="/" component={Dashboard} />
        <Route path="/exports" component={ExportsPage} />
        <Route path="/appareils" component={DevicesPage} />
        <Route path="/lieux" component={VenuesPage} />
        <Route path="/structures" component={StructuresPage} />
        <Route path="/structures/:id" component={StructurePage} />
        <Route path="/comptes" component={UsersPage} />
        <Route path="/acces-api" component={ApiClientsPage} />
        <Route default component={Dashboard} />
      </Router>
    </Layout>
  );
}
