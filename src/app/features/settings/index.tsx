import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { LanguageSwitch } from '../../shell/LanguageSwitch.tsx';
import { checkForUpdate } from '../../shell/update.ts';
import { PATHS } from '../../paths.ts';
import { requestPersistentStorage, storageEstimate, type StorageInfo } from '../../shell/storage.ts';
import { PrintLayoutSetting } from '../venues/PrintLayoutSetting.tsx';
import { formatBytes } from '../../shell/bytes.ts';

/** Device settings: language, storage protection, version. */
export default function Settings() {
  const { t, lang } = useT('common');
  const [info, setInfo] = useState<StorageInfo | undefined>();
  useEffect(() => void storageEstimate().then(setInfo), []);
  return (
    <main id="main" class="page page--narrow">
      <h1>{t('settings.title')}</h1>
      <section class="card">
        <h2>{t('settings.language')}</h2>
        <LanguageSwitch />
      </section>
      <section class="card">
        <h2>{t('settings.storage')}</h2>
        {info && <p data-testid="storage-persisted">{info.persisted ? t('settings.storagePersisted') : t('settings.storageNotPersisted')}</p>}
        {info && !info.persisted && (
          <button class="btn" type="button" onClick={() => void requestPersistentStorage().then(() => storageEstimate().then(setInfo))}>
            {t('settings.storagePersist')}
          </button>
        )}
        <p>
          {info?.quota
            ? t('settings.storageUsage', { used: formatBytes(info.usage ?? 0, lang), quota: formatBytes(info.quota, lang) })
            : t('settings.storageUnknown')}
        </p>
      </section>
      <PrintLayoutSetting />
      <section class="card">
        <h2>{t('settings.version')}</h2>
        <p>
          <code>{__BUILD_ID__}</code>
        </p>
        <button class="btn" type="button" onClick={() => void checkForUpdate()}>
          {t('settings.checkUpdate')}
        </button>
      </section>
      <p>
        <a href={PATHS.coordination}>{t('settings.coordination')}</a>
      </p>
    </main>
  );
}
