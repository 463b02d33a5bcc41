import { render } from 'preact';
import './styles/base.css';
import { initI18n } from './i18n/index.ts';
import { App } from './app.tsx';
import { preloadRoute } from './routes.tsx';
import { registerServiceWorker } from './shell/update.ts';
import { requestPersistentStorage } from './shell/storage.ts';

document.documentElement.dataset.build = __BUILD_ID__;
// Only in a build made for the e2e tests (KARIOLE_TEST_HOOKS=1); removed from every other build.
if (__KARIOLE_TEST_HOOKS__) void import('./test-hooks.ts').then((m) => m.installTestHooks());
// The screen asked for starts downloading now, while the translations are set up.
preloadRoute(location.pathname);

/** Runs `task` when the page is idle (the first screen is drawn and answers taps first). */
function whenIdle(task: () => void) {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2_000 });
  else setTimeout(task, 500);
}

void initI18n().then(() => {
  render(<App />, document.getElementById('app')!);
  // workbox-window is its own chunk: fetched once the first screen answers, not before.
  whenIdle(registerServiceWorker);
  // Records must survive storage pressure: ask the browser not to evict Kariole's data.
  whenIdle(() => void requestPersistentStorage());
  // The sync loop is its own chunk, started once the first screen is up (no-op until enrolled).
  whenIdle(() => void import('./features/sync/request.ts').then((m) => m.startSyncOnLaunch()));
});
