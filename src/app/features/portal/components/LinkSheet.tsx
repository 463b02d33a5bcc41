import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { online } from '../../../shell/network.ts';
import { localiseLink } from '../../../../shared/portal/localise.ts';
import type { PortalLink } from '../../../../shared/portal/schema.ts';
import { printChecklist, type PrintLayout } from '../lib/print.ts';
import { Picto } from './Picto.tsx';

interface Props {
  link: PortalLink;
  /** id of the sheet's heading (dialogs point aria-labelledby at it) */
  headingId?: string;
  /** read-aloud buttons (kiosk) */
  listen?: (text: string, textLang: string) => ComponentChildren;
  /** h1 when the sheet is the page, h2 inside a dialog */
  level?: 'h1' | 'h2';
  /** the kiosk: printed on the team's paper, with no paper choice (no printer words for the public) */
  paper?: PrintLayout;
}

const LAYOUTS: PrintLayout[] = ['a4', '80', '58'];

/** A site's detail: what it is for, what to prepare, and the way out to the real site. */
export function LinkSheet({ link, headingId = 'link-sheet-title', listen, level = 'h2', paper }: Props) {
  const Heading = level;
  const { t, lang } = useT('portal');
  const [layout, setLayout] = useState<PrintLayout>('a4');
  const texts = localiseLink(link, lang);
  const host = new URL(link.url).host;
  return (
    <article class="link-sheet" data-testid="link-sheet">
      <header class="link-sheet__head">
        <Picto id={link.pictogram} size={72} />
        <Heading id={headingId}>{texts.name}</Heading>
      </header>
      {texts.description && (
        <p class="link-sheet__desc" lang={texts.textLang}>
          {texts.description}
        </p>
      )}
      {listen?.([texts.name, texts.description].filter(Boolean).join('. '), texts.textLang)}

      <div class="link-sheet__open">
        {online.value ? (
          <a class="btn btn-primary btn-big" href={link.url} target="_blank" rel="noopener noreferrer" data-testid="open-site">
            {t('open')}{' '}
            <span aria-hidden="true" class="flip-rtl">
              ↗
            </span>
          </a>
        ) : (
          <p class="notice notice--warn" role="status" data-testid="open-site-offline">
            {t('offline')}
          </p>
        )}
        <p class="hint">
          {t('openHint')} {t('siteAddress')} : <span dir="ltr">{host}</span>
        </p>
      </div>

      <section class="link-sheet__checklist print-area" aria-labelledby={`${headingId}-checklist`}>
        <p class="print-only">
          <strong>{texts.name}</strong> — <span dir="ltr">{link.url}</span>
        </p>
        <h3 id={`${headingId}-checklist`} class="link-sheet__h">{t('checklistTitle')}</h3>
        {texts.checklist.length ? (
          <ul class="checklist" lang={texts.textLang}>
            {texts.checklist.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : (
          <p>{t('checklistEmpty')}</p>
        )}
        {texts.checklist.length > 0 && listen?.(texts.checklist.join('. '), texts.textLang)}
        <p class="print-only hint">{t('printedFrom')}</p>
      </section>

      {texts.checklist.length > 0 && (
        <div class="link-sheet__print no-print">
          {!paper && (
            <fieldset class="choices">
              <legend class="visually-hidden">{t('printLayout')}</legend>
              {LAYOUTS.map((l) => (
                <button key={l} type="button" class="choice" aria-pressed={layout === l} onClick={() => setLayout(l)}>
                  {t(l === 'a4' ? 'layoutA4' : l === '80' ? 'layout80' : 'layout58')}
                </button>
              ))}
            </fieldset>
          )}
          <button type="button" class="btn" onClick={() => printChecklist(paper ?? layout)} data-testid="print-checklist">
            {t('print')}
          </button>
        </div>
      )}
    </article>
  );
}
