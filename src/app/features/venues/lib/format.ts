import type { TFunction } from 'i18next';
import { isEpochDate } from '../../../../shared/venues/values.ts';

/** "à 2,3 km" / "à 450 m" in the page language. */
export function distanceInWords(km: number, t: TFunction<'venues'>, lang: string): string {
  if (km < 1) return t('distance.m', { m: new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.round(km * 100) * 10) });
  return t('distance.km', { km: new Intl.NumberFormat(lang, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km) });
}

/** A date_maj as people read it, or undefined when it is a tool's default (epoch). */
export function updateDate(iso: string, lang: string): string | undefined {
  if (isEpochDate(iso)) return undefined;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * A number, code or time set inside a translated sentence as an isolated left-to-right run
 * (LRI … PDI), so in Arabic "04 91 95 36 03" keeps its order. In JSX use <bdi dir="ltr">.
 */
export function ltr(s: string): string {
  return `\u2066${s}\u2069`;
}

/** "+33491000000" → "04 91 00 00 00" for reading aloud; other numbers as they are. */
export function phoneForPeople(phone: string): string {
  const m = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(phone);
  return m ? `0${m.slice(1).join(' ')}` : phone;
}

export function fullAddress(v: { adresse: string; complement_adresse?: string | undefined; code_postal: string; commune: string }): string {
  return [v.adresse, v.complement_adresse, `${v.code_postal} ${v.commune}`].filter(Boolean).join(', ');
}
