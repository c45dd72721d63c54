import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { type IdentifierKind, identifierKinds, type WarningListEntry } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError, Done, ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useUser } from '../auth/session.tsx';
import { GridTabs } from '../screening/grid-tabs.tsx';

/**
 * Values that must never correlate (helplines 100/112/1098, a police station's own number, test numbers):
 * national entries, set by system administrators, and the agency's own, set by its administrators. Also the
 * thresholds above which a value is too common to link.
 */
export function WarningListPage() {
  const user = useUser();
  const isSystemAdmin = user.role === 'system_admin';
  const [version, setVersion] = useState(0);
  const list = useResource((signal) => api.warningList(signal), `warning-list:${version}`);
  const [removing, setRemoving] = useState<WarningListEntry | null>(null);
  const remove = useAction(async (entryId: string) => {
    await api.removeWarningEntry(entryId);
    return true;
  });
  useDocumentTitle(t('warningList.title'));
  const mayRemove = (e: WarningListEntry) => e.scope === 'agency' || isSystemAdmin;
  return (
    <div className="page page-form">
      <GridTabs />
      <div className="page-header">
        <div>
          <h1>{t('warningList.title')}</h1>
          <p className="page-sub">{t('warningList.subtitle')}</p>
        </div>
      </div>
      <div className="stack">
        <section className="panel" aria-labelledby="sec-wl">
          <h2 id="sec-wl">
            {t('warningList.entries')} {list.data && <span className="count">{list.data.items.length}</span>}
          </h2>
          {/* The form first: a fresh installation already lists the national helplines, which would push it
              below the fold on a station PC's screen. */}
          <AddEntryForm national={isSystemAdmin} onAdded={() => setVersion((v) => v + 1)} />
          {list.state === 'loading' && <Loading />}
          {list.state === 'error' && <ErrorNotice error={list.error} />}
          {list.state === 'ready' &&
            (list.data.items.length === 0 ? (
              <p className="muted">{t('warningList.none')}</p>
            ) : (
              <div className="table-scroll-x">
                <table className="data-table compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('warningList.scope')}</th>
                      <th scope="col">{t('identifier.kind')}</th>
                      <th scope="col">{t('identifier.value')}</th>
                      <th scope="col">{t('warningList.reason')}</th>
                      <th scope="col">{t('warningList.added')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((e) => (
                      <tr key={e.id}>
                        <td>
                          {e.scope === 'national' ? t('warningList.national') : (e.agency?.name ?? '—')}
                        </td>
                        <td>{tValue('identifier', e.kind)}</td>
                        <td>
                          <code>{e.value}</code>
                        </td>
                        <td>{e.reason}</td>
                        <td className="nowrap">{formatDate(e.created_at)}</td>
                        <td className="row-actions">
                          {mayRemove(e) && (
                            <button type="button" className="btn btn-small" onClick={() => setRemoving(e)}>
                              {t('warningList.remove')}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
        </section>
        <ThresholdsPanel editable={isSystemAdmin} />
      </div>
      {removing && (
        <ConfirmDialog
          title={t('warningList.removeTitle')}
          confirmLabel={t('warningList.remove')}
          busy={remove.busy}
          error={remove.error}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            if (await remove.run(removing.id)) {
              setRemoving(null);
              setVersion((v) => v + 1);
            }
          }}
        >
          {t('warningList.removeBody', { value: removing.value })}
        </ConfirmDialog>
      )}
    </div>
  );
}

function AddEntryForm({ national, onAdded }: { national: boolean; onAdded: () => void }) {
  const [kind, setKind] = useState<IdentifierKind>('phone');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<'agency' | 'national'>('agency');
  const add = useAction(api.addWarningEntry);
  const [added, setAdded] = useState<string | null>(null);
  const valueError = issueFor(add.error, 'value');
  const reasonError = issueFor(add.error, 'reason');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const entry = await add.run({ kind, value: value.trim(), reason: reason.trim(), scope });
    if (entry) {
      setAdded(entry.value);
      setValue('');
      setReason('');
      onAdded();
    }
  }
  return (
    <form className="watch-form" onSubmit={onSubmit} noValidate aria-label={t('warningList.add')}>
      <h3 className="sub-heading">{t('warningList.add')}</h3>
      <div className="watch-form-grid">
        <Field id="wl-kind" label={t('identifier.kind')}>
          <select id="wl-kind" value={kind} onChange={(e) => setKind(e.target.value as IdentifierKind)}>
            {identifierKinds.map((k) => (
              <option key={k} value={k}>
                {tValue('identifier', k)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="wl-value" label={t('identifier.value')} error={valueError}>
          <input
            type="text"
            {...controlProps('wl-value', valueError)}
            value={value}
            maxLength={500}
            autoComplete="off"
            onChange={(e) => setValue(e.target.value)}
          />
        </Field>
        <Field id="wl-reason" label={t('warningList.reason')} error={reasonError}>
          <input
            type="text"
            {...controlProps('wl-reason', reasonError)}
            value={reason}
            maxLength={500}
            autoComplete="off"
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      </div>
      {national && (
        <fieldset className="radio-field">
          <legend>{t('warningList.scope')}</legend>
          <label className="check-line">
            <input
              type="radio"
              name="wl-scope"
              checked={scope === 'agency'}
              onChange={() => setScope('agency')}
            />{' '}
            {t('warningList.scopeAgency')}
          </label>
          <label className="check-line">
            <input
              type="radio"
              name="wl-scope"
              checked={scope === 'national'}
              onChange={() => setScope('national')}
            />{' '}
            {t('warningList.scopeNational')}
          </label>
        </fieldset>
      )}
      <ActionError error={add.error?.issues.length ? null : add.error} />
      {added && <Done>{t('warningList.addedNotice', { value: added })}</Done>}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={add.busy || !value.trim() || reason.trim().length < 5}
        >
          {add.busy ? t('common.saving') : t('warningList.addButton')}
        </button>
      </div>
    </form>
  );
}

function ThresholdsPanel({ editable }: { editable: boolean }) {
  const [version, setVersion] = useState(0);
  const settings = useResource((signal) => api.gridSettings(signal), `grid-settings:${version}`);
  const [cases, setCases] = useState('');
  const [agencies, setAgencies] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useAction(api.updateGridSettings);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const next = await save.run({
      ...(cases ? { common_value_cases: Number(cases) } : {}),
      ...(agencies ? { common_value_agencies: Number(agencies) } : {}),
    });
    if (next) {
      setCases('');
      setAgencies('');
      setSaved(true);
      setVersion((v) => v + 1);
    }
  }
  return (
    <section className="panel" aria-labelledby="sec-thresholds">
      <h2 id="sec-thresholds">{t('warningList.thresholds')}</h2>
      {settings.state === 'loading' && <Loading />}
      {settings.state === 'error' && <ErrorNotice error={settings.error} />}
      {settings.state === 'ready' && (
        <p>
          {t('warningList.thresholdsBody', {
            cases: settings.data.common_value_cases,
            agencies: settings.data.common_value_agencies,
          })}
        </p>
      )}
      {saved && <Done>{t('warningList.thresholdsSaved')}</Done>}
      {editable && settings.state === 'ready' && (
        <form className="toolbar-form page-notice" onSubmit={onSubmit} noValidate>
          <Field
            id="gs-cases"
            label={t('warningList.casesThreshold')}
            error={issueFor(save.error, 'common_value_cases')}
          >
            <input
              type="text"
              inputMode="numeric"
              {...controlProps('gs-cases', issueFor(save.error, 'common_value_cases'))}
              placeholder={String(settings.data.common_value_cases)}
              value={cases}
              onChange={(e) => setCases(e.target.value.replace(/\D/g, ''))}
            />
          </Field>
          <Field
            id="gs-agencies"
            label={t('warningList.agenciesThreshold')}
            error={issueFor(save.error, 'common_value_agencies')}
          >
            <input
              type="text"
              inputMode="numeric"
              {...controlProps('gs-agencies', issueFor(save.error, 'common_value_agencies'))}
              placeholder={String(settings.data.common_value_agencies)}
              value={agencies}
              onChange={(e) => setAgencies(e.target.value.replace(/\D/g, ''))}
            />
          </Field>
          <button type="submit" className="btn btn-small" disabled={save.busy || (!cases && !agencies)}>
            {save.busy ? t('common.saving') : t('common.save')}
          </button>
        </form>
      )}
      {editable && <ActionError error={save.error?.issues.length ? null : save.error} />}
    </section>
  );
}
