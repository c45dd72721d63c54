import { type ReactNode, useEffect, useId, useRef } from 'react';
import { t } from '../i18n/t.ts';

/**
 * A modal dialog on the browser's own `<dialog>`: focus stays inside, Escape closes, the page behind is inert.
 * The parent mounts it to open it and unmounts it (in `onClose`) to close it.
 * @example {open && <Dialog title="Reveal identity" onClose={() => setOpen(false)}>…</Dialog>}
 */
export function Dialog({
  title,
  onClose,
  children,
  size = 'medium',
  tone,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  size?: 'medium' | 'wide';
  tone?: 'protected';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}${tone ? ` dialog-${tone}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-ghost btn-small dialog-close" onClick={onClose}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t('common.close')}</span>
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
