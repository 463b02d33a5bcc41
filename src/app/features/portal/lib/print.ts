import { ROLLS, printableWidthPx, rollPageRule, setPageStyle } from '../../../shell/print-size.ts';

/** Paper the checklist is printed on: an A4 page, or the roll of a portable receipt printer. */
export type PrintLayout = 'a4' | '80' | '58';

const STYLE_ID = 'checklist-page-size';

/**
 * The height the `.print-area` will have on the roll: a hidden copy laid out at the roll's
 * printable width with the print styles of portal.css (`.print-probe`).
 */
function heightOnRoll(area: HTMLElement, layout: '80' | '58'): number {
  const probe = area.cloneNode(true) as HTMLElement;
  probe.classList.add('print-probe');
  probe.dataset.probe = layout;
  probe.removeAttribute('id');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.inlineSize = `${printableWidthPx(ROLLS[layout])}px`;
  document.body.append(probe);
  const h = probe.getBoundingClientRect().height;
  probe.remove();
  return h;
}

/** The @page rule for printing this area on this paper: A4, or a roll exactly as long as the content. */
export function checklistPageRule(area: HTMLElement | null, layout: PrintLayout): string {
  if (layout === 'a4' || !area) return '@page { size: A4; margin: 15mm; }';
  return rollPageRule(ROLLS[layout], heightOnRoll(area, layout));
}

/**
 * Prints the `.print-area` of the page on the chosen paper. The @page rule cannot be switched
 * by a class, so a short-lived <style> carries it; everything is undone after printing.
 */
export function printChecklist(layout: PrintLayout): void {
  const remove = setPageStyle(STYLE_ID, checklistPageRule(document.querySelector<HTMLElement>('.print-area'), layout));
  document.documentElement.dataset.print = layout;
  const done = () => {
    remove();
    delete document.documentElement.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // Some browsers print synchronously and never fire afterprint.
  setTimeout(done, 60_000);
}
