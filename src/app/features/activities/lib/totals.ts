import type { LocalActivity } from '../../../../shared/activity/anonymise.ts';

export interface DayGroup<T> {
  date: string;
  items: T[];
  /** records of the day */
  count: number;
  /** people helped (a workshop counts its participants) */
  people: number;
  /** minutes spent */
  minutes: number;
}

/** Records grouped by day (in the order given), with each day's totals. */
export function groupByDay<T extends Pick<LocalActivity, 'date' | 'durationMin' | 'beneficiaries'>>(rows: T[]): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const r of rows) {
    let g = groups[groups.length - 1];
    if (!g || g.date !== r.date) {
      g = { date: r.date, items: [], count: 0, people: 0, minutes: 0 };
      groups.push(g);
    }
    g.items.push(r);
    g.count += 1;
    g.people += r.beneficiaries.total;
    g.minutes += r.durationMin;
  }
  return groups;
}
