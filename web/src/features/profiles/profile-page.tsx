import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api } from '../../api/client.ts';
import type {
  Hit,
  NetworkEdge,
  NetworkNode,
  PersonProfile,
  ProfileRecord,
  ProfileUnlink,
} from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { Done, ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useActions } from '../auth/permissions.ts';
import { RequestDisclosureDialog } from '../disclosures/request-disclosure-dialog.tsx';
import { OpenSheetDialog, sheetRoles } from '../register/open-sheet-dialog.tsx';
import { LinkHistory } from './link-history.tsx';
import { NetworkGraph } from './network-graph.tsx';
import { UnlinkRecordDialog } from './unlink-record-dialog.tsx';
import { WatchPersonDialog } from './watch-person-dialog.tsx';

/** The name most of the readable records give, for the page title. */
function profileName(p: PersonProfile): string {
  const counts = new Map<string, number>();
  for (const r of p.records) {
    if (r.person) counts.set(r.person.full_name, (counts.get(r.person.full_name) ?? 0) + 1);
  }
  let best = '';
  for (const [name, n] of counts) if (n > (counts.get(best) ?? 0)) best = name;
  return best || t('profile.unnamed');
}

/** What the last "Not this person" did, shown above the profile it left (or the record's own, when none is left). */
interface Unlinked {
  name: string;
  result: ProfileUnlink;
}

export function ProfilePage() {
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  const [version, setVersion] = useState(0);
  const [unlinked, setUnlinked] = useState<Unlinked | null>(null);
  const profile = useResource((signal) => api.profile(id, signal), `profile:${id}:${version}`);
  useDocumentTitle(profile.data ? profileName(profile.data) : t('profile.title'));
  const onUnlinked = (done: Unlinked) => {
    setUnlinked(done);
    // Nothing of the profile left that the caller reads: show the record's own profile instead.
    if (done.result.profile_readable) setVersion((v) => v + 1);
    else navigate(`/profiles/${done.result.new_profile_id}`);
  };
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link href="/grid/screen">{t('nav.grid')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{profile.data ? profileName(profile.data) : t('profile.title')}</span>
      </nav>
      {unlinked && (
        <Done>
          {unlinked.result.profile_id === id ? (
            <>
              {t('unlink.done', { name: unlinked.name })}{' '}
              <Link href={`/profiles/${unlinked.result.new_profile_id}`}>{t('unlink.openOwn')}</Link>
            </>
          ) : (
            t('unlink.doneOwn', { name: unlinked.name })
          )}
        </Done>
      )}
      {profile.state === 'loading' && <Loading label={t('profile.loading')} />}
      {profile.state === 'error' && <ErrorNotice error={profile.error} />}
      {profile.state === 'ready' && <ProfileView profile={profile.data} onUnlinked={onUnlinked} />}
    </div>
  );
}

