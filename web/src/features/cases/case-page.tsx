import { lazy, type ReactNode, Suspense, useState } from 'react';
import { Link, useParams } from 'wouter';
import { api } from '../../api/client.ts';
import {
  type Case,
  type CaseTransfer,
  type Disclosure,
  type Identifier,
  type Offence,
  type Person,
  personRoles,
} from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { fieldGroupList } from '../../components/field-groups.tsx';
import { Done, ErrorNotice, Loading } from '../../components/notices.tsx';
import { inReferenceOrder } from '../../components/offence-chips.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useActions } from '../auth/permissions.ts';
import { MatchList } from '../grid/matches.tsx';
import { useOffenceIndex, useStates } from '../reference/reference.ts';
import { ProtectedPersons } from './protected-persons.tsx';
import { ReferDialog } from './refer-dialog.tsx';
import { TransferDialog } from './transfer-dialog.tsx';

// Only police of rank open history sheets: the dialog is fetched when first opened.
const OpenSheetDialog = lazy(() =>
  import('../register/open-sheet-dialog.tsx').then((m) => ({ default: m.OpenSheetDialog })),
);
/** Persons a history sheet may be opened on (the service refuses victims, witnesses, guardians, informants). */
const sheetRoles: ReadonlySet<string> = new Set(['accused', 'trafficker', 'buyer']);

export function CasePage() {
  const { id } = useParams<{ id: string }>();
  const resource = useResource((signal) => api.getCase(id, signal), `case:${id}`);
  useDocumentTitle(resource.data ? firLabel(resource.data) : t('case.unknown'));

  if (resource.state === 'loading') {
    return (
      <div className="page">
        <Loading label={t('case.loading')} />
      </div>
    );
  }
  if (resource.state === 'error') {
    return (
      <div className="page">
        <Breadcrumb label={t('case.unknown')} />
        <ErrorNotice error={resource.error} />
      </div>
    );
  }
  return <CaseView c={resource.data} />;
}

function firLabel(c: Case): string {
  return c.fir_number ? t('case.firTitle', { number: c.fir_number }) : t('cases.noFir');
}

function Breadcrumb({ label }: { label: string }) {
  return (
    <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
      <Link href="/cases">{t('cases.title')}</Link>
      <span aria-hidden="true"> / </span>
      <span aria-current="page">{label}</span>
    </nav>
  );
}

