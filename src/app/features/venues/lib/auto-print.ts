import { useEffect, useRef } from 'preact/hooks';

/**
 * "Imprimer la fiche" after saving a record is one tap: the slip opens with `?imprimer=1` and
 * asks the browser to print once, as soon as everything it shows is there.
 */
export function useAutoPrint(wanted: boolean, ready: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (!wanted || !ready || done.current) return;
    done.current = true;
    // after the paint, so the print preview holds the whole slip
    requestAnimationFrame(() => setTimeout(() => window.print(), 0));
  }, [wanted, ready]);
}
