import { type FormEvent, Fragment, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { Consent, Person, RevealedIdentity } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { type AgencyChoice, AgencyPicker } from '../../components/agency-picker.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError, ErrorNotice, Loading } from '../../components/notices.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useSession } from '../auth/session.tsx';

/** How long a revealed identity stays on screen before it hides itself. */
const revealSeconds = 180;
const minRevealPurpose = 10;

interface Revealed {
  identity: RevealedIdentity;
  purpose: string;
  at: Date;
}

/** Icon of the protected panels: a shield. */
export function ShieldIcon() {
  return (
    <svg className="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M8 1 2.5 3v4.2c0 3.4 2.3 6.3 5.5 7.3 3.2-1 5.5-3.9 5.5-7.3V3L8 1z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
    </svg>
  );
}

/**
 * Victims and child witnesses: by pseudonym, gender and age band only. A permitted role reveals one identity
 * at a time with a stated purpose (logged, and listed here for the owning agency); the owning agency records
 * the child's and the guardian's consent before a referral.
 */
export function ProtectedPersons({
  persons,
  canReveal,
  isOwner,
  canRecordConsent,
  consentVersion,
  onConsentChanged,
}: {
  persons: Person[];
  canReveal: boolean;
  /** The caller's agency owns the case (or is above it): it sees the reveal log and the consents. */
  isOwner: boolean;
  canRecordConsent: boolean;
  consentVersion: number;
  onConsentChanged: () => void;
}) {
  const [revealFor, setRevealFor] = useState<Person | null>(null);
  const [consentFor, setConsentFor] = useState<Person | null>(null);
  const [revealed, setRevealed] = useState<Record<string, Revealed>>({});
  const [logOpen, setLogOpen] = useState<Record<string, boolean>>({});
  const [logVersion, setLogVersion] = useState(0);
  const witnesses = persons.some((p) => p.role !== 'victim');
  const hide = (id: string) =>
    setRevealed((r) => {
      const { [id]: _, ...rest } = r;
      return rest;
    });
  const columns = 4 + (isOwner ? 1 : 0);

  return (
    <section className="panel panel-protected" aria-labelledby="sec-victims">
      <h2 id="sec-victims">
        <ShieldIcon />
        {witnesses ? t('case.victimsAndWitnesses') : t('case.victims')}{' '}
        <span className="count">{persons.length}</span>
      </h2>
      <p className="protected-note">{t('case.victimsNote')}</p>
      {persons.length === 0 ? (
        <p className="muted">{t('case.noVictims')}</p>
      ) : (
        <table className="data-table protected-table">
          <thead>
            <tr>
              <th scope="col" className="col-pseudonym">
                {t('person.pseudonym')}
              </th>
              <th scope="col" className="col-gender">
                {t('person.genderAgeBand')}
              </th>
              <th scope="col">{t('person.identifiers')}</th>
              {isOwner && (
                <th scope="col" className="col-consent">
                  {t('consent.column')}
                </th>
              )}
              <th scope="col" className="col-actions">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {persons.map((p) => {
              const shown = revealed[p.id];
              return (
                <Fragment key={p.id}>
                  <tr className={shown ? 'is-revealed' : undefined}>
                    <th scope="row" className="pseudonym-cell">
                      <code className="pseudonym">{p.full_name}</code>
                      {p.role !== 'victim' && (
                        <span className="tag tag-small">{t('person.childWitness')}</span>
                      )}
                    </th>
                    <td className="gender-age">
                      <span>{p.gender ? tValue('gender', p.gender) : '—'}</span>
                      <span>{p.age_band ? t('person.ageBand', { band: p.age_band }) : '—'}</span>
                    </td>
                    <td>
                      {p.identifiers?.length ? (
                        <ul className="identifier-inline">
                          {p.identifiers.map((i) => (
                            <li key={i.id}>
                              <span className="id-kind">{tValue('identifier', i.kind)}</span>{' '}
                              <span className="masked">{t('person.protectedValue')}</span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        '—'
                      )}
                    </td>
                    {isOwner && (
                      <td>
                        <ConsentSummary
                          personId={p.id}
                          version={consentVersion}
                          onRecord={canRecordConsent ? () => setConsentFor(p) : undefined}
                        />
                      </td>
                    )}
                    <td className="row-actions">
                      {canReveal &&
                        (shown ? (
                          <button type="button" className="btn btn-small" onClick={() => hide(p.id)}>
                            {t('reveal.hide')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="btn btn-small btn-protected"
                            onClick={() => setRevealFor(p)}
                          >
                            {t('reveal.button')}
                          </button>
                        ))}
                      {isOwner && (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          aria-expanded={logOpen[p.id] === true}
                          aria-controls={`reveals-${p.id}`}
                          onClick={() => setLogOpen((o) => ({ ...o, [p.id]: !o[p.id] }))}
                        >
                          {t('reveal.whoSaw')}
                        </button>
                      )}
                    </td>
                  </tr>
                  {shown && (
                    <tr className="reveal-row">
                      <td colSpan={columns}>
                        <RevealedIdentityPanel revealed={shown} onHide={() => hide(p.id)} />
                      </td>
                    </tr>
                  )}
                  {isOwner && logOpen[p.id] && (
                    <tr className="log-row" id={`reveals-${p.id}`}>
                      <td colSpan={columns}>
                        <RevealLogList personId={p.id} version={logVersion} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {revealFor && (
        <RevealDialog
          person={revealFor}
          onClose={() => setRevealFor(null)}
          onRevealed={(r) => {
            setRevealed((all) => ({ ...all, [revealFor.id]: r }));
            setRevealFor(null);
            setLogVersion((v) => v + 1);
          }}
        />
      )}
      {consentFor && (
        <ConsentDialog
          person={consentFor}
          onClose={() => setConsentFor(null)}
          onRecorded={() => {
            setConsentFor(null);
            onConsentChanged();
          }}
        />
      )}
    </section>
  );
}

const quickPurposes = [
  'reveal.quick.cwc',
  'reveal.quick.statement',
  'reveal.quick.medical',
  'reveal.quick.court',
  'reveal.quick.rehab',
] as const;

/**
 * Why the officer needs the child's identity, then the identity. A second factor older than 15 minutes is
 * asked for again here, and the reveal then goes ahead with the same purpose.
 */
function RevealDialog({
  person,
  onClose,
  onRevealed,
}: {
  person: Person;
  onClose: () => void;
  onRevealed: (r: Revealed) => void;
}) {
  const { mfaDone } = useSession();
  const [purpose, setPurpose] = useState('');
  const [checked, setChecked] = useState(false);
  const [stepUp, setStepUp] = useState(false);
  const [code, setCode] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  const reveal = useAction((text: string) => api.reveal(person.id, text));
  const verify = useAction((c: string) => api.mfaVerify(c));
  const short = purpose.trim().length < minRevealPurpose;
  const purposeError =
    (checked && short ? t('reveal.purposeShort', { n: minRevealPurpose }) : undefined) ??
    issueFor(reveal.error, 'purpose');

  async function doReveal() {
    const text = purpose.trim();
    const identity = await reveal.run(text);
    if (identity) onRevealed({ identity, purpose: text, at: new Date() });
  }

  // The server says when the second factor is too old; the dialog then asks for a code, in place.
  useEffect(() => {
    if (reveal.error?.code === 'mfa_required') setStepUp(true);
  }, [reveal.error]);
  useEffect(() => {
    if (stepUp) codeRef.current?.focus();
  }, [stepUp]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (short) return;
    if (stepUp) {
      const typed = code.replace(/\s+/g, '');
      if (!typed) {
        verify.setError(new ApiError(400, 'validation_failed', t('mfa.codeMissing')));
        return;
      }
      const v = await verify.run(typed);
      if (!v) return;
      mfaDone(v.mfa);
      setStepUp(false);
      setCode('');
    }
    await doReveal();
  }

  const busy = reveal.busy || verify.busy;
  return (
    <Dialog title={t('reveal.title', { pseudonym: person.full_name })} onClose={onClose} tone="protected">
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <p className="notice notice-protected">{t('reveal.warning')}</p>
        <Field
          id="rv-purpose"
          label={t('reveal.purpose')}
          error={purposeError}
          hint={t('reveal.purposeHint')}
          required
        >
          <textarea
            {...controlProps('rv-purpose', purposeError, t('reveal.purposeHint'))}
            rows={2}
            maxLength={500}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </Field>
        <fieldset className="quick-purposes">
          <legend className="visually-hidden">{t('reveal.quickLabel')}</legend>
          {quickPurposes.map((key) => (
            <button
              key={key}
              type="button"
              className="btn btn-small btn-chip"
              onClick={() => setPurpose(t(key))}
            >
              {t(key)}
            </button>
          ))}
        </fieldset>
        {stepUp && (
          <div className="step-up">
            <p className="notice notice-info">{t('reveal.stepUp')}</p>
            <Field
              id="rv-code"
              label={t('mfa.code')}
              error={issueFor(verify.error, 'code') ?? verify.error?.message}
            >
              <input
                {...controlProps('rv-code', issueFor(verify.error, 'code') ?? verify.error?.message)}
                ref={codeRef}
                type="text"
                className="code-input"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={16}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </Field>
          </div>
        )}
        {reveal.error && reveal.error.code !== 'mfa_required' && !issueFor(reveal.error, 'purpose') && (
          <ActionError error={reveal.error} />
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary btn-protected-primary" disabled={busy}>
            {busy ? t('reveal.busy') : stepUp ? t('reveal.verifyAndReveal') : t('reveal.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function useCountdown(from: Date, seconds: number, onDone: () => void): number {
  const left = () => Math.max(0, seconds - Math.floor((Date.now() - from.getTime()) / 1000));
  const [remaining, setRemaining] = useState(left);
  useEffect(() => {
    const timer = setInterval(() => {
      const r = left();
      setRemaining(r);
      if (r === 0) onDone();
    }, 1000);
    return () => clearInterval(timer);
  }, [from, seconds]);
  return remaining;
}

function RevealedIdentityPanel({ revealed, onHide }: { revealed: Revealed; onHide: () => void }) {
  const remaining = useCountdown(revealed.at, revealSeconds, onHide);
  const { identity } = revealed;
  const minutes = Math.floor(remaining / 60);
  const seconds = String(remaining % 60).padStart(2, '0');
  return (
    <section className="revealed" aria-label={t('reveal.regionLabel', { pseudonym: identity.pseudonym })}>
      <div className="revealed-head">
        <span className="logged-flag">{t('reveal.logged')}</span>
        <span className="revealed-why">
          {t('reveal.loggedDetail', {
            time: formatDateTime(revealed.at.toISOString()),
            purpose: revealed.purpose,
          })}
        </span>
        <span className="revealed-timer" aria-live="off">
          {t('reveal.hidesIn', { time: `${minutes}:${seconds}` })}
        </span>
        <button type="button" className="btn btn-small" onClick={onHide}>
          {t('reveal.hideNow')}
        </button>
      </div>
      <dl className="facts revealed-facts">
        <div className="fact fact-wide">
          <dt>{t('person.full_name')}</dt>
          <dd className="revealed-name">{identity.full_name}</dd>
        </div>
        <RevealedFact label={t('person.aliasesLabel')} value={identity.aliases.join(', ')} />
        <RevealedFact label={t('person.relation_name')} value={identity.relation_name} />
        <RevealedFact
          label={t('person.birthAge')}
          value={[
            identity.birth_date && formatDate(identity.birth_date),
            identity.age !== null && t('person.ageYears', { age: identity.age }),
          ]
            .filter(Boolean)
            .join(' · ')}
        />
        <RevealedFact label={t('person.address')} value={identity.address} wide />
        <RevealedFact label={t('case.pincode')} value={identity.pincode} />
        {identity.identifiers.map((i) => (
          <RevealedFact key={i.id} label={tValue('identifier', i.kind)} value={i.value} mono />
        ))}
        <RevealedFact label={t('person.notes')} value={identity.notes} wide />
      </dl>
    </section>
  );
}

function RevealedFact({
  label,
  value,
  wide,
  mono,
}: {
  label: string;
  value: string | null | undefined;
  wide?: boolean;
  mono?: boolean;
}) {
  return (
    <div className={`fact${wide ? ' fact-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{value ? mono ? <code>{value}</code> : value : <span className="muted">—</span>}</dd>
    </div>
  );
}

/** "Who has seen this": every reveal of this person's identity, for the agency that owns the record. */
function RevealLogList({ personId, version }: { personId: string; version: number }) {
  const log = useResource((signal) => api.reveals(personId, signal), `reveals:${personId}:${version}`);
  if (log.state === 'loading') return <Loading />;
  if (log.state === 'error') return <ErrorNotice error={log.error} />;
  if (log.data.items.length === 0) return <p className="muted log-empty">{t('reveal.nobody')}</p>;
  return (
    <table className="data-table compact reveal-log" aria-label={t('reveal.whoSaw')}>
      <thead>
        <tr>
          <th scope="col">{t('reveal.when')}</th>
          <th scope="col">{t('reveal.who')}</th>
          <th scope="col">{t('reveal.purpose')}</th>
        </tr>
      </thead>
      <tbody>
        {log.data.items.map((r) => (
          <tr key={`${r.at}:${r.user_id}`}>
            <td className="nowrap num-date">{formatDateTime(r.at)}</td>
            <td>
              {r.user_name ?? '—'}
              <div className="muted small">
                {r.role ? tValue('userRole', r.role) : ''}
                {r.agency ? ` · ${r.agency}` : ''}
              </div>
            </td>
            <td>{r.purpose ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The referral consents on record for one child: child's and guardian's. */
function ConsentSummary({
  personId,
  version,
  onRecord,
}: {
  personId: string;
  version: number;
  onRecord?: () => void;
}) {
  const consents = useResource((signal) => api.consents(personId, signal), `consents:${personId}:${version}`);
  if (consents.state === 'loading') return <span className="muted">…</span>;
  if (consents.state === 'error') return <span className="field-error">{consents.error.message}</span>;
  const live = consents.data.items.filter((c) => !c.withdrawn_at && c.purpose === 'referral');
  const has = (who: Consent['given_by']) => live.some((c) => c.given_by === who);
  return (
    <div className="consent-cell">
      <span className={`consent-mark${has('child') ? ' yes' : ''}`}>
        {has('child') ? t('consent.childYes') : t('consent.childNo')}
      </span>
      <span className={`consent-mark${has('guardian') ? ' yes' : ''}`}>
        {has('guardian') ? t('consent.guardianYes') : t('consent.guardianNo')}
      </span>
      {onRecord && (
        <button type="button" className="btn btn-link btn-small consent-record" onClick={onRecord}>
          {t('consent.record')}
        </button>
      )}
    </div>
  );
}

function ConsentDialog({
  person,
  onClose,
  onRecorded,
}: {
  person: Person;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const [givenBy, setGivenBy] = useState<'child' | 'guardian'>('child');
  const [purpose, setPurpose] = useState<'referral' | 'transfer'>('referral');
  const [agency, setAgency] = useState<AgencyChoice | null>(null);
  const [notes, setNotes] = useState('');
  const record = useAction(() =>
    api.recordConsent(person.id, {
      given_by: givenBy,
      purpose,
      to_agency_id: agency?.id ?? null,
      notes: notes.trim() || undefined,
    }),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await record.run()) onRecorded();
  }

  return (
    <Dialog title={t('consent.title', { pseudonym: person.full_name })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <fieldset className="field radio-field">
          <legend>{t('consent.givenBy')}</legend>
          <div className="segmented">
            {(['child', 'guardian'] as const).map((who) => (
              <label key={who}>
                <input
                  type="radio"
                  name="given_by"
                  checked={givenBy === who}
                  onChange={() => setGivenBy(who)}
                />
                <span>{tValue('consentBy', who)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field radio-field">
          <legend>{t('consent.purpose')}</legend>
          <div className="segmented">
            {(['referral', 'transfer'] as const).map((p) => (
              <label key={p}>
                <input
                  type="radio"
                  name="consent_purpose"
                  checked={purpose === p}
                  onChange={() => setPurpose(p)}
                />
                <span>{tValue('consentPurpose', p)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <AgencyPicker
          id="cs-agency"
          label={t('consent.toAgency')}
          value={agency}
          onChange={setAgency}
          hint={t('consent.toAgencyHint')}
          error={issueFor(record.error, 'to_agency_id')}
        />
        <Field
          id="cs-notes"
          label={t('consent.notes')}
          hint={t('consent.notesHint')}
          error={issueFor(record.error, 'notes')}
        >
          <textarea
            {...controlProps('cs-notes', issueFor(record.error, 'notes'), t('consent.notesHint'))}
            rows={2}
            maxLength={1000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </Field>
        <ActionError error={record.error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={record.busy}>
            {record.busy ? t('common.saving') : t('consent.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
