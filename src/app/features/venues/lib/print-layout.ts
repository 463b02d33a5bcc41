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
