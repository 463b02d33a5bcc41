/// <reference lib="webworker" />
// The service worker: event wiring only. Precaching comes from the build (injectManifest).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isPageToSw, type SwToPage } from './sw-messages.ts';
import { BACKGROUND_SYNC_TAG, PERIODIC_SYNC_TAG } from './features/sync/lib/lock.ts';
import { syncFromWorker } from './sw-sync.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };
declare const __BUILD_ID__: string;

// The first install takes control at once (no reload needed to work offline); later versions
// wait for the person to accept them (SKIP_WAITING), so clientsClaim never swaps a page's code silently.
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every deep link is answered by the app shell, offline too; the API is never cached.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

self.addEventListener('message', (event) => {
  const msg: unknown = event.data;
  if (!isPageToSw(msg)) return;
  switch (msg.type) {
    case 'SKIP_WAITING':
      void self.skipWaiting();
      break;
    case 'GET_VERSION': {
      const reply: SwToPage = { type: 'VERSION', buildId: __BUILD_ID__ };
      event.source?.postMessage(reply);
      break;
    }
  }
});

// Background Sync: when the connection comes back, the worker syncs by itself (sw-sync.ts),
// whether a Kariole page is open or not; the Web Lock makes a page and the worker take turns.
// A failed run rejects, so the browser tries again later. Periodic sync (when granted) too.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

self.addEventListener('sync', ((event: SyncEvent) => {
  if (event.tag === BACKGROUND_SYNC_TAG) event.waitUntil(syncFromWorker('background-sync'));
}) as EventListener);

self.addEventListener('periodicsync', ((event: SyncEvent) => {
  if (event.tag === PERIODIC_SYNC_TAG) event.waitUntil(syncFromWorker('periodic').then(() => undefined));
}) as EventListener);
