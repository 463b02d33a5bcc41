import { DATE_MIN, dateMax, utcToday } from './window.ts';

// Share links publish whole months (docs/public-figures.md): a period that starts on the 1st
// of a month and ends on the last day of a month — one month, a quarter, a year. Two links can
// then differ by whole months only, never by a day holding one person's session.

/** Most months a share link covers (ten years: the public month series' longest). */
export const SHARE_MAX_MONTHS = 120;

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day (YYYY-MM-DD) of a month (YYYY-MM). */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** Months from `from` to `to` inclusive (YYYY-MM-DD or YYYY-MM). */
export function monthCount(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

const frMonth = (day: string) => `${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Why a share link's period is refused (French, one entry per field), empty when it is whole months in bounds. */
export function sharePeriodProblems(from: string | undefined, to: string | undefined, today: string = utcToday()): { path: 'from' | 'to'; message: string }[] {
  const out: { path: 'from' | 'to'; message: string }[] = [];
  if (!from) out.push({ path: 'from', message: 'Début de période (from) : un lien public porte sur des mois entiers ; choisissez le premier mois.' });
  else if (!from.endsWith('-01')) out.push({ path: 'from', message: `Début de période (from) : un lien public commence le 1er d'un mois (par exemple ${from.slice(0, 7)}-01).` });
  else if (from < DATE_MIN) out.push({ path: 'from', message: `Début de période (from) : pas avant ${frMonth(DATE_MIN)}.` });
  const lastMonth = dateMax(today).slice(0, 7);
  if (!to) out.push({ path: 'to', message: 'Fin de période (to) : un lien public porte sur des mois entiers ; choisissez le dernier mois.' });
  else if (to !== lastDayOfMonth(to.slice(0, 7))) out.push({ path: 'to', message: `Fin de période (to) : un lien public finit le dernier jour d'un mois (par exemple ${lastDayOfMonth(to.slice(0, 7))}).` });
  else if (to.slice(0, 7) > lastMonth) out.push({ path: 'to', message: `Fin de période (to) : pas après le mois en cours (${frMonth(`${lastMonth}-01`)}).` });
  if (!out.length && from && to && monthCount(from, to) > SHARE_MAX_MONTHS) {
    out.push({ path: 'to', message: `Période (from, to) : ${SHARE_MAX_MONTHS} mois au plus (dix ans) ; choisissez une période plus courte.` });
  }
  return out;
}

/** The month (YYYY-MM) `n` months before `month`. */
export function monthMinus(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

/** A share link's period from a first and a last month (YYYY-MM). */
export function monthsPeriod(fromMonth: string, toMonth: string): { from: string; to: string } {
  return { from: `${fromMonth}-01`, to: lastDayOfMonth(toMonth) };
}

export type SharePresetKey = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'lastQuarter' | 'lastYear';

/** Ready-made whole-month periods around `today` (the structure's day): months, quarters, a year. */
export function sharePresets(today: string): { key: SharePresetKey; fromMonth: string; toMonth: string }[] {
  const month = today.slice(0, 7);
  const m = Number(month.slice(5, 7));
  const quarterStart = monthMinus(month, (m - 1) % 3);
  const year = Number(month.slice(0, 4));
  return [
    { key: 'thisMonth', fromMonth: month, toMonth: month },
    { key: 'lastMonth', fromMonth: monthMinus(month, 1), toMonth: monthMinus(month, 1) },
    { key: 'thisQuarter', fromMonth: quarterStart, toMonth: month },
    { key: 'lastQuarter', fromMonth: monthMinus(quarterStart, 3), toMonth: monthMinus(quarterStart, 1) },
    { key: 'lastYear', fromMonth: `${year - 1}-01`, toMonth: `${year - 1}-12` },
  ];
}
