import { type FormEvent, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { api } from '../../api/client.ts';
import {
  type Gender,
  genders,
  type Hit,
  type IdentifierKind,
  identifierKinds,
  type PersonCandidate,
  type ScreenRequest,
  type ScreenResult,
} from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { spelled } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useCan } from '../auth/permissions.ts';
import { RequestDisclosureDialog } from '../disclosures/request-disclosure-dialog.tsx';
import { MatchList } from '../grid/matches.tsx';
import { ExplanationTable, ScoreBand } from './explanation.tsx';
import { GridTabs } from './grid-tabs.tsx';

const minPurpose = 10;

interface IdentifierRow {
  key: number;
  kind: IdentifierKind;
  value: string;
}

interface ScreenDraft {
  full_name: string;
  relation_name: string;
  gender: Gender | '';
  age: string;
  birth_date: string;
  place: string;
  identifiers: IdentifierRow[];
  purpose: string;
}

let rowKey = 0;
const newRow = (kind: IdentifierKind = 'phone', value = ''): IdentifierRow => ({
  key: ++rowKey,
  kind,
  value,
});

/**
 * The form starts from the address when another screen sends a person here ("Screen this person" on a case):
 * `?name=…&relation=…&gender=…&age=…&birth=…&place=…&id=phone:98…`. The purpose is never carried: the officer
 * states it each time, for the audit log.
 */
function draftFrom(search: string): ScreenDraft {
  const q = new URLSearchParams(search);
  const gender = q.get('gender') ?? '';
  const ids = q
    .getAll('id')
    .map((pair) => {
      const at = pair.indexOf(':');
      const kind = pair.slice(0, at);
      return (identifierKinds as readonly string[]).includes(kind)
        ? newRow(kind as IdentifierKind, pair.slice(at + 1))
        : null;
    })
    .filter((r): r is IdentifierRow => r !== null);
  return {
    full_name: q.get('name') ?? '',
    relation_name: q.get('relation') ?? '',
    gender: (genders as readonly string[]).includes(gender) ? (gender as Gender) : '',
    age: q.get('age') ?? '',
    birth_date: q.get('birth') ?? '',
    place: q.get('place') ?? '',
    identifiers: ids.length ? ids : [newRow()],
    purpose: '',
  };
}

function toRequest(d: ScreenDraft): ScreenRequest {
  const identifiers = d.identifiers
    .filter((r) => r.value.trim())
    .map((r) => ({ kind: r.kind, value: r.value.trim() }));
  const trimmed = (v: string) => v.trim() || undefined;
  return {
    full_name: trimmed(d.full_name),
    relation_name: trimmed(d.relation_name),
    gender: d.gender || undefined,
    birth_date: trimmed(d.birth_date),
    age: d.birth_date.trim() || !d.age.trim() ? undefined : Number(d.age),
    place: trimmed(d.place),
    identifiers: identifiers.length ? identifiers : undefined,
    purpose: d.purpose.trim(),
    limit: 20,
  };
}