function CaseView({ c }: { c: Case }) {
  const offenceIndex = useOffenceIndex();
  const states = useStates();
  const actions = useActions();
  const [referring, setReferring] = useState(false);
  const [referred, setReferred] = useState<Disclosure | null>(null);
  const [transferring, setTransferring] = useState(false);
  const [transferred, setTransferred] = useState<CaseTransfer | null>(null);
  const [consentVersion, setConsentVersion] = useState(0);
  const [openingSheet, setOpeningSheet] = useState<Person | null>(null);
  const stateName = states?.find((s) => s.lgd_code === c.state_lgd_code)?.name;
  const title = firLabel(c);
  const own = c.access === 'own';
  // A transferred case is kept read-only by the agency that sent it.
  const readOnly = c.status === 'transferred' || transferred !== null;
  const canWrite = own && !readOnly && actions?.has('case:write') === true;
  const canTransfer = own && !readOnly && actions?.has('case:transfer') === true;
  // Parts the role may not read (its field allow-list) are not in the answer at all.
  const persons = c.persons ?? [];
  // Victims and child witnesses are listed apart, by pseudonym; everyone else by role.
  const protectedPersons = persons.filter((p) => p.protected);
  const byRole = new Map<string, Person[]>();
  for (const p of persons) {
    if (!p.protected) byRole.set(p.role, [...(byRole.get(p.role) ?? []), p]);
  }
  const otherRoles = [...byRole.keys()].filter((r) => !(personRoles as readonly string[]).includes(r));
  const roleOrder = [...personRoles.filter((r) => r !== 'victim'), ...otherRoles, 'victim'];

  return (
    <div className="page">
      <Breadcrumb label={title} />
      <header className="case-header">
        <div className="case-title-row">
          <h1>{title}</h1>
          {c.fir_kind !== 'fir' && <span className="tag">{tValue('firKind', c.fir_kind)}</span>}
          <StatusBadge status={c.status} />
          <span className="tag tag-outline" title={t('case.procedureCode')}>
            {c.procedure_code}
          </span>
          <span
            className={`tag distribution-tag distribution-${c.distribution}`}
            title={t('case.distribution')}
          >
            {t('case.distributionTag', { level: tValue('distribution', c.distribution) })}
          </span>
          {(canWrite || canTransfer) && (
            <div className="case-actions">
              {canWrite && (
                <button type="button" className="btn btn-small" onClick={() => setReferring(true)}>
                  {t('refer.button')}
                </button>
              )}
              {canTransfer && (
                <button type="button" className="btn btn-small" onClick={() => setTransferring(true)}>
                  {t('transfer.button')}
                </button>
              )}
            </div>
          )}
        </div>
        <p className="case-station">
          {c.agency.name}
          {c.district_name && ` · ${c.district_name}`}
          {stateName && ` · ${stateName}`}
        </p>
        <AccessBanner c={c} />
        <TransferBanner c={c} />
        {transferred && <Done>{t('transfer.done', { agency: transferred.to_agency.name })}</Done>}
        {referred && (
          <Done>
            {t('refer.done', {
              agency: referred.requester.name,
              fields: fieldGroupList(referred.fields_granted),
            })}
          </Done>
        )}
        <dl className="facts">
          <Fact label={t('case.registeredAt')} value={formatDateTime(c.registered_at)} />
          <Fact label={t('case.gdEntry')} value={c.gd_entry} />
          <Fact label={t('case.occurred')} value={occurred(c)} />
          <Fact label={t('case.place')} value={c.place} />
          <Fact label={t('case.pincode')} value={c.pincode} />
          <Fact label={t('case.procedureCode')} value={c.procedure_code} />
          <Fact label={t('case.distribution')} value={tValue('distributionLong', c.distribution)} />
          <Fact label={t('case.updatedAt')} value={formatDateTime(c.updated_at)} />
        </dl>
      </header>

      <div className="case-grid">
        <div className="case-main">
          {'summary' in c && (
            <section className="panel" aria-labelledby="sec-summary">
              <h2 id="sec-summary">{t('case.summary')}</h2>
              {c.summary ? (
                <p className="summary-text">{c.summary}</p>
              ) : (
                <p className="muted">
                  {c.access === 'disclosed' ? t('case.notGranted') : t('case.noSummary')}
                </p>
              )}
            </section>
          )}

          <ProtectedPersons
            persons={protectedPersons}
            canReveal={actions?.has('victim:reveal') === true}
            isOwner={own}
            canRecordConsent={canWrite}
            consentVersion={consentVersion}
            onConsentChanged={() => setConsentVersion((v) => v + 1)}
          />

          {roleOrder.map((role) => {
            const persons = byRole.get(role);
            if (!persons?.length) return null;
            return (
              <section key={role} className="panel" aria-labelledby={`sec-role-${role}`}>
                <h2 id={`sec-role-${role}`}>
                  {tValue('personRoles', role)} <span className="count">{persons.length}</span>
                </h2>
                <PersonTable
                  persons={persons}
                  canScreen={actions?.has('case:read') === true}
                  onOpenSheet={
                    actions?.has('register:write') && sheetRoles.has(role) ? setOpeningSheet : undefined
                  }
                />
              </section>
            );
          })}
          {c.persons?.length === 0 && (
            <section className="panel">
              <h2>{t('case.persons')}</h2>
              <p className="muted">{c.access === 'disclosed' ? t('case.notGranted') : t('case.noPersons')}</p>
            </section>
          )}
        </div>

        <aside className="case-side">
          <MatchesPanel c={c} />
          <section className="panel" aria-labelledby="sec-offences">
            <h2 id="sec-offences">
              {t('case.offences')} <span className="count">{c.offences.length}</span>
            </h2>
            <OffenceList codes={c.offences} index={offenceIndex} />
          </section>
          {c.identifiers && (
            <section className="panel" aria-labelledby="sec-identifiers">
              <h2 id="sec-identifiers">
                {t('case.identifiers')} <span className="count">{c.identifiers.length}</span>
              </h2>
              <IdentifierList identifiers={c.identifiers} />
            </section>
          )}
          <section className="panel panel-quiet" aria-labelledby="sec-record">
            <h2 id="sec-record">{t('case.record')}</h2>
            <dl className="facts facts-stacked">
              <Fact label={t('case.owner')} value={`${c.agency.name} (${c.agency.code})`} />
              <Fact label={t('case.access')} value={tValue('access', c.access)} />
              <Fact label={t('case.createdAt')} value={formatDateTime(c.created_at)} />
              <Fact label={t('case.externalId')} value={c.external_id} />
              <Fact label={t('case.version')} value={String(c.version)} />
            </dl>
          </section>
        </aside>
      </div>
      {transferring && (
        <TransferDialog
          c={c}
          onClose={() => setTransferring(false)}
          onTransferred={(done) => {
            setTransferring(false);
            setTransferred(done);
          }}
        />
      )}
      {openingSheet && (
        <Suspense fallback={null}>
          <OpenSheetDialog
            personId={openingSheet.id}
            personName={openingSheet.full_name}
            onClose={() => setOpeningSheet(null)}
          />
        </Suspense>
      )}
      {referring && (
        <ReferDialog
          c={c}
          onClose={() => setReferring(false)}
          onReferred={(d) => {
            setReferring(false);
            setReferred(d);
          }}
        />
      )}
    </div>
  );
}

