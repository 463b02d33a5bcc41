import { useEffect, useState } from 'preact/hooks';
import { dismissVenueReport, getVenue, listRefusedVenueReports } from '../../../db/venues.ts';
import type { VenueReportRow } from '../../../db/rows/venues.ts';
import { useT } from '../../../i18n/use-t.ts';

/** One refused report: what was proposed, the hub's reason as written, a button to drop it. */
export function RefusedReportItem({ report, onDismissed }: { report: VenueReportRow; onDismissed: () => void }) {
  const { t } = useT('venues');
  return (
    <>
      <em class="ven-report-refused">{t('report.refused')}</em>
      {report.refusedReason && <span> — {t('report.refusedReason', { reason: report.refusedReason })}</span>}{' '}
      <button type="button" class="btn btn-small" onClick={() => void dismissVenueReport(report.id).then(onDismissed)}>
        {t('report.dismiss')}
      </button>
    </>
  );
}

/**
 * Field reports the hub refused (place gone, value out of bounds…): listed on the directory page,
 * since the place itself may no longer be on the device; each can be dismissed.
 */
export function RefusedReports() {
  const { t } = useT('venues');
  const [rows, setRows] = useState<{ report: VenueReportRow; name: string }[]>([]);
  const refresh = () =>
    void listRefusedVenueReports().then(async (list) =>
      setRows(await Promise.all(list.map(async (report) => ({ report, name: (await getVenue(report.venueId))?.nom ?? report.venueId })))),
    );
  useEffect(refresh, []);
  if (rows.length === 0) return null;
  return (
    <section class="card notice" data-testid="refused-reports" aria-labelledby="ven-refused-title">
      <h2 id="ven-refused-title">{t('report.refusedTitle', { count: rows.length })}</h2>
      <ul>
        {rows.map(({ report, name }) => (
          <li key={report.id}>
            <strong>{name}</strong> · {t(`report.fields.${report.field}`)} : {report.proposed} — <RefusedReportItem report={report} onDismissed={refresh} />
          </li>
        ))}
      </ul>
    </section>
  );
}
