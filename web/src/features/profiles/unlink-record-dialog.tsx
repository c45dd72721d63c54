import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ProfileUnlink } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { t } from '../../i18n/t.ts';

/**
 * "Not this person": takes a record out of the profile, after the officer says why. The record gets a profile of
 * its own (with the copies a case transfer made of it), and the model will not link it back; the reason goes to
 * the audit log and stays with the decision in the review queue.
 */
export function UnlinkRecordDialog({
  profileId,
  personId,
  name,
  agency,
  onClose,
  onDone,
}: {
  profileId: string;
  personId: string;
  name: string;
  agency: string;
  onClose: () => void;
  onDone: (result: ProfileUnlink) => void;
}) {
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const unlink = useAction(api.unlinkProfileMember);
  const reasonError =
    (checked && reason.trim().length < 10 ? t('unlink.reasonShort') : undefined) ??
    issueFor(unlink.error, 'reason');

  async function onConfirm() {
    setChecked(true);
    if (reason.trim().length < 10) return;
    const result = await unlink.run(profileId, personId, { reason: reason.trim() });
    if (result) onDone(result);
  }

  return (
    <ConfirmDialog
      title={t('unlink.title', { name })}
      confirmLabel={t('unlink.submit')}
      busy={unlink.busy}
      error={unlink.error?.issues.length ? null : unlink.error}
      onClose={onClose}
      onConfirm={onConfirm}
    >
      <div className="stack">
        <p>{t('unlink.explain', { name, agency })}</p>
        <Field
          id="unlink-reason"
          label={t('unlink.reason')}
          error={reasonError}
          hint={t('unlink.reasonHint')}
          required
        >
          <textarea
            rows={3}
            {...controlProps('unlink-reason', reasonError, t('unlink.reasonHint'))}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      </div>
    </ConfirmDialog>
  );
}
