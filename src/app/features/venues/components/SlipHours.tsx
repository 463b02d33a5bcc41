import { useT } from '../../../i18n/use-t.ts';
import { useHoursModule } from '../lib/hours.ts';
import { weekdayNames } from '../lib/hours-words.ts';

const short = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');

/** The week in words, one line per open day ("lundi : 9:00–12:00, 14:00–17:00"); nothing when unknown. */
export function SlipHours({ raw, now }: { raw: string | undefined; now: Date }) {
  const { lang } = useT('venues');
  const mod = useHoursModule(Boolean(raw));
  const week = mod?.weeklyHours(raw, now);
  if (!week) return null;
  const names = weekdayNames(lang);
  return (
    <ul class="slip__week" data-testid="slip-week">
      {week
        .filter((d) => d.intervals.length > 0)
        .map((d) => (
          <li key={d.day}>
            <strong>{names[d.day]}</strong> :{' '}
            {d.intervals.map((i, n) => (
              <span key={i.from} class="slip__interval">
                {n > 0 && ', '}
                <bdi dir="ltr">
                  {short(i.from)}–{short(i.to)}
                </bdi>
              </span>
            ))}
          </li>
        ))}
    </ul>
  );
}
