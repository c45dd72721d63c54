import type { ReactNode } from 'react';
import { Link, useParams } from 'wouter';
import { api } from '../../api/client.ts';
import { type Case, type Identifier, type Offence, type Person, personRoles } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { ErrorNotice, Loading } from '../../components/notices.tsx';
import { inReferenceOrder } from '../../components/offence-chips.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useOffenceIndex, useStates } from '../reference/reference.ts';

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
  const stateName = states?.find((s) => s.lgd_code === c.state_lgd_code)?.name;
  const title = firLabel(c);
  const byRole = new Map<string, Person[]>();
  for (const p of c.persons) byRole.set(p.role, [...(byRole.get(p.role) ?? []), p]);
  const otherRoles = [...byRole.keys()].filter((r) => !(personRoles as readonly string[]).includes(r));
  const roleOrder = [...personRoles.filter((r) => r !== 'victim'), ...otherRoles];

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
        </div>
        <p className="case-station">
          {c.agency.name}
          {c.district_name && ` · ${c.district_name}`}
          {stateName && ` · ${stateName}`}
        </p>
        <dl className="facts">
          <Fact label={t('case.registeredAt')} value={formatDateTime(c.registered_at)} />
          <Fact label={t('case.gdEntry')} value={c.gd_entry} />
          <Fact label={t('case.occurred')} value={occurred(c)} />
          <Fact label={t('case.place')} value={c.place} />
          <Fact label={t('case.pincode')} value={c.pincode} />
          <Fact label={t('case.procedureCode')} value={c.procedure_code} />
          <Fact label={t('case.distribution')} value={tValue('distribution', c.distribution)} />
          <Fact label={t('case.updatedAt')} value={formatDateTime(c.updated_at)} />
        </dl>
      </header>

      <div className="case-grid">
        <div className="case-main">
          <section className="panel" aria-labelledby="sec-summary">
            <h2 id="sec-summary">{t('case.summary')}</h2>
            {c.summary ? (
              <p className="summary-text">{c.summary}</p>
            ) : (
              <p className="muted">{t('case.noSummary')}</p>
            )}
          </section>

          <VictimsSection victims={byRole.get('victim') ?? []} />

          {roleOrder.map((role) => {
            const persons = byRole.get(role);
            if (!persons?.length) return null;
            return (
              <section key={role} className="panel" aria-labelledby={`sec-role-${role}`}>
                <h2 id={`sec-role-${role}`}>
                  {tValue('personRoles', role)} <span className="count">{persons.length}</span>
                </h2>
                <PersonTable persons={persons} />
              </section>
            );
          })}
          {c.persons.length === 0 && (
            <section className="panel">
              <h2>{t('case.persons')}</h2>
              <p className="muted">{t('case.noPersons')}</p>
            </section>
          )}
        </div>

        <aside className="case-side">
          <section className="panel" aria-labelledby="sec-offences">
            <h2 id="sec-offences">
              {t('case.offences')} <span className="count">{c.offences.length}</span>
            </h2>
            <OffenceList codes={c.offences} index={offenceIndex} />
          </section>
          <section className="panel" aria-labelledby="sec-identifiers">
            <h2 id="sec-identifiers">
              {t('case.identifiers')} <span className="count">{c.identifiers.length}</span>
            </h2>
            <IdentifierList identifiers={c.identifiers} />
          </section>
          <section className="panel panel-quiet" aria-labelledby="sec-record">
            <h2 id="sec-record">{t('case.record')}</h2>
            <dl className="facts facts-stacked">
              <Fact label={t('case.owner')} value={`${c.agency.name} (${c.agency.code})`} />
              <Fact label={t('case.createdAt')} value={formatDateTime(c.created_at)} />
              <Fact label={t('case.externalId')} value={c.external_id} />
              <Fact label={t('case.version')} value={String(c.version)} />
            </dl>
          </section>
        </aside>
      </div>
    </div>
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

function VictimsSection({ victims }: { victims: Person[] }) {
  return (
    <section className="panel panel-protected" aria-labelledby="sec-victims">
      <h2 id="sec-victims">
        <svg className="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M8 1 2.5 3v4.2c0 3.4 2.3 6.3 5.5 7.3 3.2-1 5.5-3.9 5.5-7.3V3L8 1z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
          />
        </svg>
        {t('case.victims')} <span className="count">{victims.length}</span>
      </h2>
      <p className="protected-note">{t('case.victimsNote')}</p>
      {victims.length ? <PersonTable persons={victims} /> : <p className="muted">{t('case.noVictims')}</p>}
    </section>
  );
}

function PersonTable({ persons }: { persons: Person[] }) {
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
              {p.aliases.length > 0 && (
                <div className="aliases">{t('person.aliases', { names: p.aliases.join(', ') })}</div>
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
    p.age !== null
      ? t('person.ageYears', { age: p.age })
      : p.birth_date
        ? t('person.born', { date: formatDate(p.birth_date) })
        : null;
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
