import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import type { FieldIssue, VenueChange, VenueCheck } from '../../../../shared/admin-api/venues.ts';
import type { Venue } from '../../../../shared/venues/schema.ts';
import { toNationalRow } from '../../../../shared/venues/export.ts';
import { ApiError, api, messageOf } from '../lib/api.ts';
import { EDITABLE_FIELDS, FIELD_MAX, formatChangeDate, type EditableField } from './venue-fields.ts';

type Values = Record<EditableField, string>;

/** Fields whose values read left to right in every language. */
const LTR = new Set<string>(['telephone', 'courriels', 'site_web', 'prise_rdv', 'code_postal', 'horaires']);

function valuesOf(v: Venue): Values {
  const row = toNationalRow(v) as Record<string, string>;
  return Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, row[f] ?? ''])) as Values;
}

/**
 * One place: its fields checked by the hub like an import row while typing (errors block,
 * warnings are confirmed), saved, deleted after confirmation, and its history.
 */
export function VenueEditor({ id, onClose, onChanged }: { id: string; onClose: (deleted: boolean) => void; onChanged: () => void }) {
  const { t, lang } = useT('coordination');
  const [venue, setVenue] = useState<Venue>();
  const [values, setValues] = useState<Values>();
  const [check, setCheck] = useState<VenueCheck>({ errors: [], warnings: [] });
  const [checking, setChecking] = useState(false);
  const [history, setHistory] = useState<VenueChange[]>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<'saved' | 'deleted'>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const url = `/api/v1/admin/venues/${encodeURIComponent(id)}`;

  const loadHistory = () => api<{ changes: VenueChange[] }>('GET', `${url}/history`).then((r) => setHistory(r.changes), (e: unknown) => setError(messageOf(e)));
  useEffect(() => {
    api<Venue>('GET', url).then(
      (v) => {
        setVenue(v);
        setValues(valuesOf(v));
        heading.current?.focus();
      },
      (e: unknown) => setError(messageOf(e)),
    );
    void loadHistory();
  }, [id]);

  const patch = (): Record<string, string> => {
    if (!venue || !values) return {};
    const before = valuesOf(venue);
    return Object.fromEntries(EDITABLE_FIELDS.filter((f) => values[f] !== before[f]).map((f) => [f, values[f]]));
  };

  // The hub checks the edit like an import row a moment after each change.
  useEffect(() => {
    const changed = patch();
    if (!Object.keys(changed).length) {
      setCheck({ errors: [], warnings: [] });
      return;
    }
    setChecking(true);
    const timer = setTimeout(() => {
      api<VenueCheck>('POST', `${url}/check`, changed).then(
        (c) => {
          setCheck(c);
          setChecking(false);
        },
        (e: unknown) => {
          setChecking(false);
          setError(messageOf(e));
        },
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [values]);

  const issuesOf = (list: FieldIssue[], f: string) => list.filter((i) => i.path === f || (f === 'code_postal' && i.path === 'code_insee'));
  const changed = Object.keys(patch()).length > 0;

  const save = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setStatus(undefined);
    try {
      const r = await api<{ venue: Venue }>('PATCH', `${url}${check.warnings.length ? '?confirm=1' : ''}`, patch());
      setVenue(r.venue);
      setValues(valuesOf(r.venue));
      setStatus('saved');
      onChanged();
      await loadHistory();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 409) && err.errors.length) {
        setCheck(err.status === 409 ? { errors: [], warnings: err.errors } : { errors: err.errors, warnings: check.warnings });
      }
      setError(messageOf(err));
    }
  };

  const remove = async () => {
    setError(undefined);
    try {
      await api('DELETE', url);
      setDeleted(true);
      setConfirmDelete(false);
      setStatus('deleted');
      onChanged();
      await loadHistory();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <div class="coo-venue-editor" data-testid="venue-editor">
      <h3 ref={heading} tabIndex={-1}>
        {venue ? venue.nom : t('common.loading')}
      </h3>
      {venue && (
        <p class="hint">
          {t('venues.sourceColumn')} : {venue.source ?? '—'} · <span dir="ltr">{venue.id}</span>
        </p>
      )}
      <p>
        <button type="button" class="btn" onClick={() => onClose(deleted)}>
          {t('venues.close')}
        </button>
      </p>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {status && (
        <p class="notice notice--ok" role="status">
          {status === 'saved' ? t('venues.savedPlace') : t('venues.deletedPlace', { name: venue?.nom ?? id })}
        </p>
      )}
      {values && !deleted && (
        <form onSubmit={save} noValidate>
          {EDITABLE_FIELDS.map((f) => {
            const errs = issuesOf(check.errors, f);
            const warns = issuesOf(check.warnings, f);
            const describedBy = [errs.length ? `vf-${f}-err` : '', warns.length ? `vf-${f}-warn` : ''].filter(Boolean).join(' ') || undefined;
            const common = {
              id: `vf-${f}`,
              name: f,
              value: values[f],
              maxLength: FIELD_MAX,
              'aria-invalid': errs.length ? ('true' as const) : undefined,
              'aria-describedby': describedBy,
              onInput: (e: Event) => setValues({ ...values, [f]: (e.currentTarget as HTMLInputElement).value }),
            };
            return (
              <div class="field" key={f}>
                <label for={`vf-${f}`}>{t(`venues.fields.${f}`)}</label>
                {f === 'presentation_resume' ? <textarea {...common} rows={3} dir="auto" /> : <input {...common} dir={LTR.has(f) ? 'ltr' : 'auto'} />}
                {errs.length > 0 && (
                  <span id={`vf-${f}-err`} class="field-error">
                    {errs.map((i) => i.message).join(' ; ')}
                  </span>
                )}
                {warns.length > 0 && (
                  <span id={`vf-${f}-warn`} class="hint coo-warning">
                    ⚠ {warns.map((i) => i.message).join(' ; ')}
                  </span>
                )}
              </div>
            );
          })}
          {check.errors.filter((i) => !(EDITABLE_FIELDS as readonly string[]).includes(i.path) && i.path !== 'code_insee').map((i) => (
            <p key={i.path + i.message} class="field-error">
              {i.message}
            </p>
          ))}
          {check.warnings.length > 0 && check.errors.length === 0 && (
            <p class="notice notice--warn" role="status">
              {t('venues.warningsConfirm', { count: check.warnings.length })}
            </p>
          )}
          <div class="row">
            <button type="submit" class="btn btn-primary" disabled={!changed || checking || check.errors.length > 0}>
              {check.warnings.length ? t('venues.saveAnyway') : t('common.save')}
            </button>
            {!confirmDelete ? (
              <button type="button" class="btn btn-danger" onClick={() => setConfirmDelete(true)}>
                {t('venues.delete')}
              </button>
            ) : (
              <span class="row" role="group" aria-label={t('venues.confirmDeleteLabel')}>
                <span>{t('venues.confirmDeleteText', { name: venue?.nom ?? id })}</span>
                <button type="button" class="btn btn-danger" onClick={() => void remove()}>
                  {t('venues.confirmDelete')}
                </button>
                <button type="button" class="btn" onClick={() => setConfirmDelete(false)}>
                  {t('common.cancel')}
                </button>
              </span>
            )}
          </div>
        </form>
      )}
      <h4>{t('venues.historyTitle')}</h4>
      {!history ? (
        <p>{t('common.loading')}</p>
      ) : history.length === 0 ? (
        <p class="hint">{t('venues.noHistory')}</p>
      ) : (
        <ol class="coo-list" data-testid="venue-history">
          {history.map((c) => (
            <li key={c.id} class="coo-list__item coo-history">
              <div>
                <strong>{t(`venues.actions_.${c.action}`)}</strong> — <bdi>{c.userEmail ?? t('venues.commandLine')}</bdi> — <bdi>{formatChangeDate(c.at, lang, venue?.departement ?? '75')}</bdi>
                {c.changes.length > 0 && c.action !== 'delete' && (
                  <ul>
                    {c.changes.slice(0, 12).map((ch) => (
                      <li key={ch.field}>
                        <code>{ch.field}</code> : <del dir="auto">{ch.before || '∅'}</del> {t('venues.changeArrow')} <ins dir="auto">{ch.after || '∅'}</ins>
                      </li>
                    ))}
                    {c.changes.length > 12 && <li>{t('venues.moreChanges', { count: c.changes.length - 12 })}</li>}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
