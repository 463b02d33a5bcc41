import { signal } from '@preact/signals';

/** Whether the browser believes it has a network (a hint only: the sync client checks for real). */
export const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => (online.value = true));
  window.addEventListener('offline', () => (online.value = false));
}
