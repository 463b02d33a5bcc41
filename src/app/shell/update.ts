import { signal } from '@preact/signals';
import type { Workbox } from 'workbox-window';
import type { PageToSw } from '../sw-messages.ts';
import { flushAll } from './unsaved.ts';

/** True when a new version is installed and waiting for the person to accept it. */
export const updateWaiting = signal(false);
/** True once a service worker controls the page (the app then works offline). */
export const swReady = signal(false);

let wb: Workbox | undefined;


/**
 * Registers the service worker; never reloads by itself (registerType "prompt"). workbox-window
 * is its own chunk, fetched once the first screen is drawn (main.tsx calls this after render).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  if (navigator.serviceWorker.controller) swReady.value = true;
  void import('workbox-window').then(({ Workbox }) => {
    wb = new Workbox('/sw.js', { scope: '/' });
    wb.addEventListener('waiting', () => (updateWaiting.value = true));
    wb.addEventListener('activated', () => (swReady.value = true));
    void wb.register().then((reg) => {
      if (reg?.waiting && navigator.serviceWorker.controller) updateWaiting.value = true;
    });
    // Look for a new deployment when the app comes back to the foreground and every 30 minutes.
    const check = () => void wb?.update().catch(() => undefined);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
    setInterval(check, 30 * 60_000);
  });
}

/** Asks for a new version now (used by the settings screen and the tests). */
export function checkForUpdate(): Promise<void> {
  return wb ? wb.update().catch(() => undefined) : Promise.resolve();
}

/** Applies the waiting version: saves pending input first, then reloads once the new worker controls. */
export async function applyUpdate(): Promise<void> {
  const reg = await navigator.serviceWorker?.getRegistration();
  if (!reg?.waiting) return;
  await flushAll();
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  const msg: PageToSw = { type: 'SKIP_WAITING' };
  reg.waiting.postMessage(msg);
}