function ProfileView({
  profile: p,
  onUnlinked,
}: {
  profile: PersonProfile;
  onUnlinked: (done: Unlinked) => void;
}) {
  const actions = useActions();
  const [opening, setOpening] = useState<{ personId: string; name: string } | null>(null);
  const [unlinking, setUnlinking] = useState<ProfileRecord | null>(null);
  const [watching, setWatching] = useState(false);
  const links = p.records.filter((r) => r.access === 'link');
  const hits = p.records.filter((r) => r.access === 'hit');
  const name = profileName(p);
  const canRegister = actions?.has('register:read') === true;
  const canOpenSheet = actions?.has('register:write') === true;
  const sheetable = links.filter((r) => r.person && sheetRoles.has(r.person.role));
  const first = links.find((r) => r.person)?.person;
  const screenHref = first
    ? `/grid/screen?${new URLSearchParams({
        name: first.full_name,
        ...(first.relation_name ? { relation: first.relation_name } : {}),
        ...(first.gender ? { gender: first.gender } : {}),
        ...(first.age != null ? { age: String(first.age) } : {}),
      }).toString()}`
    : null;

  return (
    <>
      <header className="case-header profile-header">
        <div className="case-title-row">
          <h1>{name}</h1>
          {p.flags.repeat_offender && (
            <span className="badge flag-repeat">{t('profile.repeatOffender')}</span>
          )}
          {p.flags.across_states && <span className="badge flag-states">{t('profile.acrossStates')}</span>}
          {p.history_sheets.some((s) => s.status === 'open') && (
            <span className="badge flag-sheet">{t('profile.historySheeter')}</span>
          )}
          <div className="case-actions">
            {screenHref && (
              <Link href={screenHref} className="btn btn-small">
                {t('profile.screenAgain')}
              </Link>
            )}
            {canRegister && (
              <button type="button" className="btn btn-small" onClick={() => setWatching(true)}>
                {t('profile.watch')}
              </button>
            )}
            {canOpenSheet && sheetable.length > 0 && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  setOpening({
                    personId: sheetable[0]!.person!.person_id,
                    name: sheetable[0]!.person!.full_name,
                  })
                }
              >
                {t('profile.openSheet')}
              </button>
            )}
          </div>
        </div>
        <p className="case-station">{t('profile.subtitle')}</p>
        <dl className="facts">
          <Fact label={t('profile.records')} value={String(p.records.length)} />
          <Fact label={t('profile.cases')} value={String(p.flags.cases)} />
          <Fact label={t('profile.states')} value={String(p.flags.states)} />
          <Fact
            label={t('profile.youRead')}
            value={t('profile.readCount', { links: links.length, hits: hits.length })}
          />
        </dl>
      </header>
      <div className="case-grid">
        <div className="case-main">
          <section className="panel" aria-labelledby="sec-records">
            <h2 id="sec-records">
              {t('profile.recordsTitle')} <span className="count">{links.length}</span>
            </h2>
            {links.length ? (
              <RecordTable
                records={links}
                onOpenSheet={
                  canOpenSheet ? (personId, who) => setOpening({ personId, name: who }) : undefined
                }
                onUnlink={setUnlinking}
              />
            ) : (
              <p className="muted">{t('profile.noRecords')}</p>
            )}
          </section>
          <section className="panel" aria-labelledby="sec-network">
            <h2 id="sec-network">{t('profile.network')}</h2>
            <NetworkGraph {...joined(p)} />
          </section>
        </div>
        <aside className="case-side">
          {hits.length > 0 && <HitsPanel hits={hits} />}
          {canRegister && (
            <section className="panel" aria-labelledby="sec-sheets">
              <h2 id="sec-sheets">
                {t('profile.historySheets')} <span className="count">{p.history_sheets.length}</span>
              </h2>
              {p.history_sheets.length ? (
                <ul className="sheet-list">
                  {p.history_sheets.map((s) => (
                    <li key={s.id}>
                      <Link href={`/register/${s.id}`}>
                        {t('sheet.numberAt', { number: s.number, agency: s.agency_name })}
                      </Link>{' '}
                      <span className={`badge sheet-${s.status}`}>{tValue('sheetStatus', s.status)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('profile.noSheets')}</p>
              )}
            </section>
          )}
          <section className="panel panel-quiet" aria-labelledby="sec-how">
            <h2 id="sec-how">{t('profile.howLinked')}</h2>
            <p className="small">{t('profile.howLinkedBody')}</p>
            <LinkHistory profileId={p.id} records={p.records} />
          </section>
        </aside>
      </div>
      {opening && (
        <OpenSheetDialog
          personId={opening.personId}
          personName={opening.name}
          onClose={() => setOpening(null)}
        />
      )}
      {watching && <WatchPersonDialog profileId={p.id} name={name} onClose={() => setWatching(false)} />}
      {unlinking?.person && (
        <UnlinkRecordDialog
          profileId={p.id}
          personId={unlinking.person.person_id}
          name={unlinking.person.full_name}
          agency={unlinking.agency.name}
          onClose={() => setUnlinking(null)}
          onDone={(result) => {
            const who = unlinking.person!.full_name;
            setUnlinking(null);
            onUnlinked({ name: who, result });
          }}
        />
      )}
    </>
  );
}

/**
 * The network as the API draws it has one node per record; the profile is what makes them one person. A centre
 * node ("This person") joined to each record's person node shows that, and keeps the drawing in one piece.
 */
function joined(p: PersonProfile): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const centre = `profile:${p.id}`;
  const persons = p.network.nodes.filter((n) => n.kind === 'person' && n.id.startsWith('person:'));
  const hasCentre = p.network.nodes.some((n) => n.id === centre);
  if (persons.length + (hasCentre ? 1 : 0) < 2) return p.network;
  return {
    nodes: hasCentre
      ? p.network.nodes
      : [{ id: centre, kind: 'person', label: t('network.thisPerson') }, ...p.network.nodes],
    edges: [...p.network.edges, ...persons.map((n) => ({ from: centre, to: n.id, kind: 'same_person' }))],
  };
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function linkedHow(r: ProfileRecord): string {
  const how = tValue('linkMethod', r.link.method);
  return r.link.score != null ? t('profile.linkScore', { how, score: r.link.score.toFixed(1) }) : how;
}

function RecordTable({
  records,
  onOpenSheet,
  onUnlink,
}: {
  records: ProfileRecord[];
  onOpenSheet?: (personId: string, name: string) => void;
  onUnlink: (record: ProfileRecord) => void;
}) {
  return (
    <div className="table-scroll-x">
      <table className="data-table profile-table">
        <thead>
          <tr>
            <th scope="col">{t('person.name')}</th>
            <th scope="col">{t('person.role')}</th>
            <th scope="col">{t('person.genderAge')}</th>
            <th scope="col">{t('person.relation_name')}</th>
            <th scope="col">{t('profile.agencyCase')}</th>
            <th scope="col">{t('profile.linked')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => {
            const person = r.person!;
            return (
              <tr key={person.person_id}>
                <td>
                  <span className="person-name">{person.full_name}</span>
                </td>
                <td>{tValue('personRole', person.role)}</td>
                <td className="gender-age">
                  {person.gender && <span>{tValue('gender', person.gender)}</span>}
                  {person.age != null && <span>{t('person.ageYears', { age: person.age })}</span>}
                  {!person.gender && person.age == null && '—'}
                </td>
                <td>{person.relation_name ?? '—'}</td>
                <td>
                  <div>{r.agency.name}</div>
                  <Link href={`/cases/${r.case_id}`}>{t('profile.openCase')}</Link>
                </td>
                <td>
                  <div>{linkedHow(r)}</div>
                  <div className="muted small">{formatDate(r.link.linked_at)}</div>
                  {onOpenSheet && sheetRoles.has(person.role) && (
                    <button
                      type="button"
                      className="btn btn-link btn-small"
                      onClick={() => onOpenSheet(person.person_id, person.full_name)}
                    >
                      {t('profile.openSheetShort')}
                    </button>
                  )}
                  {r.may_unlink && (
                    <button
                      type="button"
                      className="btn btn-link btn-small"
                      aria-label={t('unlink.buttonFor', { name: person.full_name })}
                      onClick={() => onUnlink(r)}
                    >
                      {t('unlink.button')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function asHit(r: ProfileRecord): Hit {
  return {
    record_kind: 'case',
    record_id: r.case_id,
    match: { kind: 'person', on: 'person' },
    strength: 'exact',
    agency: r.agency,
    disclosure_status: null,
    disclosure_id: null,
  };
}

/** Records of this person the viewer may not read: who holds them and whom to ask. */
function HitsPanel({ hits }: { hits: ProfileRecord[] }) {
  const actions = useActions();
  const [asking, setAsking] = useState<ProfileRecord | null>(null);
  const [asked, setAsked] = useState<Set<string>>(new Set());
  return (
    <section className="panel panel-matches" aria-labelledby="sec-hits">
      <h2 id="sec-hits">
        {t('matches.hits')} <span className="count count-alert">{hits.length}</span>
      </h2>
      <p className="match-note">{t('profile.hitsNote')}</p>
      <ul className="match-list">
        {hits.map((r) => (
          <li key={r.case_id} className="match-item match-hit">
            <div className="match-line">
              <span className="hit-label">{t('matches.hitLabel')}</span>
              <span className="match-kind">{linkedHow(r)}</span>
            </div>
            <div className="match-agency">
              <strong>{r.agency.name}</strong> <span className="muted">({r.agency.code})</span>
            </div>
            <dl className="contact">
              <dt>{t('hit.contact')}</dt>
              <dd>{r.agency.contact_officer ?? '—'}</dd>
              {r.agency.contact_phone && (
                <>
                  <dt className="visually-hidden">{t('hit.phone')}</dt>
                  <dd>
                    <a href={`tel:${r.agency.contact_phone.replace(/\s+/g, '')}`}>{r.agency.contact_phone}</a>
                  </dd>
                </>
              )}
            </dl>
            {actions?.has('disclosure:request') && (
              <div className="match-actions">
                {asked.has(r.case_id) ? (
                  <span className="badge disclosure-pending">{tValue('disclosureStatus', 'pending')}</span>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => setAsking(r)}>
                    {t('screen.askDisclosure')}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {asking && (
        <RequestDisclosureDialog
          hit={asHit(asking)}
          matchedOn={t('profile.matchedOnProfile')}
          onClose={() => setAsking(null)}
          onFiled={() => {
            setAsked((s) => new Set([...s, asking.case_id]));
            setAsking(null);
          }}
        />
      )}
    </section>
  );
}
