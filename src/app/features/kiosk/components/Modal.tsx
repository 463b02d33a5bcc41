import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** A native modal dialog: focus kept inside, Escape closes, the page behind is inert. */
export function Modal({ labelledBy, onClose, children, wide = false, testId }: { labelledBy: string; onClose: () => void; children: ComponentChildren; wide?: boolean; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.open && d.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class={`kiosk-dialog${wide ? ' kiosk-dialog--wide' : ''}`}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid={testId}
    >
      {children}
    </dialog>
  );
}
