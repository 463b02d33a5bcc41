import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { PRINT_LAYOUTS, getPrintLayout, setPrintLayout, type PrintLayout } from './lib/print-layout.ts';

/** Settings section: the paper of the orientation slip (A4, 80 mm or 58 mm roll). */
export function PrintLayoutSetting() {
  const { t } = useT('venues');
  const [layout, setLayout] = useState<PrintLayout | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => void getPrintLayout().then(setLayout), []);
  return (
    <section class="card">
      <h2 id="print-layout-title">{t('settings.title')}</h2>
      <p class="hint">{t('settings.hint')}</p>
      <div class="choices" role="group" aria-labelledby="print-layout-title">
        {PRINT_LAYOUTS.map((l) => (
          <button
            key={l}
            type="button"
            class="choice"
            aria-pressed={layout === l}
            data-layout={l}
            onClick={() =>
              void setPrintLayout(l).then(() => {
                setLayout(l);
                setSaved(true);
              })
            }
          >
            {t(`slip.layouts.${l}`)}
          </button>
        ))}
      </div>
      {saved && <p role="status">{t('settings.saved')}</p>}
    </section>
  );
}
