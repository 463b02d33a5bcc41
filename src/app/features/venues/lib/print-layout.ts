import { kvGet, kvSet } from '../../../db/kv.ts';

/** Paper of the orientation slip: A4, or the narrow rolls of portable thermal printers. */
export type PrintLayout = 'a4' | '80mm' | '58mm';
export const PRINT_LAYOUTS: PrintLayout[] = ['a4', '80mm', '58mm'];
const KEY = 'venues.printLayout';

export async function getPrintLayout(): Promise<PrintLayout> {
  const v = await kvGet<string>(KEY);
  return PRINT_LAYOUTS.includes(v as PrintLayout) ? (v as PrintLayout) : 'a4';
}

export async function setPrintLayout(layout: PrintLayout): Promise<void> {
  await kvSet(KEY, layout);
}

const SENDER_PHONE = 'venues.senderPhone';
/** Longest phone number a structure can print on its slips. */
export const SENDER_PHONE_MAX = 25;

/**
 * The sending structure's phone as typed in the settings, or an error key: digits, spaces, dots,
 * dashes, parentheses and a leading +, at least 4 digits, at most SENDER_PHONE_MAX characters.
 */
export function checkSenderPhone(raw: string): { phone: string } | { error: 'tooLong' | 'invalid' } {
  const phone = raw.trim().replace(/\s+/g, ' ');
  if (phone.length > SENDER_PHONE_MAX) return { error: 'tooLong' };
  if (phone && (!/^\+?[\d .()-]+$/.test(phone) || (phone.match(/\d/g)?.length ?? 0) < 4)) return { error: 'invalid' };
  return { phone };
}

export async function getSenderPhone(): Promise<string | undefined> {
  return (await kvGet<string>(SENDER_PHONE)) || undefined;
}

/** Saves the phone printed on slips ('' removes it). */
export async function setSenderPhone(phone: string): Promise<void> {
  await kvSet(SENDER_PHONE, phone);
}
