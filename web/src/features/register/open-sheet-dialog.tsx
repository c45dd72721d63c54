import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client.ts';
import type { PoliceRank } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError, ErrorNotice, Loading } from '../../components/notices.tsx';
import { spelled } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { policeRanks, todayIst } from './register-shared.ts';

/** Persons a history sheet may be opened on: never a victim, witness, guardian or informant (the service says so too). */
export const sheetRoles: ReadonlySet<string> = new Set(['accused', 'trafficker', 'buyer']);

/**
 * Open a history sheet on one person record: the state's rule (category), the confidential grounds, whether the
 * person was ever convicted, and the officer who ordered the entry (the rule sets the minimum rank). The server
 * checks rank, the no-children rule and one open sheet per person per agency.
 */
export function OpenSheetDialog({
  personId,
  personName,
  onClose,
}: {
  personId: string;
  personName: string;
  onClose: () => void;
}) {
  const [, navigate] = useLocation();
  const rules = useResource((signal) => api.historySheetRules(signal), 'history-sheet-rules');
  const [ruleId, setRuleId] = useState('');
  const [grounds, setGrounds] = useState('');
  const [convicted, setConvicted] = useState(false);
  const [orderedBy, setOrderedBy] = useState('');
  const [rank, setRank] = useState<PoliceRank | ''>('');
  const [openedOn, setOpenedOn] = useState(todayIst());
  const [checked, setChecked] = useState(false);
  const open = useAction(api.openHistorySheet);
  const rule = rules.data?.items.find((r) => r.id === ruleId);

  const need = (ok: boolean, msg: string) => (checked && !ok ? msg : undefined);
  const ruleError = need(ruleId !== '', t('validation.required')) ?? issueFor(open.error, 'rule_id');
  const groundsError =
    need(grounds.trim().length >= 20, t('sheet.groundsShort')) ?? issueFor(open.error, 'grounds');
  const orderedError =
    need(orderedBy.trim().length >= 3, t('validation.required')) ?? issueFor(open.error, 'ordered_by_name');
  const rankError = need(rank !== '', t('validation.required')) ?? issueFor(open.error, 'ordered_by_rank');
  const dateError = need(openedOn !== '', t('validation.required')) ?? issueFor(open.error, 'opened_on');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!ruleId || grounds.trim().length < 20 || orderedBy.trim().length < 3 || !rank || !openedOn) return;
    const sheet = await open.run({
      person_id: personId,
      rule_id: ruleId,
      grounds: grounds.trim(),
      convicted,
      ordered_by_name: orderedBy.trim(),
      ordered_by_rank: rank,
      opened_on: openedOn,
    });
    if (sheet) navigate(`/register/${sheet.id}`);
  }

  return (
    <Dialog title={t('sheet.openTitle', { name: personName })} onClose={onClose} size="wide">
      {rules.state === 'loading' && <Loading />}
      {rules.state === 'error' && <ErrorNotice error={rules.error} />}
      {rules.state === 'ready' && (
        <form onSubmit={onSubmit} noValidate className="dialog-form">
          <p className="notice notice-protected">{t('sheet.confidentialNote')}</p>
          <Field id="hs-rule" label={t('sheet.rule')} error={ruleError} required>
            <select
              {...controlProps('hs-rule', ruleError)}
              value={ruleId}
              onChange={(e) => setRuleId(e.target.value)}
            >
              <option value="">{t('sheet.chooseRule')}</option>
              {rules.data.items.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </Field>
          {rule && (
            <p className="field-hint">
              {t('sheet.ruleDetail', {
                rank: tValue('rank', rule.min_rank),
                review: rule.review_months ? t('sheet.reviewEvery', { months: rule.review_months }) : '—',
                source: rule.source,
              })}
              {rule.tag === 'U' && ` ${t('sheet.ruleUnverified')}`}
            </p>
          )}
          <Field
            id="hs-grounds"
            label={t('sheet.grounds')}
            error={groundsError}
            hint={t('sheet.groundsHint')}
            required
          >
            <textarea
              {...controlProps('hs-grounds', groundsError, t('sheet.groundsHint'))}
              rows={4}
              maxLength={4000}
              value={grounds}
              onChange={(e) => setGrounds(e.target.value)}
            />
          </Field>
          <label className="check-line">
            <input type="checkbox" checked={convicted} onChange={(e) => setConvicted(e.target.checked)} />{' '}
            {t('sheet.convicted')}
          </label>
          <div className="form-grid form-grid-3">
            <Field id="hs-ordered" label={t('sheet.orderedBy')} error={orderedError} required>
              <input
                type="text"
                {...controlProps('hs-ordered', orderedError)}
                value={orderedBy}
                maxLength={200}
                autoComplete="off"
                onChange={(e) => setOrderedBy(e.target.value)}
              />
            </Field>
            <Field id="hs-rank" label={t('sheet.rank')} error={rankError} required>
              <select
                {...controlProps('hs-rank', rankError)}
                value={rank}
                onChange={(e) => setRank(e.target.value as PoliceRank | '')}
              >
                <option value="">{t('sheet.chooseRank')}</option>
                {policeRanks.map((r) => (
                  <option key={r} value={r}>
                    {tValue('rank', r)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id="hs-opened"
              label={t('sheet.openedOn')}
              error={dateError}
              hint={spelled(openedOn)}
              required
            >
              <input
                type="date"
                {...controlProps('hs-opened', dateError, spelled(openedOn))}
                value={openedOn}
                onChange={(e) => setOpenedOn(e.target.value)}
              />
            </Field>
          </div>
          <ActionError error={open.error?.issues.length ? null : open.error} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={open.busy}>
              {open.busy ? t('common.saving') : t('sheet.open')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
