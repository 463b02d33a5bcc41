import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { watchPendingCount } from '../../db/outbox.ts';
import { watchSyncStatus, type StoredSyncStatus } from '../../db/settings.ts';
import { countVenues, onVenuesChanged } from '../../db/venues.ts';
import { PATHS } from '../../paths.ts';
import { relativeTime } from './lib/format.ts';
import './ready-line.css';

/** What the line says, read from the device (no network). */
export interface Readiness {
  /** a service worker controls the page: the app opens offline */
  cached: boolean;
  places: number;
  status: StoredSyncStatus;
  pending: number;
}

function useReadiness(): Readiness | undefined {
  const [places, setPlaces] = useState<number | undefined>();
  const [status, setStatus] = useState<StoredSyncStatus | undefined>();
  const [pending, setPending] = useState<number | undefined>();
  const [cached, setCached] = useState(() => !!navigator.serviceWorker?.controller);
  useEffect(() => {
    const refresh = () => void countVenues().then(setPlaces, () => setPlaces(0));
    refresh();
    const stops = [onVenuesChanged(refresh), watchSyncStatus((s) => setStatus(s ?? {})), watchPendingCount(setPending)];
    const sw = navigator.serviceWorker;
    const onController = () => setCached(!!sw?.controller);
    sw?.addEventListener('controllerchange', onController);
    return () => {
      stops.forEach((f) => f());
      sw?.removeEventListener('controllerchange', onController);
    };
  }, []);
  if (places === undefined || status === undefined || pending === undefined) return undefined;
  return { cached, places, status, pending };
}

/**
 * "Ready for the field?": one line a mediator checks before leaving the Wi-Fi — is the app
 * saved for offline use, how many places are on the device and from when, the portal's date,
 * and what still waits to be sent. Shown on the home screen (loaded after the first paint)
 * and on the sync screen.
 */
export function ReadyLine() {
  const { t, lang } = useT('sync');
  const r = useReadiness();
  if (!r) return null;
  const venuesAt = r.status.venuesPulledAt;
  const portalAt = r.status.portalPulledAt;
  const ready = r.cached && r.places > 0 && r.pending === 0;
  return (
    <section class={`ready-line ${ready ? 'is-ready' : 'is-not-ready'}`} aria-labelledby="ready-line-title" data-testid="ready-line" data-ready={ready ? '1' : '0'}>
      <h2 id="ready-line-title" class="ready-line__title">
        {t('ready.title')}
      </h2>
      <ul class="ready-line__facts" role="list">
        <li data-testid="ready-cached" data-ok={r.cached ? '1' : '0'}>
          {r.cached ? t('ready.cached') : t('ready.notCached')}
        </li>
        <li data-testid="ready-places" data-count={r.places}>
          {r.places > 0 ? (
            <>
              {t('ready.places', { count: r.places })}
              {venuesAt && (
                <>
                  {' '}
                  <time dateTime={venuesAt}>{t('ready.placesFrom', { when: relativeTime(venuesAt, lang) })}</time>
                </>
              )}
            </>
          ) : (
            t('ready.noPlaces')
          )}
        </li>
        <li data-testid="ready-portal">{portalAt ? <time dateTime={portalAt}>{t('ready.portal', { when: relativeTime(portalAt, lang) })}</time> : t('ready.portalDefault')}</li>
        <li data-testid="ready-pending" data-count={r.pending}>
          {r.pending > 0 ? <a href={PATHS.sync}>{t('ready.waiting', { count: r.pending })}</a> : t('ready.nothingWaiting')}
        </li>
      </ul>
    </section>
  );
}
