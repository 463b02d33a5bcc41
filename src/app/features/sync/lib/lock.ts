// The name of the cross-tab lock held while a tab (or the service worker) syncs (Web Locks).
export const SYNC_LOCK = 'kariole-sync';
/** Background Sync tag: the service worker syncs when the connection comes back. */
export const BACKGROUND_SYNC_TAG = 'kariole-sync';
/** Periodic Background Sync tag (when the browser grants it to the installed app). */
export const PERIODIC_SYNC_TAG = 'kariole-sync-periodic';
