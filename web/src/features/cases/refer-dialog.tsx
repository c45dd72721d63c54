import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { type Case, type Disclosure, type FieldGroup, fieldGroups } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { type AgencyChoice, AgencyPicker } from '../../components/agency-picker.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { FieldGroupChoice } from '../../components/field-groups.tsx';
import { ActionError } from '../../components/notices.tsx';
import { t } from '../../i18n/t.ts';
import { useCan } from '../auth/permissions.ts';
import { ConsentGate } from './consent-gate.tsx';

const minText = 15;

/**
 * Refer the case to another agency (a CWC, a DCPU, a court) with the parts it needs. The children's and
 * guardians' consent must be on record first; a station house officer or supervisor may go ahead without it,
 * giving a reason that is kept with the referral.
 */
export function ReferDialog({
  c,
  onClose,
  onReferred,
}: {
  c: Case;
  onClose: () => void;
  onReferred: (d: Disclosure) => void;
}) {
  const canOverride = useCan('consent:override') === true;
  const [agency, setAgency] = useState<AgencyChoice | null>(null);
  const [fields, setFields] = useState<FieldGroup[]>([...fieldGroups]);
  const [purpose, setPurpose] = useState('');
  const [expires, setExpires] = useState('');
  const [override, setOverride] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const refer = useAction(api.refer.bind(null, c.id));

  const agencyError =
    (checked && !agency ? t('validation.required') : undefined) ?? issueFor(refer.error, 'to_agency_id');
  const purposeError =
    (checked && purpose.trim().length < minText ? t('disclosure.purposeShort', { n: minText }) : undefined) ??
    issueFor(refer.error, 'purpose');
  const overrideError =
    (checked && override !== null && override.trim().length < minText
      ? t('refer.overrideShort', { n: minText })
      : undefined) ?? issueFor(refer.error, 'consent_override_reason');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!agency || purpose.trim().length < minText) return;
    if (override !== null && override.trim().length < minText) return;
    const done = await refer.run({
      to_agency_id: agency.id,
      purpose: purpose.trim(),
      fields,
      expires_at: expires ? `${expires}T23:59:59+05:30` : undefined,
      consent_override_reason: override?.trim() || undefined,
    });
    if (done) onReferred(done);
  }

  return (
    <Dialog title={t('refer.title')} onClose={onClose} size="wide">
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <p className="field-hint">{t('refer.lead', { agency: c.agency.name })}</p>
        <AgencyPicker
          id="rf-agency"
          label={t('refer.toAgency')}
          value={agency}
          onChange={setAgency}
          exclude={[c.agency.id]}
          error={agencyError}
          hint={t('refer.toAgencyHint')}
          required
        />
        <FieldGroupChoice
          legend={t('refer.fields')}
          value={fields}
          onChange={setFields}
          hint={t('fieldGroup.hint')}
          error={issueFor(refer.error, 'fields')}
        />
        <Field
          id="rf-purpose"
          label={t('refer.purpose')}
          error={purposeError}
          hint={t('refer.purposeHint')}
          required
        >
          <textarea
            {...controlProps('rf-purpose', purposeError, t('refer.purposeHint'))}
            rows={2}
            maxLength={1000}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </Field>
        <Field
          id="rf-expires"
          label={t('refer.expires')}
          hint={t('refer.expiresHint')}
          className="field-date"
          error={issueFor(refer.error, 'expires_at')}
        >
          <input
            type="date"
            {...controlProps('rf-expires', issueFor(refer.error, 'expires_at'), t('refer.expiresHint'))}
            value={expires}
            onChange={(e) => setExpires(e.target.value)}
          />
        </Field>

        <ConsentGate
          id="rf-override"
          error={refer.error}
          canOverride={canOverride}
          override={override}
          onOverride={setOverride}
          overrideError={overrideError}
          text={{
            missing: 'refer.consentMissing',
            how: 'refer.consentHow',
            howOverride: 'refer.consentHowOverride',
            overrideStart: 'refer.overrideStart',
            overrideReason: 'refer.overrideReason',
            overrideHint: 'refer.overrideHint',
          }}
        />
        {refer.error && refer.error.code !== 'consent_required' && <ActionError error={refer.error} />}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={refer.busy}>
            {refer.busy
              ? t('common.sending')
              : override !== null
                ? t('refer.submitOverride')
                : t('refer.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
