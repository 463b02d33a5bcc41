import { signal } from '@preact/signals';

// Kiosk lock flag, read synchronously at start so a locked tablet never paints a mediator screen.
const KEY = 'kariole.kioskLocked';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** True while the tablet is a lobby kiosk: only the kiosk is reachable until the PIN is given. */
export const kioskLocked = signal(typeof window === 'undefined' ? false : read());

export function setKioskLocked(locked: boolean): void {
  if (locked) localStorage.setItem(KEY, '1');
  else localStorage.removeItem(KEY);
  kioskLocked.value = locked;
}
