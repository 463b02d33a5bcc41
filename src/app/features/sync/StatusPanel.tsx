import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { watchFlaggedCount } from '../../db/outbox.ts';
import { PATHS } from '../../paths.ts';
import { relativeTime } from './lib/format.ts';
import { requestSync } from './request.ts';
import { syncStatus } from './status.ts';

function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** Records the hub did not accept (conflict or rejected): the mediator must look at them. */
function useToCheck(): number {
  const [n, setN] = useState(0);
  useEffect(() => watchFlaggedCount(setN), []);
  return n;
}

/** The sync state in plain words, and the button that syncs now. */
export function StatusPanel() {
  const { t, lang } = useT('sync');
  const now = useNow(15_000);
  const toCheck = useToCheck();
  const v = syncStatus.value;
  const pending = v.pending ?? 0;
  const state = v.running ? t('status.running') : pending > 0 ? t('status.pending', { count: pending }) : t('status.allSynced');
  const next = v.lastError && v.nextAttemptAt && Date.parse(v.nextAttemptAt) > now ? v.nextAttemptAt : undefined;
  return (
    <section class="card sync-status" aria-labelledby="sync-status-title">
      <h2 id="sync-status-title">{t('status.title')}</h2>
      <p class={`sync-state ${pending > 0 ? 'is-pending' : 'is-synced'}`} role="status" data-testid="sync-state" data-pending={v.pending} data-running={v.running ? '1' : '0'}>
        {v.pending === undefined ? '…' : state}
      </p>
      <dl class="sync-facts">
        <div>
          <dt>{t('status.structure')}</dt>
          <dd>{v.structureName}</dd>
        </div>
        <div>
          <dt>{t('status.lastSuccess')}</dt>
          <dd data-testid="sync-last-success">{v.lastSuccessAt ? <time dateTime={v.lastSuccessAt}>{relativeTime(v.lastSuccessAt, lang, now)}</time> : t('status.never')}</dd>
        </div>
        {next && (
          <div>
            <dt>{t('status.nextAttempt')}</dt>
            <dd>
              <time dateTime={next}>{relativeTime(next, lang, now)}</time>
            </dd>
          </div>
        )}
        {v.lastError && (
          <div>
            <dt>{t('status.lastError')}</dt>
            <dd class="sync-error" data-testid="sync-last-error" data-kind={v.lastError.kind}>
              {t(`errors.${v.lastError.kind}` as 'errors.network', { status: v.lastError.status ?? '' })}
            </dd>
          </div>
        )}
      </dl>
      {toCheck > 0 && (
        <p class="notice sync-to-check">
          {t('status.toCheck', { count: toCheck })} <a href={PATHS.activities}>{t('status.seeActivities')}</a>
        </p>
      )}
      {!v.revoked && (
        <button type="button" class="btn btn-primary btn-big" onClick={() => requestSync('button')} disabled={v.running} data-testid="sync-now">
          {t('status.syncNow')}
        </button>
      )}
    </section>
  );
}
