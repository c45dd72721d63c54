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
      <section className="panel panel-protected" aria-labelledby="sec-tip-text">
        <h2 id="sec-tip-text">{t('tip.text')}</h2>
        <p className="protected-note">{t('tip.textLogged')}</p>
        <p className="summary-text">{tip.text}</p>
      </section>
      <section className="panel" aria-labelledby="sec-tip-identifiers">
        <h2 id="sec-tip-identifiers">
          {t('tips.identifiers')} <span className="count">{tip.identifiers.length}</span>
        </h2>
        {tip.identifiers.length === 0 ? (
          <p className="muted">{t('tip.noIdentifiers')}</p>
        ) : (
          <ul className="tip-identifiers">
            {tip.identifiers.map((i) => (
              <IdentifierItem key={i.id} identifier={i} onChanged={onChanged} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function IdentifierItem({ identifier: i, onChanged }: { identifier: TipIdentifier; onChanged: () => void }) {
  const listed = i.matches.warning_listed[0];
  const common = i.matches.too_common[0];
  return (
    <li className="tip-identifier">
      <h3 className="sub-heading">
        <span className="id-kind">{tValue('identifier', i.kind)}</span> <code>{i.normalised}</code>{' '}
        <span className="tag tag-small">{t(i.origin === 'text' ? 'tip.foundInText' : 'tip.given')}</span>
      </h3>
      {i.value !== i.normalised && <p className="muted small">{t('tip.asWritten', { value: i.value })}</p>}
      {listed ? (
        <p className="muted">{t('tip.warningListed', { reason: listed.reason })}</p>
      ) : common ? (
        <p className="muted">{t('tip.tooCommon', { cases: common.cases })}</p>
      ) : (
        <MatchList matches={i.matches} onChanged={onChanged} />
      )}
    </li>
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
