import { useT } from '../../../i18n/use-t.ts';
import { visibleLinks } from '../../../../shared/portal/localise.ts';
import type { PortalCatalogue } from '../../../../shared/portal/schema.ts';
import { LinkSheet } from '../../portal/components/LinkSheet.tsx';
import { openLinkId } from '../lib/state.ts';
import { Modal } from './Modal.tsx';
import { ReadAloud } from './ReadAloud.tsx';

/** A site's sheet over the kiosk portal, with read-aloud. Only public entries can be opened. */
export function SheetDialog({ catalogue }: { catalogue: PortalCatalogue }) {
  const { t } = useT('portal');
  const link = visibleLinks(catalogue, 'kiosk').find((l) => l.id === openLinkId.value);
  if (!link) return null;
  const close = () => (openLinkId.value = undefined);
  return (
    <Modal labelledBy="kiosk-sheet-title" onClose={close} wide testId="kiosk-sheet">
      <LinkSheet link={link} headingId="kiosk-sheet-title" listen={(text, lang) => <ReadAloud text={text} lang={lang} />} />
      <p class="kiosk-dialog__actions no-print">
        <button type="button" class="btn btn-big" onClick={close} data-testid="sheet-close">
          {t('close')}
        </button>
      </p>
    </Modal>
  );
}
