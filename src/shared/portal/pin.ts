import { sha256Hex } from './sha256.ts';

/** A kiosk exit PIN: 4 to 8 digits. */
export const KIOSK_PIN_PATTERN = /^\d{4,8}$/;

/** The stored form of a kiosk PIN (contracts.md): sha256 hex of "kariole-kiosk:" + PIN. */
export function kioskPinHash(pin: string): string {
  return sha256Hex(`kariole-kiosk:${pin}`);
}

export function isValidKioskPin(pin: string): boolean {
  return KIOSK_PIN_PATTERN.test(pin);
}
