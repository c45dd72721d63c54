import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api } from '../../api/client.ts';
import type { Tip, TipIdentifier } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { MatchList } from '../grid/matches.tsx';

/**
 * One tip: what was told (the read is logged), its identifiers, and for each what the grid knows — links to
 * the records the officer may read, hits (whom to call) for the rest.
 */
export function TipPage() {
  const { id } = useParams<{ id: string }>();
  const [version, setVersion] = useState(0);
  const tip = useResource((signal) => api.tip(id, signal), `tip:${id}:${version}`);
  const title = tip.data ? t('tip.title', { date: formatDateTime(tip.data.received_at) }) : t('tips.title');
  useDocumentTitle(title);
  return (
    <div className="page page-form">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link href="/tips">{t('tips.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{tip.data ? title : '…'}</span>
      </nav>
      {tip.state === 'loading' && <Loading />}
      {tip.state === 'error' && <ErrorNotice error={tip.error} />}
      {tip.state === 'ready' && <TipView tip={tip.data} onChanged={() => setVersion((v) => v + 1)} />}
    </div>
  );
}

function TipView({ tip, onChanged }: { tip: Tip; onChanged: () => void }) {
  return (
    <>
      <header className="case-header">
        <div className="case-title-row">
          <h1>{t('tip.title', { date: formatDateTime(tip.received_at) })}</h1>
          <span className="badge">{tValue('tipSource', tip.source)}</span>
        </div>
        <p className="case-station">{tip.agency.name}</p>
        <dl className="facts">
          <Fact label={t('tips.source')} value={tValue('tipSource', tip.source)} />
          <Fact label={t('tips.receivedAt')} value={formatDateTime(tip.received_at)} />
          <Fact label={t('tips.place')} value={tip.place ?? '—'} />
          <Fact label={t('tip.district')} value={tip.district_name ?? '—'} />
          <Fact label={t('tip.pincode')} value={tip.pincode ?? '—'} />
          <Fact label={t('tips.recordedBy')} value={tip.recorded_by?.display_name ?? '—'} />
          <Fact label={t('tip.recordedAt')} value={formatDateTime(tip.created_at)} />
        </dl>
      </header>
      <section className="panel panel-protected tip-section" aria-labelledby="sec-tip-text">
        <h2 id="sec-tip-text">{t('tip.text')}</h2>
        {tip.text === null ? (
          <p className="protected-note">{t('tip.textWithheld')}</p>
        ) : (
          <>
            <p className="protected-note">{t('tip.textLogged')}</p>
            <p className="summary-text">{tip.text}</p>
          </>
        )}
      </section>
      <section className="panel tip-section" aria-labelledby="sec-tip-identifiers">
        <h2 id="sec-tip-identifiers">
          {t('tips.identifiers')} <span className="count">{tip.identifiers.length}</span>
        </h2>
        {tip.identifiers.length === 0 ? (
          <p className="muted">{t('tip.noIdentifiers')}</p>
        ) : (
          <table className="data-table tip-identifiers">
            <thead>
              <tr>
                <th scope="col">{t('identifier.kind')}</th>
                <th scope="col">{t('identifier.value')}</th>
                <th scope="col">{t('tip.origin')}</th>
                <th scope="col">{t('tip.gridKnows')}</th>
              </tr>
            </thead>
            <tbody>
              {tip.identifiers.map((i) => (
                <IdentifierRow key={i.id} identifier={i} onChanged={onChanged} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function IdentifierRow({ identifier: i, onChanged }: { identifier: TipIdentifier; onChanged: () => void }) {
  const m = i.matches;
  const listed = m.warning_listed[0];
  const common = m.too_common[0];
  return (
    <tr>
      <td className="cell-top">{tValue('identifier', i.kind)}</td>
      <td className="cell-top">
        <code>{i.normalised}</code>
        {i.value !== i.normalised && (
          <div className="muted small">{t('tip.asWritten', { value: i.value })}</div>
        )}
      </td>
      <td className="cell-top">{t(i.origin === 'text' ? 'tip.foundInText' : 'tip.given')}</td>
      <td className="cell-top">
        {listed ? (
          <span className="muted">{t('tip.warningListed', { reason: listed.reason })}</span>
        ) : common ? (
          <span className="muted">{t('tip.tooCommon', { cases: common.cases })}</span>
        ) : m.links.length === 0 && m.hits.length === 0 ? (
          <span className="muted">{t('tip.noMatches')}</span>
        ) : (
          <MatchList matches={m} onChanged={onChanged} />
        )}
      </td>
    </tr>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
