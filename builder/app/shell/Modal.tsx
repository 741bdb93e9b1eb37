import { useEffect, useRef, type ReactNode } from 'react';

/** A native modal <dialog>: focus is trapped and Escape closes it, with no script of our own for either. */
export function Modal({ label, onClose, children, className }: { label: string; onClose: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    const restore = document.activeElement as HTMLElement | null;
    return () => {
      if (dialog.open) dialog.close();
      restore?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      className={`modal ${className ?? ''}`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