/** Screen a person (and/or identifiers) against every agency: ranked candidates, each with why it matched. */
export function ScreenPage() {
  const search = useSearch();
  const [draft, setDraft] = useState<ScreenDraft>(() => draftFrom(search));
  const [checked, setChecked] = useState(false);
  const [result, setResult] = useState<{ request: ScreenRequest; answer: ScreenResult } | null>(null);
  const screen = useAction(api.screen);
  useDocumentTitle(t('screen.title'));

  const set = <K extends keyof ScreenDraft>(key: K, value: ScreenDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setRow = (key: number, patch: Partial<IdentifierRow>) =>
    setDraft((d) => ({
      ...d,
      identifiers: d.identifiers.map((r) => (r.key === key ? { ...r, ...patch } : r)),
    }));

  const hasSubject = draft.full_name.trim() !== '' || draft.identifiers.some((r) => r.value.trim());
  const purposeError =
    (checked && draft.purpose.trim().length < minPurpose
      ? t('screen.purposeShort', { n: minPurpose })
      : undefined) ?? issueFor(screen.error, 'purpose');
  const nameError =
    (checked && !hasSubject ? t('screen.needSubject') : undefined) ?? issueFor(screen.error, 'full_name');
  const ageError = issueFor(screen.error, 'age');
  const birthError = issueFor(screen.error, 'birth_date');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!hasSubject || draft.purpose.trim().length < minPurpose) return;
    const request = toRequest(draft);
    const answer = await screen.run(request);
    if (answer) setResult({ request, answer });
  }

  return (
    <div className="page">
      <GridTabs />
      <div className="page-header">
        <div>
          <h1>{t('screen.title')}</h1>
          <p className="page-sub">{t('screen.subtitle')}</p>
        </div>
      </div>
      <div className="screen-layout">
        <form className="panel screen-form" onSubmit={onSubmit} noValidate aria-label={t('screen.formLabel')}>
          <div className="form-grid form-grid-2">
            <Field id="sc-name" label={t('screen.name')} error={nameError} hint={t('screen.nameHint')}>
              <input
                type="text"
                {...controlProps('sc-name', nameError, t('screen.nameHint'))}
                value={draft.full_name}
                autoComplete="off"
                maxLength={200}
                onChange={(e) => set('full_name', e.target.value)}
              />
            </Field>
            <Field id="sc-relation" label={t('screen.relation')} hint={t('screen.relationHint')}>
              <input
                type="text"
                {...controlProps('sc-relation', undefined, t('screen.relationHint'))}
                value={draft.relation_name}
                autoComplete="off"
                maxLength={200}
                onChange={(e) => set('relation_name', e.target.value)}
              />
            </Field>
            <Field id="sc-gender" label={t('person.gender')}>
              <select
                id="sc-gender"
                value={draft.gender}
                onChange={(e) => set('gender', e.target.value as Gender | '')}
              >
                <option value="">{t('screen.any')}</option>
                {genders.map((g) => (
                  <option key={g} value={g}>
                    {tValue('gender', g)}
                  </option>
                ))}
              </select>
            </Field>
            <div className="screen-age">
              <Field id="sc-age" label={t('person.age')} error={ageError}>
                <input
                  type="text"
                  inputMode="numeric"
                  {...controlProps('sc-age', ageError)}
                  value={draft.age}
                  maxLength={3}
                  disabled={draft.birth_date !== ''}
                  onChange={(e) => set('age', e.target.value.replace(/\D/g, ''))}
                />
              </Field>
              <span className="muted screen-or">{t('screen.or')}</span>
              <Field
                id="sc-birth"
                label={t('screen.birthDate')}
                error={birthError}
                hint={spelled(draft.birth_date)}
              >
                <input
                  type="date"
                  {...controlProps('sc-birth', birthError, spelled(draft.birth_date))}
                  value={draft.birth_date}
                  onChange={(e) => set('birth_date', e.target.value)}
                />
              </Field>
            </div>
            <Field id="sc-place" label={t('screen.place')} hint={t('screen.placeHint')} className="span-2">
              <input
                type="text"
                {...controlProps('sc-place', undefined, t('screen.placeHint'))}
                value={draft.place}
                autoComplete="off"
                maxLength={200}
                onChange={(e) => set('place', e.target.value)}
              />
            </Field>
          </div>
          <fieldset className="screen-identifiers">
            <legend>{t('screen.identifiers')}</legend>
            {draft.identifiers.map((row, i) => (
              <div key={row.key} className="screen-identifier-row">
                <label className="visually-hidden" htmlFor={`sc-idk-${row.key}`}>
                  {t('screen.identifierKindN', { n: i + 1 })}
                </label>
                <select
                  id={`sc-idk-${row.key}`}
                  value={row.kind}
                  onChange={(e) => setRow(row.key, { kind: e.target.value as IdentifierKind })}
                >
                  {identifierKinds.map((k) => (
                    <option key={k} value={k}>
                      {tValue('identifier', k)}
                    </option>
                  ))}
                </select>
                <label className="visually-hidden" htmlFor={`sc-idv-${row.key}`}>
                  {t('screen.identifierValueN', { n: i + 1 })}
                </label>
                <input
                  id={`sc-idv-${row.key}`}
                  type="text"
                  value={row.value}
                  autoComplete="off"
                  maxLength={500}
                  aria-invalid={issueFor(screen.error, `identifiers.${i}`) ? true : undefined}
                  onChange={(e) => setRow(row.key, { value: e.target.value })}
                />
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  disabled={draft.identifiers.length === 1 && !row.value}
                  onClick={() =>
                    setDraft((d) => ({
                      ...d,
                      identifiers:
                        d.identifiers.length === 1
                          ? [newRow()]
                          : d.identifiers.filter((r) => r.key !== row.key),
                    }))
                  }
                >
                  {t('screen.removeIdentifier')}
                </button>
                {issueFor(screen.error, `identifiers.${i}`) && (
                  <div className="field-error span-row">{issueFor(screen.error, `identifiers.${i}`)}</div>
                )}
              </div>
            ))}
            {draft.identifiers.length < 20 && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => set('identifiers', [...draft.identifiers, newRow()])}
              >
                {t('screen.addIdentifier')}
              </button>
            )}
          </fieldset>
          <Field
            id="sc-purpose"
            label={t('screen.purpose')}
            error={purposeError}
            hint={t('screen.purposeHint')}
            required
          >
            <textarea
              {...controlProps('sc-purpose', purposeError, t('screen.purposeHint'))}
              rows={2}
              maxLength={500}
              value={draft.purpose}
              onChange={(e) => set('purpose', e.target.value)}
            />
          </Field>
          <ActionError error={screen.error?.issues.length ? null : screen.error} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={screen.busy}>
              {screen.busy ? t('screen.busy') : t('screen.submit')}
            </button>
          </div>
        </form>
        <section className="screen-results" aria-label={t('screen.results')} aria-busy={screen.busy}>
          {result ? (
            <ScreenResults result={result.answer} />
          ) : (
            <div className="panel panel-quiet empty">
              <p>{t('screen.before')}</p>
              <p className="empty-help">{t('screen.beforeHelp')}</p>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function ScreenResults({ result }: { result: ScreenResult }) {
  const [version, setVersion] = useState(0);
  const ids = result.identifiers;
  const hasIdentifierMatches = ids.links.length + ids.hits.length > 0;
  return (
    <div className="stack">
      <div className="panel">
        <h2>
          {t('screen.persons')} <span className="count">{result.persons.length}</span>
        </h2>
        {result.name_too_common && <p className="notice notice-info">{t('screen.nameTooCommon')}</p>}
        {result.persons.length === 0 ? (
          <p className="muted">{t('screen.noPersons')}</p>
        ) : (
          <ol className="candidate-list">
            {result.persons.map((c, i) => (
              <CandidateItem key={`${c.case_id}:${c.person?.id ?? i}`} rank={i + 1} candidate={c} />
            ))}
          </ol>
        )}
      </div>
      {(hasIdentifierMatches || ids.too_common.length > 0 || ids.warning_listed.length > 0) && (
        <div className="panel">
          <h2>{t('screen.identifierMatches')}</h2>
          {ids.warning_listed.map((w) => (
            <p key={`w:${w.kind}`} className="notice notice-info">
              {t('screen.warningListed', { kind: tValue('identifier', w.kind), reason: w.reason })}
            </p>
          ))}
          {ids.too_common.map((c) => (
            <p key={`c:${c.kind}`} className="notice notice-info">
              {t('screen.tooCommon', { kind: tValue('identifier', c.kind), cases: c.cases })}
            </p>
          ))}
          {hasIdentifierMatches && (
            <MatchList key={version} matches={ids} onChanged={() => setVersion((v) => v + 1)} />
          )}
        </div>
      )}
      <p className="field-hint">{t('screen.modelVersion', { version: result.model_version })}</p>
    </div>
  );
}

/** A person hit as a disclosure request knows it: the record, its agency, and what matched. */
function asHit(c: PersonCandidate): Hit {
  return {
    record_kind: 'case',
    record_id: c.case_id,
    match: { kind: 'person', on: 'person' },
    strength: 'exact',
    agency: c.agency,
    disclosure_status: null,
    disclosure_id: null,
  };
}

function CandidateItem({ rank, candidate: c }: { rank: number; candidate: PersonCandidate }) {
  const canRequest = useCan('disclosure:request') === true;
  const [asking, setAsking] = useState(false);
  const [asked, setAsked] = useState(false);
  const how = c.via.map((v) => tValue('via', v)).join(', ');
  const p = c.person;
  return (
    <li className={`candidate candidate-${c.access}`}>
      <div className="candidate-head">
        <span className="candidate-rank" aria-hidden="true">
          {rank}
        </span>
        <ScoreBand band={c.band} score={c.score} />
        <span className="match-kind">{t('screen.matchedBy', { how })}</span>
      </div>
      {p ? (
        <>
          <div className="candidate-person">
            <strong className="person-name">{p.full_name}</strong>
            <span className="muted">
              {[
                tValue('personRole', p.role),
                p.gender ? tValue('gender', p.gender) : null,
                p.age != null ? t('person.ageYears', { age: p.age }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </div>
          <div className="match-agency">{c.agency.name}</div>
          <div className="candidate-links">
            {p.profile_id && (
              <Link href={`/profiles/${p.profile_id}`} className="btn btn-small">
                {t('screen.openProfile')}
              </Link>
            )}
            <Link href={`/cases/${c.case_id}`} className="btn btn-small">
              {t('screen.openCase')}
            </Link>
          </div>
          {c.explanation && (
            <details className="candidate-why" open={rank <= 3}>
              <summary>{t('screen.why')}</summary>
              <ExplanationTable
                terms={c.explanation}
                score={c.score}
                caption={t('screen.whyCaption', { name: p.full_name })}
              />
            </details>
          )}
        </>
      ) : (
        <>
          <div className="candidate-person">
            <span className="hit-label">{t('matches.hitLabel')}</span>
            <span className="muted">{t('screen.hitNote')}</span>
          </div>
          <div className="match-agency">
            <strong>{c.agency.name}</strong> <span className="muted">({c.agency.code})</span>
          </div>
          <dl className="contact">
            <dt>{t('hit.contact')}</dt>
            <dd>{c.agency.contact_officer ?? '—'}</dd>
            {c.agency.contact_phone && (
              <>
                <dt className="visually-hidden">{t('hit.phone')}</dt>
                <dd>
                  <a href={`tel:${c.agency.contact_phone.replace(/\s+/g, '')}`}>{c.agency.contact_phone}</a>
                </dd>
              </>
            )}
            {c.agency.contact_email && (
              <>
                <dt className="visually-hidden">{t('hit.email')}</dt>
                <dd>
                  <a href={`mailto:${c.agency.contact_email}`}>{c.agency.contact_email}</a>
                </dd>
              </>
            )}
          </dl>
          {canRequest && (
            <div className="match-actions">
              {asked ? (
                <span className="badge disclosure-pending">{tValue('disclosureStatus', 'pending')}</span>
              ) : (
                <button type="button" className="btn btn-small" onClick={() => setAsking(true)}>
                  {t('screen.askDisclosure')}
                </button>
              )}
            </div>
          )}
          {asking && (
            <RequestDisclosureDialog
              hit={asHit(c)}
              matchedOn={t('screen.matchedOnPerson', { how, band: tValue('band', c.band) })}
              onClose={() => setAsking(false)}
              onFiled={() => {
                setAsking(false);
                setAsked(true);
              }}
            />
          )}
        </>
      )}
    </li>
  );
}