/** Where a transferred case went (the sender's read-only trace) or came from (the receiver's copy). */
function TransferBanner({ c }: { c: Case }) {
  const tr = c.transfer;
  if (!tr) return null;
  const date = formatDate(tr.transferred_at);
  return (
    <p className="notice notice-shared access-banner">
      <strong>{tr.direction === 'out' ? t('transfer.outTitle') : t('transfer.inTitle')}</strong>{' '}
      {tr.direction === 'out'
        ? t('transfer.outBody', { agency: tr.agency.name, date })
        : t('transfer.inBody', {
            agency: tr.agency.name,
            date,
            fir: tr.fir_number ? t('transfer.inFir', { number: tr.fir_number }) : '',
          })}{' '}
      <span>{t('transfer.reasonGiven', { reason: tr.reason })}</span>
    </p>
  );
}

/** Whose record this is, when it is not the officer's own agency's, and on what terms it is seen. */
function AccessBanner({ c }: { c: Case }) {
  if (c.access === 'own') return null;
  if (c.access === 'shared') {
    return (
      <p className="notice notice-shared access-banner">
        <strong>{t('access.sharedTitle')}</strong>{' '}
        {t('access.sharedBody', { agency: c.agency.name, level: tValue('distribution', c.distribution) })}
      </p>
    );
  }
  return <DisclosedBanner c={c} />;
}

function DisclosedBanner({ c }: { c: Case }) {
  // The grant itself (which parts, until when) is in the agency's outbox.
  const grants = useResource(
    (signal) => api.disclosures({ box: 'outbox', status: 'approved' }, signal),
    `grants:${c.id}`,
  );
  const grant = grants.data?.items.find((d) => d.record_id === c.id);
  return (
    <p className="notice notice-disclosed access-banner">
      <strong>{t('access.disclosedTitle')}</strong>{' '}
      {grant?.kind === 'referral'
        ? t('access.referredBody', { agency: c.agency.name })
        : t('access.disclosedBody', { agency: c.agency.name })}
      {grant && (
        <span>
          {' '}
          {t('access.disclosedGrant', { fields: fieldGroupList(grant.fields_granted) })}
          {grant.expires_at && ` ${t('access.disclosedUntil', { date: formatDate(grant.expires_at) })}`}
        </span>
      )}
    </p>
  );
}

/** Other agencies' records sharing an identifier with this case: links to open, hits to ask about. */
function MatchesPanel({ c }: { c: Case }) {
  const [version, setVersion] = useState(0);
  const matches = useResource((signal) => api.caseMatches(c.id, signal), `matches:${c.id}:${version}`);
  const count = matches.data
    ? new Set([...matches.data.links.map((l) => l.case_id), ...matches.data.hits.map((h) => h.record_id)])
        .size
    : null;
  return (
    <section className="panel panel-matches" aria-labelledby="sec-matches">
      <h2 id="sec-matches">
        {t('matches.title')}{' '}
        {count !== null && <span className={`count${count ? ' count-alert' : ''}`}>{count}</span>}
      </h2>
      {matches.state === 'loading' && <Loading label={t('matches.loading')} />}
      {matches.state === 'error' && <ErrorNotice error={matches.error} />}
      {matches.state === 'ready' && (
        <MatchList
          matches={matches.data}
          caseReference={c.fir_number ? t('case.firTitle', { number: c.fir_number }) : undefined}
          onChanged={() => setVersion((v) => v + 1)}
        />
      )}
    </section>
  );
}

function occurred(c: Case): string | null {
  if (!c.occurred_from && !c.occurred_to) return null;
  if (c.occurred_from && c.occurred_to)
    return `${formatDate(c.occurred_from)} – ${formatDate(c.occurred_to)}`;
  return formatDate(c.occurred_from ?? c.occurred_to);
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value || <span className="muted">—</span>}</dd>
    </div>
  );
}

/** "Screen this person": the screening form filled in from the person record (the officer states the purpose). */
function screenHref(p: Person): string {
  // Aliases go with the name the way records write them ("Ramesh Yadav @ Kalia"); screening searches them too.
  const aliases = (p.aliases ?? []).filter((a) => a.trim() !== '');
  const q = new URLSearchParams({ name: [p.full_name, ...aliases].join(' @ ') });
  if (p.relation_name) q.set('relation', p.relation_name);
  if (p.gender) q.set('gender', p.gender);
  if (p.birth_date) q.set('birth', p.birth_date);
  else if (p.age != null) q.set('age', String(p.age));
  if (p.pincode) q.set('place', p.pincode);
  else if (p.address) q.set('place', p.address);
  for (const i of p.identifiers ?? []) if (!i.protected) q.append('id', `${i.kind}:${i.value}`);
  return `/grid/screen?${q.toString()}`;
}

