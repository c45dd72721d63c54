import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Case, CaseTransfer } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { type AgencyChoice, AgencyPicker } from '../../components/agency-picker.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError } from '../../components/notices.tsx';
import { t } from '../../i18n/t.ts';
import { useCan } from '../auth/permissions.ts';
import { ConsentGate } from './consent-gate.tsx';

const minText = 15;

/** Police units a case is transferred to (the server checks the same list). */
const transferKinds = ['police_station', 'ahtu', 'cyber_cell', 'cid', 'cbi'] as const;

/**
 * Transfer the case to the station with jurisdiction (a zero FIR, BNSS s.173(1)). As for a referral, the
 * children's and guardians' consent to the transfer must be on record first; a station house officer or
 * supervisor may go ahead without it, giving a reason that is kept with the transfer.
 */
export function TransferDialog({
  c,
  onClose,
  onTransferred,
}: {
  c: Case;
  onClose: () => void;
  onTransferred: (t: CaseTransfer) => void;
}) {
  const canOverride = useCan('consent:override') === true;
  const [agency, setAgency] = useState<AgencyChoice | null>(null);
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const transfer = useAction(api.transfer.bind(null, c.id));

  const agencyError =
    (checked && !agency ? t('validation.required') : undefined) ?? issueFor(transfer.error, 'to_agency_id');
  const reasonError =
    (checked && reason.trim().length < minText ? t('transfer.reasonShort', { n: minText }) : undefined) ??
    issueFor(transfer.error, 'reason');
  const overrideError =
    (checked && override !== null && override.trim().length < minText
      ? t('refer.overrideShort', { n: minText })
      : undefined) ?? issueFor(transfer.error, 'consent_override_reason');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!agency || reason.trim().length < minText) return;
    if (override !== null && override.trim().length < minText) return;
    const done = await transfer.run({
      to_agency_id: agency.id,
      reason: reason.trim(),
      consent_override_reason: override?.trim() || undefined,
    });
    if (done) onTransferred(done);
  }

  return (
    <Dialog title={t('transfer.title')} onClose={onClose} size="wide">
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <p className="field-hint">{t('transfer.lead', { agency: c.agency.name })}</p>
        <AgencyPicker
          id="tf-agency"
          label={t('transfer.toAgency')}
          value={agency}
          onChange={setAgency}
          exclude={[c.agency.id]}
          kinds={transferKinds}
          error={agencyError}
          hint={t('transfer.toAgencyHint')}
          required
        />
        <Field
          id="tf-reason"
          label={t('transfer.reason')}
          error={reasonError}
          hint={t('transfer.reasonHint')}
          required
        >
          <textarea
            {...controlProps('tf-reason', reasonError, t('transfer.reasonHint'))}
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>

        <ConsentGate
          id="tf-override"
          error={transfer.error}
          canOverride={canOverride}
          override={override}
          onOverride={setOverride}
          overrideError={overrideError}
          text={{
            missing: 'transfer.consentMissing',
            how: 'transfer.consentHow',
            howOverride: 'transfer.consentHowOverride',
            overrideStart: 'transfer.overrideStart',
            overrideReason: 'transfer.overrideReason',
            overrideHint: 'transfer.overrideHint',
          }}
        />
        {transfer.error && transfer.error.code !== 'consent_required' && (
          <ActionError error={transfer.error} />
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={transfer.busy}>
            {transfer.busy
              ? t('common.sending')
              : override !== null
                ? t('transfer.submitOverride')
                : t('transfer.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
