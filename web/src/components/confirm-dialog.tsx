import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { t } from '../i18n/t.ts';
import { Dialog } from './dialog.tsx';
import { ActionError } from './notices.tsx';

/** "Are you sure?" for an act that is hard to undo (disable an account, reset its second factor). */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  error: ApiError | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="dialog-form">
        <div>{children}</div>
        <ActionError error={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={onConfirm}>
            {busy ? t('common.saving') : confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
