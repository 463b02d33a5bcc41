import type { TFunction } from 'i18next';
import type { OpenState } from '../../../../shared/venues/hours.ts';

/** "9:00", "12:30": how people say times, without a leading zero. */
export function clock(d: Date): string {
  return `${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;
}

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

export function weekdayName(d: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long' }).format(d);
}

/** The open state in plain words: "Ouvert jusqu'à 12:00", "Fermé · ouvre lundi à 9:00". Undefined when unknown. */
export function stateInWords(state: OpenState, now: Date, t: TFunction<'venues'>, lang: string): string | undefined {
  if (state.kind === 'unknown') return undefined;
  if (state.kind === 'open') {
    if (!state.until) return t('hours.open');
    if (dayKey(state.until) === dayKey(now)) return t('hours.openUntil', { time: clock(state.until) });
    return t('hours.openUntilDay', { day: weekdayName(state.until, lang), time: clock(state.until) });
  }
  if (!state.next) return t('hours.closedWeek');
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (dayKey(state.next) === dayKey(now)) return t('hours.opensToday', { time: clock(state.next) });
  if (dayKey(state.next) === dayKey(tomorrow)) return t('hours.opensTomorrow', { time: clock(state.next) });
  return t('hours.opensDay', { day: weekdayName(state.next, lang), time: clock(state.next) });
}

/** Monday…Sunday names in the language (index 0 = Monday). */
export function weekdayNames(lang: string): string[] {
  const monday = new Date(2024, 0, 1); // a Monday
  return Array.from({ length: 7 }, (_, i) => weekdayName(new Date(monday.getFullYear(), 0, 1 + i), lang));
}
