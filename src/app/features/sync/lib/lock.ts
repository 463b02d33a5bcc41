// The name of the cross-tab lock held while a tab syncs (Web Locks).
export const SYNC_LOCK = 'kariole-sync';
