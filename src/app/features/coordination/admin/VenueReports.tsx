import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { api, messageOf } from '../lib/api.ts';
import { formatDate } from '../lib/labels.ts';

interface VenueReport {
  id: string;
  venueId: string;
  venueName: string | null;
  field: string;
  proposed: string;
  comment: string | null;
  status: 'pending' | 'applied' | 'dismissed';
  createdAt: string;
}

/** Field reports sent by mediators: apply the proposed value or dismiss it. */
export function VenueReports() {
  const { t, lang } = useT('coordination');
  const [reports, setReports] = useState<VenueReport[]>();
  const [error, setError] = useState<string>();
  const reload = () => api<{ reports: VenueReport[] }>('GET', '/api/v1/admin/venue-reports').then((r) => setReports(r.reports), (e: unknown) => setError(messageOf(e)));
  useEffect(() => void reload(), []);
  const act = async (id: string, action: 'apply' | 'dismiss') => {
    setError(undefined);
    try {
      await api('POST', `/api/v1/admin/venue-reports/${id}/${action}`);
      await reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section class="card">
      <h2>{t('venues.reportsTitle')}</h2>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {!reports ? (
        <p>{t('common.loading')}</p>
      ) : reports.length === 0 ? (
        <p class="hint">{t('venues.noReports')}</p>
      ) : (
        <ul class="coo-list">
          {reports.map((r) => (
            <li key={r.id} class="coo-list__item">
              <div>
                <strong>{r.venueName ?? r.venueId}</strong> — {t('venues.field')} <code>{r.field}</code>
                <div>
                  {t('venues.proposed')} <q>{r.proposed}</q>
                </div>
                {r.comment && <div class="hint">{r.comment}</div>}
                <div class="hint">{formatDate(r.createdAt, lang, true)}</div>
              </div>
              <div class="row">
                <button type="button" class="btn btn-primary" onClick={() => act(r.id, 'apply')}>
                  {t('venues.apply')}
                </button>
                <button type="button" class="btn" onClick={() => act(r.id, 'dismiss')}>
                  {t('venues.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
