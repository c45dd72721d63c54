import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { type Disclosure, type FieldGroup, fieldGroups, type Hit } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { FieldGroupChoice } from '../../components/field-groups.tsx';
import { ActionError } from '../../components/notices.tsx';
import { t, tValue } from '../../i18n/t.ts';

const minPurpose = 15;

/**
 * Ask the agency that owns a hit's record to disclose it: why (the purpose), for which of our cases, and
 * which parts. The owner sees exactly this text when deciding; it is also kept in the audit log.
 */
export function RequestDisclosureDialog({
  hit,
  caseReference,
  matchedOn,
  onClose,
  onFiled,
}: {
  hit: Hit;
  caseReference?: string;
  /** What matched, when it was not an identifier (a person found by screening). */
  matchedOn?: string;
  onClose: () => void;
  onFiled: (disclosure: Disclosure) => void;
}) {
  const [purpose, setPurpose] = useState('');
  const [reference, setReference] = useState(caseReference ?? '');
  const [fields, setFields] = useState<FieldGroup[]>([...fieldGroups]);
  const [checked, setChecked] = useState(false);
  const file = useAction(api.requestDisclosure);
  const purposeError =
    (checked && purpose.trim().length < minPurpose
      ? t('disclosure.purposeShort', { n: minPurpose })
      : undefined) ?? issueFor(file.error, 'purpose');
  const referenceError =
    (checked && !reference.trim() ? t('validation.required') : undefined) ??
    issueFor(file.error, 'case_reference');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (purpose.trim().length < minPurpose || !reference.trim()) return;
    const filed = await file.run({
      record_kind: 'case',
      record_id: hit.record_id,
      purpose: purpose.trim(),
      case_reference: reference.trim(),
      fields,
    });
    if (filed) onFiled(filed);
  }

  return (
    <Dialog title={t('disclosure.requestTitle')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <div className="hit-summary">
          <div>
            <span className="muted">{t('hit.owner')}</span> <strong>{hit.agency.name}</strong>{' '}
            <span className="muted">({hit.agency.code})</span>
          </div>
          <div>
            <span className="muted">{t('hit.matchedOn')}</span>{' '}
            {matchedOn ?? `${tValue('identifier', hit.match.kind)} · ${tValue('strength', hit.strength)}`}
          </div>
        </div>
        <Field
          id="dr-purpose"
          label={t('disclosure.purpose')}
          error={purposeError}
          hint={t('disclosure.purposeHint')}
          required
        >
          <textarea
            {...controlProps('dr-purpose', purposeError, t('disclosure.purposeHint'))}
            rows={3}
            value={purpose}
            maxLength={1000}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </Field>
        <Field
          id="dr-reference"
          label={t('disclosure.caseReference')}
          error={referenceError}
          hint={t('disclosure.caseReferenceHint')}
          required
        >
          <input
            type="text"
            {...controlProps('dr-reference', referenceError, t('disclosure.caseReferenceHint'))}
            value={reference}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => setReference(e.target.value)}
          />
        </Field>
        <FieldGroupChoice
          legend={t('disclosure.fieldsRequested')}
          value={fields}
          onChange={setFields}
          hint={t('fieldGroup.hint')}
          error={issueFor(file.error, 'fields')}
        />
        <p className="field-hint">{t('disclosure.loggedNote')}</p>
        <ActionError error={file.error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={file.busy}>
            {file.busy ? t('common.sending') : t('disclosure.send')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
