import type { Venue } from '../../../../shared/venues/schema.ts';
import { useT } from '../../../i18n/use-t.ts';
import { accessWays } from '../lib/access.ts';
import { phoneForPeople } from '../lib/format.ts';

const hostOf = (url: string) => {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** "Sur rendez-vous" / "Sans rendez-vous", how to book, and a line to write the appointment on. */
export function SlipAccess({ venue }: { venue: Venue }) {
  const { t } = useT('venues');
  const ways = accessWays(venue);
  return (
    <div class="slip__access" data-testid="slip-access">
      <h2 class="slip__h">{t('slip.access')}</h2>
      {ways.noPublic ? <p>{t('slip.noPublic')}</p> : <p class="slip__appointment-kind">{t(`slip.appointment.${ways.appointment}`)}</p>}
      {ways.book.length > 0 && (
        <ul class="slip__book">
          {ways.book.map((w) => (
            <li key={w.kind}>
              {t(`slip.book.${w.kind}`)}
              {w.value && (
                <>
                  {t('slip.colon')}
                  <bdi dir="ltr">{w.kind === 'phone' ? phoneForPeople(w.value) : w.kind === 'online' ? hostOf(w.value) : w.value}</bdi>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="slip__write" data-testid="slip-appointment-line">
        {t('slip.appointmentOn')} <span class="slip__blank" /> {t('slip.appointmentAt')} <span class="slip__blank slip__blank--short" />
      </p>
    </div>
  );
}
