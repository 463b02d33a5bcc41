/// <reference lib="webworker" />
// The service worker: event wiring only. Precaching comes from the build (injectManifest).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isPageToSw, type SwToPage } from './sw-messages.ts';

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
    case 'SYNC_FINISHED':
      for (const settle of syncWaiters.splice(0)) settle(msg.ok);
      break;
  }
});

// Background Sync: when the connection comes back, wake an open Kariole page to sync (the
// sync client lives in the page). A failed run rejects, so the browser tries again later.
const SYNC_TAG = 'kariole-sync';
const syncWaiters: ((ok: boolean) => void)[] = [];

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

async function syncThroughPage(): Promise<void> {
  const pages = await self.clients.matchAll({ type: 'window' });
  if (pages.length === 0) return; // the next start of the app syncs
  const ok = await new Promise<boolean>((resolve) => {
    syncWaiters.push(resolve);
    setTimeout(() => resolve(false), 120_000);
    const ask: SwToPage = { type: 'SYNC_REQUESTED', reason: 'background-sync' };
    for (const page of pages) page.postMessage(ask);
  });
  if (!ok) throw new Error('sync not finished; the browser will retry');
}

self.addEventListener('sync', ((event: SyncEvent) => {
  if (event.tag === SYNC_TAG) event.waitUntil(syncThroughPage());
}) as EventListener);
