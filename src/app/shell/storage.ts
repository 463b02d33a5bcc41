export interface StorageInfo {
  persisted: boolean;
  usage: number | undefined;
  quota: number | undefined;
}

/** Asks the browser not to evict Kariole's data (granted silently for installed apps in Chromium). */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist().catch(() => false);
}

export async function storageEstimate(): Promise<StorageInfo> {
  const persisted = (await navigator.storage?.persisted?.().catch(() => false)) ?? false;
  const est = await navigator.storage?.estimate?.().catch(() => undefined);
  return { persisted, usage: est?.usage, quota: est?.quota };
}

/** True for the browser's "disk full" errors, including Dexie's wrapped ones. */
export function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; inner?: { name?: string } } | undefined;
  return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError';
}
