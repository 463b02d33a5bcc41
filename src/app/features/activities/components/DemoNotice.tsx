import { useT } from '../../../i18n/use-t.ts';
import { PATHS } from '../../../paths.ts';

/** Before enrolment: records stay on the device and will be sent once it is enrolled. */
export function DemoNotice() {
  const { t } = useT('activities');
  return (
    <div class="notice notice--warn act-notice" data-testid="demo-mode">
      <span>{t('demo')}</span>
      <a class="btn" href={PATHS.sync}>
        {t('demoLink')}
      </a>
    </div>
  );
}
