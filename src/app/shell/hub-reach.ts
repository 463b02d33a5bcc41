import { signal } from '@preact/signals';
import { online } from './network.ts';

// Whether the hub answers, not only whether the browser has a network: navigator.onLine says
// "online" on a Wi-Fi with no way to the hub, or while the hub is down. The header shows
// "Hub injoignable" then. Probed on start, when the network comes back, and every 30 s while
// the page is visible.

export type HubReach = 'unknown' | 'reachable' | 'unreachable';
export const hubReach = signal<HubReach>('unknown');

const EVERY_MS = 30_000;
const TIMEOUT_MS = 5_000;

/** One probe of the hub's health endpoint (never from the service worker's cache). */
export async function probeHub(): Promise<HubReach> {
  if (!online.value) return (hubReach.value = 'unknown');
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  try {
    const res = await fetch('/api/health', { cache: 'no-store', signal: ctrl.signal });
    hubReach.value = res.ok ? 'reachable' : 'unreachable';
  } catch {
    hubReach.value = online.value ? 'unreachable' : 'unknown';
  } finally {
    clearTimeout(timer);
  }
  return hubReach.value;
}

let started = false;

/** Starts probing (once per page). */
export function watchHub(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  void probeHub();
  window.addEventListener('online', () => void probeHub());
  window.addEventListener('offline', () => (hubReach.value = 'unknown'));
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void probeHub());
  setInterval(() => document.visibilityState === 'visible' && void probeHub(), EVERY_MS);
}
