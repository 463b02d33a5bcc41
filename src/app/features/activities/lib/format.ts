import type { TFunction } from 'i18next';

/** "30 min", "1 h", "1 h 30". */
export function formatDuration(min: number, t: TFunction<'activities'>): string {
  if (min < 60) return t('duration.min', { count: min });
  const h = Math.floor(min / 60);
  const m = min % 60;
  return m === 0 ? t('duration.h', { h }) : t('duration.hmin', { h, min: String(m).padStart(2, '0') });
}

/** A day as people read it ("lundi 23 novembre 2026"). */
export function formatDay(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(y, m - 1, d));
}
