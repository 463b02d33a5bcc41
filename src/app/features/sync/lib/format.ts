// Times as people say them: "il y a 3 min", "dans 2 min".

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** A relative time in the interface language ("il y a 3 min", "à l'instant" under a minute). */
export function relativeTime(iso: string, lang: string, now = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const fmt = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return fmt.format(Math.round(diff / ms), unit);
  }
  return fmt.format(0, 'second');
}
