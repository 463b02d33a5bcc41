import { useT } from '../../../i18n/use-t.ts';
import { useHoursModule } from '../lib/hours.ts';
import { stateInWords, weekdayNames } from '../lib/hours-words.ts';

/** Open now / next opening in words, and optionally the week's table. Unparseable hours are shown as written. */
export function HoursBlock({ raw, now, table = false }: { raw: string | undefined; now: Date; table?: boolean }) {
  const { t, lang } = useT('venues');
  const mod = useHoursModule(Boolean(raw));
  if (!raw) return <p class="ven-hours ven-hours--unknown">{t('hours.unknown')}</p>;
  if (!mod) return <p class="ven-hours">{t('hours.loading')}</p>;
  const words = stateInWords(mod.openState(raw, now), now, t, lang);
  if (words === undefined) {
    return (
      <p class="ven-hours ven-hours--raw" data-testid="hours-raw">
        {t('hours.asWritten', { raw })}
      </p>
    );
  }
  const week = table ? mod.weeklyHours(raw, now) : undefined;
  const names = weekdayNames(lang);
  const open = mod.openState(raw, now).kind === 'open';
  return (
    <div class="ven-hours">
      <p class={`ven-hours__state ${open ? 'is-open' : 'is-closed'}`} data-testid="hours-state">
        {words}
      </p>
      {week && (
        <table class="ven-week">
          <caption class="visually-hidden">{t('hours.week')}</caption>
          <tbody>
            {week.map((d) => (
              <tr key={d.day} class={d.day === (now.getDay() + 6) % 7 ? 'is-today' : undefined}>
                <th scope="row">{names[d.day]}</th>
                <td>
                  {d.intervals.length ? (
                    <bdi dir="ltr">{d.intervals.map((i) => `${i.from.replace(/^0/, '')}–${i.to.replace(/^0/, '')}`).join(', ')}</bdi>
                  ) : (
                    t('hours.closedDay')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
