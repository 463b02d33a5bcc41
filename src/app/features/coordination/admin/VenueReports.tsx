import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import type { VenueReportReview } from '../../../../shared/admin-api/venues.ts';
import { api, messageOf } from '../lib/api.ts';
import { formatDate } from '../lib/labels.ts';

/**
 * Field reports sent by mediators: the place's current value next to the proposed one, the
 * correction checked like an import row (errors block; warnings are confirmed), apply or dismiss.
 */
export function VenueReports() {
  const { t, lang } = useT('coordination');
  const [reports, setReports] = useState<VenueReportReview[]>();
  const [error, setError] = useState<string>();
  const reload = () => api<{ reports: VenueReportReview[] }>('GET', '/api/v1/admin/venue-reports').then((r) => setReports(r.reports), (e: unknown) => setError(messageOf(e)));
  useEffect(() => void reload(), []);
  const act = async (r: VenueReportReview, action: 'apply' | 'dismiss') => {
    setError(undefined);
    try {
      const confirm = action === 'apply' && (r.check?.warnings.length ?? 0) > 0;
      await api('POST', `/api/v1/admin/venue-reports/${encodeURIComponent(r.id)}/${action}`, confirm ? { confirm: true } : undefined);
      await reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const label = (field: string) => t(`venues.fields.${field}`, { defaultValue: field });
  return (
    <section class="card" aria-labelledby="venue-reports-title">
      <h2 id="venue-reports-title">{t('venues.reportsTitle')}</h2>
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
          {reports.map((r) => {
            const errors = r.check?.errors ?? [];
            const warnings = r.check?.warnings ?? [];
            return (
              <li key={r.id} class="coo-list__item" data-report={r.id}>
                <div>
                  <strong>{r.venueName ?? r.venueId}</strong> — {t('venues.field')} {label(r.field)}
                  <dl class="coo-diff">
                    <dt>{t('venues.current')}</dt>
                    <dd>{r.current === null ? <em>{t('venues.placeGone')}</em> : r.current ? <q>{r.current}</q> : <em>{t('venues.empty')}</em>}</dd>
                    <dt>{t('venues.proposedValue')}</dt>
                    <dd>
                      <q>{r.proposed}</q>
                    </dd>
                  </dl>
                  {r.comment && <div class="hint">{r.comment}</div>}
                  {errors.map((e) => (
                    <p key={e.path + e.message} class="field-error">
                      {e.message}
                    </p>
                  ))}
                  {warnings.map((w) => (
                    <p key={w.path + w.message} class="hint coo-warning">
                      ⚠ {w.message}
                    </p>
                  ))}
                  <div class="hint">{formatDate(r.createdAt, lang, true)}</div>
                </div>
                <div class="row">
                  <button type="button" class="btn btn-primary" disabled={errors.length > 0 || r.field === 'autre' || r.current === null} onClick={() => act(r, 'apply')}>
                    {warnings.length ? t('venues.applyAnyway') : t('venues.apply')}
                  </button>
                  <button type="button" class="btn" onClick={() => act(r, 'dismiss')}>
                    {t('venues.dismiss')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
