import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError } from '../../components/notices.tsx';
import { t } from '../../i18n/t.ts';

/**
 * Watch a person: an alert (to the watcher only) whenever a new record of this person joins the profile, in any
 * agency. The reason is kept with the watch and in the audit log.
 */
export function WatchPersonDialog({
  profileId,
  name,
  onClose,
}: {
  profileId: string;
  name: string;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const [checked, setChecked] = useState(false);
  const watch = useAction(api.addWatch);
  const reasonError =
    (checked && reason.trim().length < 5 ? t('watchPerson.reasonShort') : undefined) ??
    issueFor(watch.error, 'reason') ??
    issueFor(watch.error, 'profile_id');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (reason.trim().length < 5) return;
    if (await watch.run({ profile_id: profileId, reason: reason.trim() })) setDone(true);
  }

  return (
    <Dialog title={t('watchPerson.title', { name })} onClose={onClose}>
      {done ? (
        <>
          <p>{t('watchPerson.done')}</p>
          <div className="dialog-actions">
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate className="dialog-form">
          <p className="field-hint">{t('watchPerson.explain')}</p>
          <Field id="wp-reason" label={t('watchPerson.reason')} error={reasonError} required>
            <input
              type="text"
              {...controlProps('wp-reason', reasonError)}
              value={reason}
              maxLength={500}
              autoComplete="off"
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <ActionError error={watch.error?.issues.length ? null : watch.error} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={watch.busy}>
              {watch.busy ? t('common.saving') : t('watchPerson.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
