import { useState } from 'react';
import { Link } from 'wouter';
import type { CaseLink, Hit, Matches } from '../../api/types.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useCan } from '../auth/permissions.ts';
import { RequestDisclosureDialog } from '../disclosures/request-disclosure-dialog.tsx';

/** One entry per record, with every identifier kind it matched on. */
function byRecord<T>(items: T[], key: (item: T) => string, kind: (item: T) => string) {
  const grouped = new Map<string, { item: T; kinds: string[] }>();
  for (const item of items) {
    const entry = grouped.get(key(item));
    if (entry) {
      if (!entry.kinds.includes(kind(item))) entry.kinds.push(kind(item));
    } else grouped.set(key(item), { item, kinds: [kind(item)] });
  }
  return [...grouped.values()];
}

const kindList = (kinds: string[]) => kinds.map((k) => tValue('identifier', k)).join(', ');

/**
 * What the grid found: links to cases the officer may read, and hits — records of other agencies the officer
 * may not read, shown only as "a match exists; ask this officer" — with a request for disclosure.
 */
export function MatchList({
  matches,
  caseReference,
  onChanged,
}: {
  matches: Matches;
  /** Prefills "your case reference" in a disclosure request. */
  caseReference?: string;
  onChanged: () => void;
}) {
  const canRequest = useCan('disclosure:request') === true;
  const [requesting, setRequesting] = useState<Hit | null>(null);
  const links = byRecord(
    matches.links,
    (l) => l.case_id,
    (l) => l.match.kind,
  );
  const hits = byRecord(
    matches.hits,
    (h) => h.record_id,
    (h) => h.match.kind,
  );

  if (links.length === 0 && hits.length === 0) return <p className="muted">{t('matches.none')}</p>;
  return (
    <div className="matches">
      {links.length > 0 && (
        <div className="match-group">
          <h3 className="match-heading">
            {t('matches.links')} <span className="count">{links.length}</span>
          </h3>
          <ul className="match-list">
            {links.map(({ item, kinds }) => (
              <LinkItem key={item.case_id} link={item} kinds={kinds} />
            ))}
          </ul>
        </div>
      )}
      {hits.length > 0 && (
        <div className="match-group">
          <h3 className="match-heading">
            {t('matches.hits')} <span className="count">{hits.length}</span>
          </h3>
          <p className="match-note">{t('matches.hitsNote')}</p>
          <ul className="match-list">
            {hits.map(({ item, kinds }) => (
              <HitItem
                key={item.record_id}
                hit={item}
                kinds={kinds}
                onRequest={canRequest ? () => setRequesting(item) : undefined}
              />
            ))}
          </ul>
        </div>
      )}
      {requesting && (
        <RequestDisclosureDialog
          hit={requesting}
          caseReference={caseReference}
          onClose={() => setRequesting(null)}
          onFiled={() => {
            setRequesting(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function LinkItem({ link, kinds }: { link: CaseLink; kinds: string[] }) {
  return (
    <li className="match-item">
      <div className="match-line">
        <Link href={`/cases/${link.case_id}`} className="fir-link">
          {link.fir_number ? t('case.firTitle', { number: link.fir_number }) : t('cases.noFir')}
        </Link>
        <span className="match-kind">{t('matches.sameKind', { kinds: kindList(kinds) })}</span>
      </div>
      <div className="match-agency">{link.agency.name}</div>
    </li>
  );
}

function HitItem({ hit, kinds, onRequest }: { hit: Hit; kinds: string[]; onRequest?: () => void }) {
  const status = hit.disclosure_status;
  const a = hit.agency;
  return (
    <li className="match-item match-hit">
      <div className="match-line">
        <span className="hit-label">{t('matches.hitLabel')}</span>
        <span className="match-kind">
          {t('matches.sameKind', { kinds: kindList(kinds) })} · {tValue('strength', hit.strength)}
        </span>
        {status && <span className={`badge disclosure-${status}`}>{tValue('disclosureStatus', status)}</span>}
      </div>
      <div className="match-agency">
        <strong>{a.name}</strong> <span className="muted">({a.code})</span>
      </div>
      <dl className="contact">
        <dt>{t('hit.contact')}</dt>
        <dd>{a.contact_officer ?? '—'}</dd>
        {a.contact_phone && (
          <>
            <dt className="visually-hidden">{t('hit.phone')}</dt>
            <dd>
              <a href={`tel:${a.contact_phone.replace(/\s+/g, '')}`}>{a.contact_phone}</a>
            </dd>
          </>
        )}
        {a.contact_email && (
          <>
            <dt className="visually-hidden">{t('hit.email')}</dt>
            <dd>
              <a href={`mailto:${a.contact_email}`}>{a.contact_email}</a>
            </dd>
          </>
        )}
      </dl>
      <div className="match-actions">
        {status === 'approved' ? (
          <Link href={`/cases/${hit.record_id}`} className="btn btn-small">
            {t('matches.openDisclosed')}
          </Link>
        ) : status === 'pending' ? (
          <span className="muted small">{t('matches.pendingNote')}</span>
        ) : (
          onRequest && (
            <button type="button" className="btn btn-small" onClick={onRequest}>
              {status ? t('matches.requestAgain') : t('matches.request')}
            </button>
          )
        )}
      </div>
    </li>
  );
}
