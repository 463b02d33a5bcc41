import { lazy } from 'preact-iso';
import type { ComponentType } from 'preact';
import { i18next } from './i18n/index.ts';
import { PATHS } from './paths.ts';

type Lazy = ComponentType<Record<string, unknown>>;
type Loader = () => Promise<unknown>;

const preloaders: { prefix: string; start: () => void }[] = [];

// Loads a feature chunk, its translation namespaces and the data its first screen shows
// together, so the first render is translated and filled. `data` never fails the route: the
// feature reads again (and shows its own error) if it did.
function feature(prefix: string, load: () => Promise<{ default: Lazy }>, namespaces: string[], data?: Loader) {
  preloaders.push({ prefix, start: () => void Promise.all([load(), data?.()]).catch(() => undefined) });
  return lazy(() => Promise.all([load(), i18next.loadNamespaces(namespaces), data?.().catch(() => undefined)]).then(([m]) => m.default));
}

const portalData: Loader = () => import('./db/portal.ts').then((m) => m.preloadPortalCatalogue());

export const Home = feature(PATHS.home, () => import('./features/home/index.tsx'), ['common']);
export const Activities = feature(PATHS.activities, () => import('./features/activities/index.tsx'), ['activities']);
export const Portal = feature(PATHS.portal, () => import('./features/portal/index.tsx'), ['portal'], portalData);
export const Kiosk = feature(PATHS.kiosk, () => import('./features/kiosk/index.tsx'), ['kiosk', 'portal'], portalData);
export const Venues = feature(PATHS.venues, () => import('./features/venues/index.tsx'), ['venues']);
export const Sync = feature(PATHS.sync, () => import('./features/sync/index.tsx'), ['sync']);
export const Settings = feature(PATHS.settings, () => import('./features/settings/index.tsx'), ['common']);
export const Coordination = feature(PATHS.coordination, () => import('./features/coordination/index.tsx'), ['coordination']);

/**
 * Starts downloading the feature of this path (and its first screen's data) before the app
 * has rendered, instead of after: on a cold start the chunks come in parallel, not in a chain.
 */
export function preloadRoute(path: string): void {
  const match = preloaders.find(({ prefix }) => (prefix === '/' ? path === '/' : path === prefix || path.startsWith(prefix + '/')));
  match?.start();
}
