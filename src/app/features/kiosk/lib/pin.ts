import { getLocalKioskPinHash, setLocalKioskPinHash } from '../../../db/portal.ts';
import { loadDeviceSettings } from '../../../db/settings.ts';
import { kioskPinHash } from '../../../../shared/portal/pin.ts';

// The exit PIN: the structure's (its hash comes with the synced settings) once known, else the
// one a mediator chose on this device before enrolment. Only hashes are stored.

const FAILS_KEY = 'kariole.kioskPinFails';
const FREE_TRIES = 5;

/** The hash the exit PIN must match, or undefined when none is set yet. */
export async function exitPinHash(): Promise<string | undefined> {
  const settings = await loadDeviceSettings().catch(() => undefined);
  return settings?.kioskPinHash ?? (await getLocalKioskPinHash());
}

/** Whether the structure decides the PIN (the mediator then need not choose one). */
export async function structurePinIsSet(): Promise<boolean> {
  const settings = await loadDeviceSettings().catch(() => undefined);
  return !!settings?.kioskPinHash;
}

export async function chooseLocalPin(pin: string): Promise<void> {
  await setLocalKioskPinHash(kioskPinHash(pin));
}

interface Fails {
  count: number;
  until: number;
}

function readFails(): Fails {
  try {
    return { count: 0, until: 0, ...(JSON.parse(localStorage.getItem(FAILS_KEY) ?? '{}') as Partial<Fails>) };
  } catch {
    return { count: 0, until: 0 };
  }
}

/** Seconds to wait before the next try (after 5 wrong PINs: 30 s, doubling each time). */
export function pinWaitSeconds(now = Date.now()): number {
  return Math.max(0, Math.ceil((readFails().until - now) / 1000));
}

export type PinCheck = 'ok' | 'wrong' | 'wait' | 'unset';

/** Checks a typed PIN, with a growing delay after repeated wrong tries (kept across reloads). */
export async function checkExitPin(pin: string, now = Date.now()): Promise<PinCheck> {
  if (pinWaitSeconds(now) > 0) return 'wait';
  const hash = await exitPinHash();
  if (!hash) return 'unset';
  if (kioskPinHash(pin) === hash) {
    localStorage.removeItem(FAILS_KEY);
    return 'ok';
  }
  const fails = readFails();
  const count = fails.count + 1;
  const until = count >= FREE_TRIES ? now + Math.min(30_000 * 2 ** (count - FREE_TRIES), 15 * 60_000) : 0;
  localStorage.setItem(FAILS_KEY, JSON.stringify({ count, until }));
  return 'wrong';
}
