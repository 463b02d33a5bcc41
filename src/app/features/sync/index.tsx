import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { EnrolForm } from './EnrolForm.tsx';
import { ReadyLine } from './ReadyLine.tsx';
import { StatusPanel } from './StatusPanel.tsx';
import { startSyncOnLaunch } from './request.ts';
import { followSyncStatus, syncStatus } from './status.ts';
import './sync.css';

/** /synchro: enrol the device, see what waits for the hub, sync now. */
export default function SyncScreen() {
  const { t } = useT('sync');
  const [reenrol, setReenrol] = useState(false);
  useEffect(() => {
    void startSyncOnLaunch();
    return followSyncStatus();
  }, []);
  const v = syncStatus.value;
  return (
    <main id="main" class="page sync-page">
      <h1>{t('title')}</h1>
      <p class="lead">{t('intro')}</p>
      {v.loaded && v.revoked && (
        <div class="notice sync-revoked" role="alert" data-testid="sync-revoked">
          <h2>{t('revoked.title')}</h2>
          <p>{t('revoked.text')}</p>
        </div>
      )}
      {v.loaded && v.enrolled && <StatusPanel />}
      {v.loaded && <ReadyLine />}
      {v.loaded && (!v.enrolled || v.revoked || reenrol) && <EnrolForm />}
      {v.loaded && v.enrolled && !v.revoked && !reenrol && (
        <p>
          <button type="button" class="btn" onClick={() => setReenrol(true)}>
            {t('status.reenrol')}
          </button>
        </p>
      )}
    </main>
  );
}
