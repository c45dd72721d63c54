import { type FormEvent, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, api } from '../../api/client.ts';
import {
  type ApiIssue,
  caseStatuses,
  type Distribution,
  distributionLevels,
  firKinds,
  genders,
  type PersonRole,
  personRoles,
  procedureCodes,
  relationKinds,
  type User,
} from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { controlProps, Field } from '../../components/field.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { type MessageKey, t, tValue } from '../../i18n/t.ts';
import { useCan } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { useDistricts, useStates } from '../reference/reference.ts';
import { FindIdentifiers } from '../screening/find-identifiers.tsx';
import {
  type CaseDraft,
  type FieldErrors,
  newCaseDraft,
  newKey,
  newPersonDraft,
  type PersonDraft,
  placeIssues,
  toCaseInput,
  validateDraft,
} from './case-draft.ts';
import { OffencePicker } from './offence-picker.tsx';

// Per agency: a PC shared by two stations' officers must not start one of them in the other's district.
const lastPlaceKey = (agency: User['agency']) => `childgrid.newCase.place.${agency.id}`;
const caseFieldKeys = [
  'fir_number',
  'fir_kind',
  'gd_entry',
  'registered_at',
  'procedure_code',
  'status',
  'district_lgd_code',
  'place',
  'pincode',
  'offences',
  'summary',
  'distribution',
  'sharing_group_id',
] as const;
const personFieldKeys = ['role', 'full_name', 'relation_kind', 'relation_name', 'gender', 'age'] as const;

/** The element id of each form field, so error-summary links can move focus to it. */
function fieldId(key: string): string {
  return `nc-${key.replaceAll('.', '-')}`;
}

function knownKeys(draft: CaseDraft): Set<string> {
  const keys = new Set<string>(caseFieldKeys);
  draft.persons.forEach((p, i) => {
    keys.add(`persons.${i}`);
    for (const f of personFieldKeys) keys.add(`persons.${i}.${f}`);
    p.phones.forEach((_, k) => {
      keys.add(`persons.${i}.phones.${k}`);
    });
  });
  return keys;
}

function fieldLabel(key: string): string {
  const person = /^persons\.(\d+)(?:\.(\w+))?/.exec(key);
  if (person) {
    const n = Number(person[1]) + 1;
    const field = person[2] === 'phones' ? 'phone' : person[2];
    return field
      ? `${t('newCase.personN', { n })}: ${t(`person.${field}` as MessageKey)}`
      : t('newCase.personN', { n });
  }
  return t(`newCase.${key}` as MessageKey);
}

/** Start where the officer works: the place last used on this PC, else the agency's own state and district. */
function startingPlace(agency: User['agency']): Pick<CaseDraft, 'state_lgd_code' | 'district_lgd_code'> {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(lastPlaceKey(agency));
  } catch {
    // Storage can be switched off by policy on shared PCs; the agency's place will do.
  }
  const [state = '', district = ''] = saved?.split(':') ?? [];
  if (state) return { state_lgd_code: state, district_lgd_code: district };
  return {
    state_lgd_code: agency.state_lgd_code ? String(agency.state_lgd_code) : '',
    district_lgd_code: agency.district_lgd_code ? String(agency.district_lgd_code) : '',
  };
}

function rememberPlace(agency: User['agency'], draft: CaseDraft): void {
  if (!draft.state_lgd_code) return;
  try {
    localStorage.setItem(lastPlaceKey(agency), `${draft.state_lgd_code}:${draft.district_lgd_code}`);
  } catch {
    // Not remembering the place is harmless.
  }
}

export function NewCasePage() {
  const user = useUser();
  useDocumentTitle(t('newCase.title'));
  // Roles that only read (analysts, CWC, auditors) are told so, rather than filling a form the server refuses.
  if (useCan('case:write') === false) {
    return (
      <div className="page page-form">
        <NewCaseBreadcrumb />
        <h1>{t('newCase.title')}</h1>
        <p className="notice notice-info page-notice">
          {t('newCase.notAllowed', { role: tValue('userRole', user.role, user.role_label) })}
        </p>
      </div>
    );
  }
  return <NewCaseForm user={user} />;
}

