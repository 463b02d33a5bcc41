import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { PRINT_LAYOUTS, SENDER_PHONE_MAX, checkSenderPhone, getPrintLayout, getSenderPhone, setPrintLayout, setSenderPhone, type PrintLayout } from './lib/print-layout.ts';

/** Settings section: the paper of the orientation slip (A4, 80 mm or 58 mm roll). */
export function PrintLayoutSetting() {
  const { t } = useT('venues');
  const [layout, setLayout] = useState<PrintLayout | undefined>();
  const [saved, setSaved] = useState(false);
  const [phone, setPhone] = useState('');
  const [phoneNote, setPhoneNote] = useState<{ error: boolean; text: string }>();
  useEffect(() => {
    void getPrintLayout().then(setLayout);
    void getSenderPhone().then((p) => setPhone(p ?? ''));
  }, []);
  const savePhone = (e: Event) => {
    e.preventDefault();
    const checked = checkSenderPhone(phone);
    if ('error' in checked) {
      setPhoneNote({ error: true, text: t(checked.error === 'tooLong' ? 'settings.senderPhoneTooLong' : 'settings.senderPhoneInvalid') });
      return;
    }
    void setSenderPhone(checked.phone).then(() => {
      setPhone(checked.phone);
      setPhoneNote({ error: false, text: t('settings.saved') });
    });
  };
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
      <form class="field" onSubmit={savePhone} noValidate>
        <label for="sender-phone">{t('settings.senderPhone')}</label>
        <p class="hint" id="sender-phone-hint">
          {t('settings.senderPhoneHint')}
        </p>
        <input
          id="sender-phone"
          type="tel"
          dir="ltr"
          autoComplete="tel"
          value={phone}
          maxLength={SENDER_PHONE_MAX + 10}
          aria-describedby="sender-phone-hint"
          aria-invalid={phoneNote?.error ? 'true' : undefined}
          onInput={(e) => setPhone(e.currentTarget.value)}
        />
        <button type="submit" class="btn" data-testid="sender-phone-save">
          {t('settings.senderPhoneSave')}
        </button>
        {phoneNote && (
          <p role={phoneNote.error ? 'alert' : 'status'} class={phoneNote.error ? 'field-error' : undefined}>
            {phoneNote.text}
          </p>
        )}
      </form>
    </section>
  );
}
