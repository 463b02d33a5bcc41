import { useEffect, useState } from 'preact/hooks';
import { REPORTABLE_FIELDS, type ReportableField } from '../../../../shared/venues/schema.ts';
import { listVenueReports, saveVenueReport } from '../../../db/venues.ts';
import type { VenueReportRow } from '../../../db/rows/venues.ts';
import { useT } from '../../../i18n/use-t.ts';
import { RefusedReportItem } from './RefusedReports.tsx';

/** "Signaler une erreur": a field correction that waits in the outbox like any record. */
export function ReportForm({ venueId }: { venueId: string }) {
  const { t } = useT('venues');
  const [field, setField] = useState<ReportableField>('horaires');
  const [proposed, setProposed] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState(false);
  const [saved, setSaved] = useState(false);
  const [mine, setMine] = useState<VenueReportRow[]>([]);
  const refresh = () => void listVenueReports(venueId).then(setMine);
  useEffect(refresh, [venueId]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!proposed.trim()) return setError(true);
    setError(false);
    await saveVenueReport({ venueId, field, proposed, comment });
    setProposed('');
    setComment('');
    setSaved(true);
    refresh();
    void import('../../sync/request.ts').then((m) => m.requestSync('venue-report'));
  };

  return (
    <details class="card ven-report">
      <summary>{t('report.title')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for="ven-report-field">{t('report.field')}</label>
          <select id="ven-report-field" value={field} onChange={(e) => setField((e.currentTarget as HTMLSelectElement).value as ReportableField)}>
            {REPORTABLE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`report.fields.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ven-report-proposed">{t('report.proposed')}</label>
          <textarea
            id="ven-report-proposed"
            maxLength={2000}
            value={proposed}
            aria-invalid={error || undefined}
            aria-describedby={error ? 'ven-report-error' : undefined}
            onInput={(e) => setProposed((e.currentTarget as HTMLTextAreaElement).value)}
          />
          {error && (
            <span id="ven-report-error" class="field-error">
              {t('report.required')}
            </span>
          )}
        </div>
        <div class="field">
          <label for="ven-report-comment">{t('report.comment')}</label>
          <span class="hint" id="ven-report-comment-hint">
            {t('report.commentHint')}
          </span>
          <textarea
            id="ven-report-comment"
            maxLength={1000}
            aria-describedby="ven-report-comment-hint"
            value={comment}
            onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        <button type="submit" class="btn btn-primary">
          {t('report.send')}
        </button>
        {saved && (
          <p class="notice notice--ok" role="status">
            {t('report.saved')}
          </p>
        )}
      </form>
      {mine.length > 0 && (
        <>
          <h3>{t('report.mine')}</h3>
          <ul data-testid="my-reports">
            {mine.map((r) => (
              <li key={r.id}>
                {t(`report.fields.${r.field}`)} : {r.proposed} —{' '}
                {r.state === 'refused' ? <RefusedReportItem report={r} onDismissed={refresh} /> : <em>{r.state === 'sent' ? t('report.sent') : t('report.pending')}</em>}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
