import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { visibleLinks } from '../../../../shared/portal/localise.ts';
import type { PortalCatalogue } from '../../../../shared/portal/schema.ts';
import { LinkSheet } from '../../portal/components/LinkSheet.tsx';
import type { PrintLayout } from '../../portal/lib/print.ts';
import { getPrintLayout } from '../../venues/lib/print-layout.ts';
import { openLinkId } from '../lib/state.ts';
import { Modal } from './Modal.tsx';
import { ReadAloud } from './ReadAloud.tsx';

const PAPER = { a4: 'a4', '80mm': '80', '58mm': '58' } as const;

/**
 * A site's sheet over the kiosk portal, with read-aloud. Only public entries can be opened.
 * The close button sits at the top and stays there while the sheet scrolls; the checklist is
 * printed on the paper the team chose in the settings (no paper choice for the public).
 */
export function SheetDialog({ catalogue }: { catalogue: PortalCatalogue }) {
  const { t } = useT('portal');
  const [paper, setPaper] = useState<PrintLayout>('a4');
  useEffect(() => {
    void getPrintLayout()
      .then((l) => setPaper(PAPER[l]))
      .catch(() => undefined);
  }, []);
  const link = visibleLinks(catalogue, 'kiosk').find((l) => l.id === openLinkId.value);
  if (!link) return null;
  const close = () => (openLinkId.value = undefined);
  return (
    <Modal labelledBy="kiosk-sheet-title" onClose={close} wide testId="kiosk-sheet">
      <div class="kiosk-sheet__top no-print">
        <button type="button" class="btn btn-big kiosk-sheet__close" onClick={close} data-testid="sheet-close">
          <span aria-hidden="true">✕</span> {t('close')}
        </button>
      </div>
      <LinkSheet link={link} headingId="kiosk-sheet-title" paper={paper} listen={(text, lang) => <ReadAloud text={text} lang={lang} />} />
    </Modal>
  );
}
