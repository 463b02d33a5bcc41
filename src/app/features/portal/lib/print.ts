/** Paper the checklist is printed on: an A4 page, or the roll of a portable receipt printer. */
export type PrintLayout = 'a4' | '80' | '58';

// CSS page sizes need both lengths; a receipt printer's driver cuts the roll after the content.
const PAGE: Record<PrintLayout, string> = {
  a4: '@page { size: A4; margin: 15mm; }',
  '80': '@page { size: 80mm 200mm; margin: 3mm; }',
  '58': '@page { size: 58mm 200mm; margin: 2mm; }',
};

/**
 * Prints the `.print-area` of the page on the chosen paper. The @page rule cannot be switched
 * by a class, so a short-lived <style> carries it; everything is undone after printing.
 */
export function printChecklist(layout: PrintLayout): void {
  const style = document.createElement('style');
  style.textContent = PAGE[layout];
  document.head.append(style);
  document.documentElement.dataset.print = layout;
  const done = () => {
    style.remove();
    delete document.documentElement.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // Some browsers print synchronously and never fire afterprint.
  setTimeout(done, 60_000);
}
