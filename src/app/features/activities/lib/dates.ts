// Calendar days in the device's local time (the record keeps the day, never the time).

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a local date. */
export function dayOf(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function today(now = new Date()): string {
  return dayOf(now);
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayOf(new Date(y, m - 1, d + n));
}

export type Period = 'today' | 'week' | 'month' | 'all';

/** The days a period of the list covers, ending today. */
export function periodRange(p: Period, now = new Date()): { from?: string; to?: string } {
  const t = today(now);
  if (p === 'today') return { from: t, to: t };
  if (p === 'week') return { from: addDays(t, -6), to: t };
  if (p === 'month') return { from: `${t.slice(0, 8)}01`, to: t };
  return {};
}
