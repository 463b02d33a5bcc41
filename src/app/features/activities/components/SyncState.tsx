import { useT } from '../../../i18n/use-t.ts';
import type { ActivityRow } from '../../../db/activities.ts';

const BADGE = { pending: 'act-sync--pending', synced: 'act-sync--synced', rejected: 'act-sync--fix', conflict: 'act-sync--fix' } as const;

/** The record's sync state as a small badge. */
export function SyncBadge({ row }: { row: ActivityRow }) {
  const { t } = useT('activities');
  return (
    <span class={`badge act-sync ${BADGE[row.syncState]}`} data-testid="activity-sync-state" data-state={row.syncState}>
      {t(`sync.${row.syncState}`)}
    </span>
  );
}

/** Why the hub refused a record (its own words, field by field) or why it conflicts. */
export function SyncReasons({ row }: { row: ActivityRow }) {
  const { t } = useT('activities');
  if (row.syncState === 'conflict') return <p class="act-reasons">{t('sync.conflictReason')}</p>;
  if (row.syncState !== 'rejected') return null;
  return (
    <div class="act-reasons">
      <p>{t('sync.rejectedReason')}</p>
      <ul>
        {(row.syncErrors ?? []).map((e) => (
          <li key={e.path + e.message}>{e.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** On the edit screen: a record to correct says why. */
export function SyncStateNotice({ row }: { row: ActivityRow }) {
  if (row.syncState !== 'rejected' && row.syncState !== 'conflict') return null;
  return (
    <div class="notice notice--warn act-notice" data-testid="sync-reasons">
      <SyncBadge row={row} />
      <SyncReasons row={row} />
    </div>
  );
}
