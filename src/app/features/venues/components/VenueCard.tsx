import type { Venue } from '../../../../shared/venues/schema.ts';
import { useT } from '../../../i18n/use-t.ts';
import { PATHS } from '../../../paths.ts';
import { distanceInWords } from '../lib/format.ts';
import { HoursBlock } from './HoursBlock.tsx';

/** One place in the results: name, commune, distance, open state, main programmes. */
export function VenueCard({ venue, km, now }: { venue: Venue; km: number | undefined; now: Date }) {
  const { t, lang } = useT('venues');
  const programmes = venue.dispositif_programmes_nationaux.filter((p) => p === 'France Services' || p === 'Conseillers numériques');
  return (
    <li class="ven-card">
      <a class="ven-card__link" href={`${PATHS.venues}/${encodeURIComponent(venue.id)}`}>
        <span class="ven-card__name">{venue.nom}</span>
        <span class="ven-card__where">
          {venue.commune} (<bdi dir="ltr">{venue.code_postal}</bdi>){km !== undefined && <strong> · {distanceInWords(km, t, lang)}</strong>}
        </span>
      </a>
      <HoursBlock raw={venue.horaires} now={now} />
      {programmes.length > 0 && (
        <p class="ven-card__badges">
          {programmes.map((p) => (
            <span key={p} class="badge">
              {p}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}
