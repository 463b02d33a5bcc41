import { useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { ENROLMENT_CODE_LENGTH, normaliseEnrolmentCode } from '../../../shared/protocol/enrol.ts';
import { enrolDevice } from './lib/enrol.ts';
import { requestSync } from './request.ts';

/** Typing the enrolment code: forgiving of case, spaces and look-alike characters (the hub decides). */
export function EnrolForm() {
  const { t } = useT('sync');
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  async function submit(e: Event) {
    e.preventDefault();
    const length = normaliseEnrolmentCode(code).length;
    if (length !== ENROLMENT_CODE_LENGTH) {
      setError(t('enrol.codeLength', { count: length }));
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await enrolDevice(code, label);
    setBusy(false);
    if (result.ok) {
      setDone(t('enrol.success', { structure: result.structureName }));
      setCode('');
      requestSync('enrolled');
      return;
    }
    if (result.kind === 'code') setError(result.message || t('enrol.refused'));
    else if (result.kind === 'rate-limited') setError(t('enrol.rateLimited', { minutes: Math.max(1, Math.ceil((result.retryAfterMs ?? 60_000) / 60_000)) }));
    else setError(t(result.kind === 'network' ? 'enrol.network' : 'enrol.server'));
  }

  return (
    <form class="card sync-enrol" onSubmit={submit} noValidate aria-labelledby="sync-enrol-title">
      <h2 id="sync-enrol-title">{t('enrol.title')}</h2>
      <p>{t('enrol.intro')}</p>
      <div class="field">
        <label for="sync-code">{t('enrol.code')}</label>
        <input
          id="sync-code"
          name="code"
          class="sync-code"
          dir="ltr"
          value={code}
          onInput={(e) => setCode((e.target as HTMLInputElement).value)}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={24}
          aria-describedby="sync-code-hint sync-enrol-error"
          aria-invalid={error ? true : undefined}
          required
        />
        <p id="sync-code-hint" class="hint">
          {t('enrol.codeHint')}
        </p>
      </div>
      <div class="field">
        <label for="sync-label">{t('enrol.label')}</label>
        <input id="sync-label" name="deviceLabel" value={label} onInput={(e) => setLabel((e.target as HTMLInputElement).value)} maxLength={80} aria-describedby="sync-label-hint" />
        <p id="sync-label-hint" class="hint">
          {t('enrol.labelHint')}
        </p>
      </div>
      <p id="sync-enrol-error" class="sync-error" role="alert">
        {error}
      </p>
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      <button type="submit" class="btn btn-primary btn-big" disabled={busy} data-testid="sync-enrol-submit">
        {busy ? t('enrol.submitting') : t('enrol.submit')}
      </button>
    </form>
  );
}
