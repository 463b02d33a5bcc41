import { useT } from '../../../i18n/use-t.ts';
import { useHoursModule } from '../lib/hours.ts';
import { weekdayNames } from '../lib/hours-words.ts';

const short = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');

/**
 * The week in words for paper: every day, its hours or "fermé", no live state (it would be wrong
 * by the time the slip is read). Hours that do not parse are printed as written.
 */
export function SlipHours({ raw, now }: { raw: string | undefined; now: Date }) {
  const { t, lang } = useT('venues');
  const mod = useHoursModule(Boolean(raw));
  if (!raw) return <p data-testid="slip-hours-unknown">{t('slip.hoursUnknown')}</p>;
  if (!mod) return <p>{t('hours.loading')}</p>;
  const week = mod.weeklyHours(raw, now);
  if (!week) return <p data-testid="hours-raw">{t('hours.asWritten', { raw })}</p>;
  const names = weekdayNames(lang);
  return (
    <ul class="slip__week" data-testid="slip-week">
      {week.map((d) => (
        <li key={d.day} class={d.intervals.length ? undefined : 'is-closed'}>
          <strong>{names[d.day]}</strong>
          {t('slip.colon')}
          {d.intervals.length ? (
            <bdi dir="ltr" class="slip__interval">
              {d.intervals.map((i) => `${short(i.from)}–${short(i.to)}`).join(', ')}
            </bdi>
          ) : (
            <span>{t('hours.closedDay')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