function NewCaseBreadcrumb() {
  return (
    <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
      <Link href="/cases">{t('cases.title')}</Link>
      <span aria-hidden="true"> / </span>
      <span aria-current="page">{t('newCase.title')}</span>
    </nav>
  );
}

function NewCaseForm({ user }: { user: User }) {
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<CaseDraft>(() => ({ ...newCaseDraft(), ...startingPlace(user.agency) }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<{ message: string; issues: ApiIssue[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const states = useStates();
  const districts = useDistricts(draft.state_lgd_code ? Number(draft.state_lgd_code) : null);

  function set<K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
  }

  function setPerson(index: number, patch: Partial<PersonDraft>) {
    setDraft((d) => ({ ...d, persons: d.persons.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  }

  function addPerson() {
    const role: PersonRole = draft.persons.some((p) => p.role === 'victim') ? 'accused' : 'victim';
    setDraft((d) => ({ ...d, persons: [...d.persons, newPersonDraft(role)] }));
    // Errors are keyed by position; adding or removing a person invalidates them.
    setErrors({});
  }

  function removePerson(index: number) {
    setDraft((d) => ({ ...d, persons: d.persons.filter((_, i) => i !== index) }));
    setErrors({});
  }

  function showErrors(next: FieldErrors, unplaced: ApiIssue[], message: string) {
    setErrors(next);
    setFormError({ message, issues: unplaced });
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const local = validateDraft(draft);
    if (Object.keys(local).length) {
      showErrors(local, [], t('newCase.fixErrors'));
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    const { input, phonePaths } = toCaseInput(draft);
    try {
      const created = await api.createCase(input);
      rememberPlace(user.agency, draft);
      navigate(`/cases/${created.id}`);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.issues.length) {
        const keys = knownKeys(draft);
        const placed = placeIssues(e.issues, phonePaths, (k) => keys.has(k));
        showErrors(placed.errors, placed.unplaced, e.message);
      } else {
        showErrors({}, [], e instanceof Error ? e.message : String(e));
      }
    }
  }

  const errorEntries = Object.entries(errors);

  return (
    <div className="page page-form">
      <NewCaseBreadcrumb />
      <div className="page-header">
        <div>
          <h1>{t('newCase.title')}</h1>
          <p className="page-sub">{t('newCase.subtitle', { agency: user.agency.name })}</p>
        </div>
      </div>

      <form onSubmit={onSubmit} noValidate className="case-form">
        <div aria-live="assertive">
          {formError && (
            <div ref={summaryRef} tabIndex={-1} className="notice notice-error error-summary">
              <strong>{t('newCase.notSaved')}</strong> {formError.message}
              {(errorEntries.length > 0 || formError.issues.length > 0) && (
                <ul>
                  {errorEntries.map(([key, message]) => (
                    <li key={key}>
                      <a
                        href={`#${fieldId(key)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          document.getElementById(fieldId(key))?.focus();
                        }}
                      >
                        {fieldLabel(key)}
                      </a>
                      : {message}
                    </li>
                  ))}
                  {formError.issues.map((issue) => (
                    <li key={`${issue.field}:${issue.message}`}>
                      <code>{issue.field}</code>: {issue.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>

        <section className="panel form-section" aria-labelledby="nc-sec-fir">
          <h2 id="nc-sec-fir">{t('newCase.secFir')}</h2>
          <div className="form-grid">
            <TextField k="fir_number" draft={draft} set={set} errors={errors} hint={t('newCase.firHint')} />
            <Field id={fieldId('fir_kind')} label={t('newCase.fir_kind')} error={errors.fir_kind}>
              <select
                {...controlProps(fieldId('fir_kind'), errors.fir_kind)}
                value={draft.fir_kind}
                onChange={(e) => set('fir_kind', e.target.value as CaseDraft['fir_kind'])}
              >
                {firKinds.map((k) => (
                  <option key={k} value={k}>
                    {tValue('firKind', k)}
                  </option>
                ))}
              </select>
            </Field>
            <TextField k="gd_entry" draft={draft} set={set} errors={errors} />
            <Field
              id={fieldId('registered_at')}
              label={t('newCase.registered_at')}
              error={errors.registered_at}
              hint={t('newCase.istHint')}
              required
            >
              <input
                type="datetime-local"
                {...controlProps(fieldId('registered_at'), errors.registered_at, t('newCase.istHint'))}
                value={draft.registered_at}
                onChange={(e) => set('registered_at', e.target.value)}
                required
              />
            </Field>
            <fieldset
              className="field radio-field"
              aria-describedby={errors.procedure_code ? `${fieldId('procedure_code')}-error` : undefined}
            >
              <legend>{t('newCase.procedure_code')}</legend>
              <div className="segmented">
                {procedureCodes.map((code) => (
                  <label key={code}>
                    <input
                      type="radio"
                      name="procedure_code"
                      id={code === draft.procedure_code ? fieldId('procedure_code') : undefined}
                      value={code}
                      checked={draft.procedure_code === code}
                      onChange={() => set('procedure_code', code)}
                    />
                    <span>{code}</span>
                  </label>
                ))}
              </div>
              {errors.procedure_code && (
                <div id={`${fieldId('procedure_code')}-error`} className="field-error">
                  {errors.procedure_code}
                </div>
              )}
            </fieldset>
            <Field id={fieldId('status')} label={t('newCase.status')} error={errors.status}>
              <select
                {...controlProps(fieldId('status'), errors.status)}
                value={draft.status}
                onChange={(e) => set('status', e.target.value as CaseDraft['status'])}
              >
                {caseStatuses.map((s) => (
                  <option key={s} value={s}>
                    {tValue('status', s)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </section>

        <section className="panel form-section" aria-labelledby="nc-sec-place">
          <h2 id="nc-sec-place">{t('newCase.secPlace')}</h2>
          <div className="form-grid place-grid">
            <Field id="nc-state" label={t('newCase.state')}>
              <select
                id="nc-state"
                value={draft.state_lgd_code}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, state_lgd_code: e.target.value, district_lgd_code: '' }))
                }
              >
                <option value="">{t('newCase.chooseState')}</option>
                {draft.state_lgd_code && !states && <option value={draft.state_lgd_code}>…</option>}
                {states?.map((s) => (
                  <option key={s.lgd_code} value={s.lgd_code}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={fieldId('district_lgd_code')}
              label={t('newCase.district_lgd_code')}
              error={errors.district_lgd_code}
            >
              <select
                {...controlProps(fieldId('district_lgd_code'), errors.district_lgd_code)}
                value={draft.district_lgd_code}
                disabled={!draft.state_lgd_code}
                onChange={(e) => set('district_lgd_code', e.target.value)}
              >
                <option value="">
                  {draft.state_lgd_code ? t('newCase.chooseDistrict') : t('filters.pickState')}
                </option>
                {draft.district_lgd_code && !districts && <option value={draft.district_lgd_code}>…</option>}
                {districts?.map((d) => (
                  <option key={d.lgd_code} value={d.lgd_code}>
                    {d.name}
                  </option>
                ))}
              </select>
            </Field>
            <TextField k="place" draft={draft} set={set} errors={errors} />
            <TextField
              k="pincode"
              draft={draft}
              set={set}
              errors={errors}
              inputMode="numeric"
              maxLength={6}
            />
          </div>
        </section>

        <SharingFields draft={draft} set={set} errors={errors} />

        <section className="panel form-section" aria-labelledby="nc-sec-offences">
          <h2 id="nc-sec-offences" className="visually-hidden">
            {t('newCase.offences')}
          </h2>
          <OffencePicker
            value={draft.offences}
            onChange={(codes) => set('offences', codes)}
            error={errors.offences}
          />
        </section>

        <section className="panel form-section" aria-labelledby="nc-sec-persons">
          <div className="section-head">
            <h2 id="nc-sec-persons">{t('newCase.secPersons')}</h2>
            <span className="muted">{t('newCase.personsHint')}</span>
          </div>
          {draft.persons.map((p, i) => (
            <PersonFields
              key={p.key}
              index={i}
              person={p}
              errors={errors}
              onChange={(patch) => setPerson(i, patch)}
              onRemove={() => removePerson(i)}
            />
          ))}
          <button type="button" className="btn" onClick={addPerson}>
            + {t('newCase.addPerson')}
          </button>
        </section>

        <section className="panel form-section" aria-labelledby="nc-sec-summary">
          <h2 id="nc-sec-summary">{t('newCase.summary')}</h2>
          <label htmlFor={fieldId('summary')} className="visually-hidden">
            {t('newCase.summary')}
          </label>
          <textarea
            {...controlProps(fieldId('summary'), errors.summary)}
            rows={5}
            value={draft.summary}
            placeholder={t('newCase.summaryPlaceholder')}
            onChange={(e) => set('summary', e.target.value)}
          />
          {errors.summary && (
            <div id={`${fieldId('summary')}-error`} className="field-error">
              {errors.summary}
            </div>
          )}
          <FindIdentifiers
            text={draft.summary}
            chosen={draft.identifiers}
            onChange={(identifiers) => set('identifiers', identifiers)}
          />
        </section>

        <div className="form-actions">
          <Link href="/cases" className="btn btn-ghost">
            {t('common.cancel')}
          </Link>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('newCase.saving') : t('newCase.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

/**
 * Who may read the case besides the recording agency (MISP's distribution levels). Anyone else whose
 * records share an identifier with it sees only a hit: that a match exists and whom to ask.
 */
function SharingFields({
  draft,
  set,
  errors,
}: {
  draft: CaseDraft;
  set: <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) => void;
  errors: FieldErrors;
}) {
  const groups = useResource((signal) => api.sharingGroups(signal), 'sharing-groups');
  const hint = t(`distributionHint.${draft.distribution}`);
  return (
    <section className="panel form-section" aria-labelledby="nc-sec-sharing">
      <h2 id="nc-sec-sharing">{t('newCase.secSharing')}</h2>
      <div className="form-grid sharing-grid">
        <Field
          id={fieldId('distribution')}
          label={t('newCase.distribution')}
          error={errors.distribution}
          hint={hint}
        >
          <select
            {...controlProps(fieldId('distribution'), errors.distribution, hint)}
            value={draft.distribution}
            onChange={(e) => set('distribution', e.target.value as Distribution)}
          >
            {distributionLevels.map((level) => (
              <option key={level} value={level}>
                {tValue('distributionLong', level)}
              </option>
            ))}
          </select>
        </Field>
        {draft.distribution === 'group' && (
          <Field
            id={fieldId('sharing_group_id')}
            label={t('newCase.sharing_group_id')}
            error={errors.sharing_group_id ?? (groups.state === 'error' ? groups.error.message : undefined)}
            hint={groups.data?.items.length === 0 ? t('newCase.noGroups') : undefined}
            required
          >
            <select
              {...controlProps(fieldId('sharing_group_id'), errors.sharing_group_id)}
              value={draft.sharing_group_id}
              disabled={!groups.data?.items.length}
              onChange={(e) => set('sharing_group_id', e.target.value)}
            >
              <option value="">
                {groups.state === 'loading' ? t('common.loading') : t('newCase.chooseGroup')}
              </option>
              {groups.data?.items.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name} ({t('groups.memberCount', { count: g.members.length })})
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
    </section>
  );
}

type TextKey = 'fir_number' | 'gd_entry' | 'place' | 'pincode';

function TextField({
  k,
  draft,
  set,
  errors,
  hint,
  className,
  inputMode,
  maxLength,
}: {
  k: TextKey;
  draft: CaseDraft;
  set: (key: TextKey, value: string) => void;
  errors: FieldErrors;
  hint?: string;
  className?: string;
  inputMode?: 'numeric';
  maxLength?: number;
}) {
  const id = fieldId(k);
  return (
    <Field id={id} label={t(`newCase.${k}`)} error={errors[k]} hint={hint} className={className}>
      <input
        type="text"
        {...controlProps(id, errors[k], hint)}
        value={draft[k]}
        inputMode={inputMode}
        maxLength={maxLength}
        autoComplete="off"
        onChange={(e) => set(k, e.target.value)}
      />
    </Field>
  );
}

function PersonFields({
  index,
  person,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  person: PersonDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<PersonDraft>) => void;
  onRemove: () => void;
}) {
  const prefix = `persons.${index}`;
  const id = (f: string) => fieldId(`${prefix}.${f}`);
  const err = (f: string) => errors[`${prefix}.${f}`];
  const title = t('newCase.personN', { n: index + 1 });

  return (
    <fieldset
      className={`person-card${person.role === 'victim' ? ' person-card-victim' : ''}`}
      id={fieldId(prefix)}
    >
      <legend>
        {title}
        {person.role === 'victim' && <span className="protected-flag">{t('newCase.protected')}</span>}
      </legend>
      <button
        type="button"
        className="btn btn-small btn-ghost person-remove"
        onClick={onRemove}
        aria-label={t('newCase.removePersonN', { n: index + 1 })}
      >
        {t('newCase.removePerson')}
      </button>
      {errors[prefix] && <div className="field-error">{errors[prefix]}</div>}
      <div className="form-grid person-grid">
        <Field id={id('role')} label={t('person.role')} error={err('role')}>
          <select
            {...controlProps(id('role'), err('role'))}
            value={person.role}
            onChange={(e) => onChange({ role: e.target.value as PersonRole })}
          >
            {personRoles.map((r) => (
              <option key={r} value={r}>
                {tValue('personRole', r)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={id('full_name')}
          label={t('person.full_name')}
          error={err('full_name')}
          className="span-2"
          required
        >
          <input
            type="text"
            {...controlProps(id('full_name'), err('full_name'))}
            value={person.full_name}
            autoComplete="off"
            onChange={(e) => onChange({ full_name: e.target.value })}
          />
        </Field>
        <Field id={id('relation_kind')} label={t('person.relation_kind')} error={err('relation_kind')}>
          <select
            {...controlProps(id('relation_kind'), err('relation_kind'))}
            value={person.relation_kind}
            onChange={(e) => onChange({ relation_kind: e.target.value as PersonDraft['relation_kind'] })}
          >
            <option value="">—</option>
            {relationKinds.map((r) => (
              <option key={r} value={r}>
                {tValue('relation', r)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('relation_name')} label={t('person.relation_name')} error={err('relation_name')}>
          <input
            type="text"
            {...controlProps(id('relation_name'), err('relation_name'))}
            value={person.relation_name}
            autoComplete="off"
            onChange={(e) => onChange({ relation_name: e.target.value })}
          />
        </Field>
        <Field id={id('gender')} label={t('person.gender')} error={err('gender')}>
          <select
            {...controlProps(id('gender'), err('gender'))}
            value={person.gender}
            onChange={(e) => onChange({ gender: e.target.value as PersonDraft['gender'] })}
          >
            <option value="">—</option>
            {genders.map((g) => (
              <option key={g} value={g}>
                {tValue('gender', g)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('age')} label={t('person.age')} error={err('age')} className="field-narrow">
          <input
            type="text"
            inputMode="numeric"
            maxLength={3}
            {...controlProps(id('age'), err('age'))}
            value={person.age}
            onChange={(e) => onChange({ age: e.target.value })}
          />
        </Field>
      </div>
      <div className="phones">
        {person.phones.map((phone, k) => {
          const phoneId = id(`phones.${k}`);
          const phoneErr = err(`phones.${k}`);
          return (
            <Field
              key={phone.key}
              id={phoneId}
              label={person.phones.length > 1 ? t('person.phoneN', { n: k + 1 }) : t('person.phone')}
              error={phoneErr}
              className="phone-field"
            >
              <div className="input-with-action">
                <input
                  type="tel"
                  {...controlProps(phoneId, phoneErr)}
                  value={phone.value}
                  autoComplete="off"
                  placeholder="98xxxxxxxx"
                  onChange={(e) =>
                    onChange({
                      phones: person.phones.map((ph, j) => (j === k ? { ...ph, value: e.target.value } : ph)),
                    })
                  }
                />
                {person.phones.length > 1 && (
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    aria-label={t('newCase.removePhone', { n: k + 1 })}
                    onClick={() => onChange({ phones: person.phones.filter((_, j) => j !== k) })}
                  >
                    ×
                  </button>
                )}
              </div>
            </Field>
          );
        })}
        <button
          type="button"
          className="btn btn-small btn-link"
          onClick={() => onChange({ phones: [...person.phones, { key: newKey(), value: '' }] })}
        >
          + {t('newCase.addPhone')}
        </button>
      </div>
    </fieldset>
  );
}
