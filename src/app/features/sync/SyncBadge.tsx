import { useT } from '../../i18n/use-t.ts';
import { syncBadge } from './badge.ts';

/** The pending count beside "Synchro" in the navigation ("!" when the device must be enrolled). */
export function SyncBadge() {
  const { t } = useT('common');
  const { pending, needsEnrolment } = syncBadge.value;
  if (!pending && !needsEnrolment) return null;
  return (
    <span class="badge sync-badge" data-testid="sync-badge" title={needsEnrolment ? t('nav.sync') : undefined}>
      {needsEnrolment ? '!' : pending > 999 ? '999+' : pending}
    </span>
  );
}