function PersonTable({
  persons,
  canScreen,
  onOpenSheet,
}: {
  persons: Person[];
  canScreen: boolean;
  onOpenSheet?: (p: Person) => void;
}) {
  return (
    <table className="data-table person-table">
      <thead>
        <tr>
          <th scope="col" className="col-name">
            {t('person.name')}
          </th>
          <th scope="col" className="col-relation">
            {t('person.relation')}
          </th>
          <th scope="col" className="col-gender">
            {t('person.genderAge')}
          </th>
          <th scope="col" className="col-address">
            {t('person.address')}
          </th>
          <th scope="col">{t('person.identifiers')}</th>
        </tr>
      </thead>
      <tbody>
        {persons.map((p) => (
          <tr key={p.id}>
            <td>
              <span className="person-name">{p.full_name}</span>
              {p.aliases?.length ? (
                <div className="aliases">{t('person.aliases', { names: p.aliases.join(', ') })}</div>
              ) : null}
              {(canScreen || onOpenSheet || p.profile_id) && (
                <div className="person-actions">
                  {p.profile_id && <Link href={`/profiles/${p.profile_id}`}>{t('person.profile')}</Link>}
                  {canScreen && <Link href={screenHref(p)}>{t('person.screen')}</Link>}
                  {onOpenSheet && (
                    <button type="button" className="btn-link link-button" onClick={() => onOpenSheet(p)}>
                      {t('person.openSheet')}
                    </button>
                  )}
                </div>
              )}
            </td>
            <td>{p.relation_kind ? `${p.relation_kind} ${p.relation_name ?? ''}`.trim() : '—'}</td>
            <td className="gender-age">{genderAge(p)}</td>
            <td>{p.address ?? '—'}</td>
            <td>
              {p.identifiers?.length ? (
                <ul className="identifier-inline">
                  {p.identifiers.map((i) => (
                    <li key={i.id}>
                      <span className="id-kind">{tValue('identifier', i.kind)}</span>{' '}
                      <IdentifierValue value={i.value} />
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Gender and age as two lines, so a narrow column wraps between them rather than inside a date. */
function genderAge(p: Person) {
  const age =
    p.age != null
      ? t('person.ageYears', { age: p.age })
      : p.birth_date
        ? t('person.born', { date: formatDate(p.birth_date) })
        : p.age_band;
  if (!p.gender && !age) return '—';
  return (
    <>
      {p.gender && <span>{tValue('gender', p.gender)}</span>}
      {age && <span>{age}</span>}
    </>
  );
}

function OffenceList({ codes, index }: { codes: string[]; index: Map<string, Offence> | undefined }) {
  if (codes.length === 0) return <p className="muted">{t('case.noOffences')}</p>;
  return (
    <ul className="offence-list">
      {inReferenceOrder(codes, index).map((code) => {
        const o = index?.get(code);
        return (
          <li key={code}>
            <span className={`chip chip-${code.split('-')[0]?.toLowerCase()}`}>{code}</span>
            <span className="offence-title">{o?.title ?? ''}</span>
            {o?.child_specific && <span className="tag tag-small">{t('offence.childSpecific')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

function IdentifierList({ identifiers }: { identifiers: Identifier[] }) {
  if (identifiers.length === 0) return <p className="muted">{t('case.noIdentifiers')}</p>;
  return (
    <table className="data-table compact identifier-table">
      <thead>
        <tr>
          <th scope="col" className="col-kind">
            {t('identifier.kind')}
          </th>
          <th scope="col">{t('identifier.value')}</th>
        </tr>
      </thead>
      <tbody>
        {identifiers.map((i) => (
          <tr key={i.id}>
            <td>{tValue('identifier', i.kind)}</td>
            <td>
              <IdentifierValue value={i.value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * An identifier with line-break opportunities after "@", "." and "/", so a long e-mail id or URL wraps at
 * its joints in a narrow column. `<wbr>` is not copied with the text, so a copied value stays exact.
 */
function IdentifierValue({ value }: { value: string }) {
  const parts: ReactNode[] = [];
  let start = 0;
  for (const match of value.matchAll(/[@./]/g)) {
    const end = match.index + 1;
    parts.push(value.slice(start, end), <wbr key={end} />);
    start = end;
  }
  parts.push(value.slice(start));
  return <code>{parts}</code>;
}
