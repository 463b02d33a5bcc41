import { useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { me, call, messageOf } from '../lib/api.ts';
import type { ImportReport } from '../../../../shared/admin-api/venue-import.ts';
import type { StructureView } from './useStructures.ts';

/** Upload a file of the national standard (CSV or JSON) and read its row-by-row report. */
export function VenueImport({ structures }: { structures: StructureView[] | undefined }) {
  const { t } = useT('coordination');
  const [file, setFile] = useState<File>();
  const [structureId, setStructureId] = useState('');
  const [source, setSource] = useState('');
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const admin = me.value?.role === 'admin';

  const upload = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      const sid = structureId || (admin ? '' : (structures?.[0]?.id ?? ''));
      const params = new URLSearchParams();
      if (sid) params.set('structureId', sid);
      if (source.trim()) params.set('source', source.trim());
      const qs = params.size ? `?${params}` : '';
      const type = file.name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv';
      setReport(await call('ImportReportSchema', 'POST', `/api/v1/admin/venues/import${qs}`, undefined, { raw: file, contentType: type }));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <h2>{t('venues.importTitle')}</h2>
      <p>{t('venues.importHelp')}</p>
      <form class="row coo-form-row" onSubmit={upload}>
        <div class="field">
          <label for="v-file">{t('venues.file')}</label>
          <input id="v-file" type="file" accept=".csv,.json,text/csv,application/json" required onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </div>
        <div class="field">
          <label for="v-structure">{t('venues.territory')}</label>
          <select id="v-structure" value={structureId} onChange={(e) => setStructureId(e.currentTarget.value)}>
            {admin && <option value="">{t('venues.wholeHub')}</option>}
            {structures?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.departements.join(', ')})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="v-source">{t('venues.source')}</label>
          <span class="hint" id="v-source-hint">
            {t('venues.sourceHint')}
          </span>
          <input id="v-source" type="text" maxLength={80} aria-describedby="v-source-hint" value={source} onInput={(e) => setSource(e.currentTarget.value)} />
        </div>
        <button class="btn btn-primary" type="submit" disabled={!file || busy}>
          {busy ? t('venues.importing') : t('venues.import')}
        </button>
      </form>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div class="coo-report" role="status">
          <p>
            <strong>{t('venues.reportSummary', { total: report.total, imported: report.imported, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length })}</strong>
          </p>
          {report.linked.length > 0 && (
            <details>
              <summary>{t('venues.linked', { count: report.linked.length })}</summary>
              <ul class="coo-issues">
                {report.linked.slice(0, 100).map((l) => (
                  <li key={l.row}>
                    {t('venues.row', { row: l.row })} ({l.source} {l.sourceId}) = {l.linkedTo.source} {l.linkedTo.sourceId} ({l.linkedTo.by})
                  </li>
                ))}
              </ul>
            </details>
          )}
          {report.columns.missing.length > 0 && <p class="notice notice--warn">{t('venues.missingColumns', { list: report.columns.missing.join(', ') })}</p>}
          {report.columns.unknown.length > 0 && <p class="hint">{t('venues.unknownColumns', { list: report.columns.unknown.join(', ') })}</p>}
          {report.rejected.length > 0 && (
            <>
              <h3>{t('venues.rejected')}</h3>
              <ul class="coo-issues">
                {report.rejected.slice(0, 100).map((r) => (
                  <li key={`${r.row}-${r.id}`}>
                    {t('venues.row', { row: r.row })} {r.id ? `(${r.source ? `${r.source} ` : ''}${r.id})` : ''} : {r.errors.map((x) => `${x.path} — ${x.message}`).join(' ; ')}
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.warningCount > 0 && (
            <details>
              <summary>{t('venues.warnings', { count: report.warningCount })}</summary>
              <ul class="coo-issues">
                {report.warnings.map((w, i) => (
                  <li key={i}>
                    ×{w.count} : {w.kind} ({w.examples.map((x) => t('venues.row', { row: x.row })).join(', ')})
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
