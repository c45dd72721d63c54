import { type ReactNode, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api } from '../../api/client.ts';
import type { MatchReview, MatchReviewQuery, ReviewDecision } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { ActionError, Done, ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { bandOf, ExplanationTable, ScoreBand } from '../screening/explanation.tsx';
import { GridTabs } from '../screening/grid-tabs.tsx';

type Status = NonNullable<MatchReviewQuery['status']>;
const statuses: Status[] = ['pending', 'unsure', 'confirmed', 'rejected'];

function statusFrom(search: string): Status {
  const s = new URLSearchParams(search).get('status');
  return (statuses as string[]).includes(s ?? '') ? (s as Status) : 'pending';
}

/**
 * The review queue: pairs of person records the model could not decide, side by side with the evidence.
 * Confirming joins them in one profile (with the reviewer as provenance); "Not the same" keeps them apart for
 * good; "Unsure" sets the pair aside with a note. After a decision the next pair opens.
 */
export function ReviewPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const status = statusFrom(search);
  const [version, setVersion] = useState(0);
  const page = useResource(
    (signal) => api.reviews({ status, limit: 50 }, signal),
    `reviews:${status}:${version}`,
  );
  useDocumentTitle(t('reviews.title'));
  return (
    <div className="page">
      <GridTabs />
      <div className="page-header">
        <div>
          <h1>{t('reviews.title')}</h1>
          <p className="page-sub">{t('reviews.subtitle')}</p>
        </div>
      </div>
      <div className="tabs status-filter" role="tablist" aria-label={t('reviews.statusLabel')}>
        {statuses.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            className="tab"
            aria-selected={s === status}
            onClick={() => navigate(s === 'pending' ? '/grid/reviews' : `/grid/reviews?status=${s}`)}
          >
            {tValue('reviewStatus', s)}
          </button>
        ))}
      </div>
      {page.state === 'loading' && <Loading />}
      {page.state === 'error' && <ErrorNotice error={page.error} onRetry={() => setVersion((v) => v + 1)} />}
      {page.state === 'ready' &&
        (status === 'pending' || status === 'unsure' ? (
          <ReviewQueue
            key={`${status}:${version}`}
            items={page.data.items}
            more={page.data.next_cursor !== null}
            onReload={() => setVersion((v) => v + 1)}
          />
        ) : (
          <DecidedList items={page.data.items} />
        ))}
    </div>
  );
}

function ReviewQueue({
  items,
  more,
  onReload,
}: {
  items: MatchReview[];
  more: boolean;
  onReload: () => void;
}) {
  const [left, setLeft] = useState(items);
  const [currentId, setCurrentId] = useState(items[0]?.id ?? null);
  const [last, setLast] = useState<{ decision: ReviewDecision['decision']; pair: string } | null>(null);
  const current = left.find((i) => i.id === currentId) ?? left[0];

  function decided(item: MatchReview, decision: ReviewDecision['decision']) {
    const index = left.findIndex((i) => i.id === item.id);
    const rest = left.filter((i) => i.id !== item.id);
    setLeft(rest);
    setCurrentId(rest[Math.min(index, rest.length - 1)]?.id ?? null);
    setLast({ decision, pair: `${item.a.full_name} / ${item.b.full_name}` });
  }

  if (!current) {
    return (
      <div className="stack">
        {last && <Done>{t(`reviews.done.${last.decision}`, { pair: last.pair })}</Done>}
        <div className="panel empty">
          <p>{t('reviews.empty')}</p>
          {more && (
            <button type="button" className="btn btn-small" onClick={onReload}>
              {t('reviews.loadMore')}
            </button>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="review-layout">
      <nav className="panel review-list" aria-label={t('reviews.queueLabel')}>
        <h2>
          {t('reviews.queue')} <span className="count">{left.length}</span>
        </h2>
        <ol>
          {left.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="review-list-item"
                aria-current={item.id === current.id ? 'true' : undefined}
                onClick={() => setCurrentId(item.id)}
              >
                <span className="review-list-names">
                  {item.a.full_name} <span className="muted">/</span> {item.b.full_name}
                </span>
                {item.score != null && (
                  <span className="muted small">
                    {t('explanation.score', { score: item.score.toFixed(1) })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="stack">
        {last && <Done>{t(`reviews.done.${last.decision}`, { pair: last.pair })}</Done>}
        <ReviewItem key={current.id} item={current} onDecided={(d) => decided(current, d)} />
      </div>
    </div>
  );
}

function Row({ label, a, b }: { label: string; a: ReactNode; b: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{a ?? <span className="muted">—</span>}</td>
      <td>{b ?? <span className="muted">—</span>}</td>
    </tr>
  );
}

function ReviewItem({
  item,
  onDecided,
}: {
  item: MatchReview;
  onDecided: (decision: ReviewDecision['decision']) => void;
}) {
  const [note, setNote] = useState(item.note ?? '');
  const decide = useAction((decision: ReviewDecision['decision']) =>
    api.decideReview(item.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) }),
  );
  const { a, b } = item;
  async function choose(decision: ReviewDecision['decision']) {
    if (await decide.run(decision)) onDecided(decision);
  }
  return (
    <section className="panel review-item" aria-labelledby="review-title">
      <div className="review-head">
        <h2 id="review-title">{t('reviews.pairTitle')}</h2>
        {item.score != null && <ScoreBand band={bandOf(item.score)} score={item.score} />}
      </div>
      <table className="data-table compare-table">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('reviews.recordA')}</th>
            <th scope="col">{t('reviews.recordB')}</th>
          </tr>
        </thead>
        <tbody>
          <Row
            label={t('person.name')}
            a={<strong>{a.full_name}</strong>}
            b={<strong>{b.full_name}</strong>}
          />
          <Row label={t('person.relation_name')} a={a.relation_name} b={b.relation_name} />
          <Row
            label={t('person.gender')}
            a={a.gender ? tValue('gender', a.gender) : null}
            b={b.gender ? tValue('gender', b.gender) : null}
          />
          <Row
            label={t('person.age')}
            a={a.age != null ? t('person.ageYears', { age: a.age }) : null}
            b={b.age != null ? t('person.ageYears', { age: b.age }) : null}
          />
          <Row label={t('person.role')} a={tValue('personRole', a.role)} b={tValue('personRole', b.role)} />
          <Row label={t('reviews.agency')} a={a.agency.name} b={b.agency.name} />
          <Row
            label={t('reviews.records')}
            a={<SideLinks caseId={a.case_id} profileId={a.profile_id} />}
            b={<SideLinks caseId={b.case_id} profileId={b.profile_id} />}
          />
        </tbody>
      </table>
      <h3 className="sub-heading">{t('reviews.evidence')}</h3>
      <ExplanationTable
        terms={item.explanation}
        score={item.score ?? undefined}
        caption={t('reviews.evidence')}
      />
      <div className="field review-note">
        <label htmlFor="review-note">{t('reviews.note')}</label>
        <textarea
          id="review-note"
          rows={2}
          maxLength={1000}
          value={note}
          aria-describedby="review-note-hint"
          onChange={(e) => setNote(e.target.value)}
        />
        <div id="review-note-hint" className="field-hint">
          {t('reviews.noteHint')}
        </div>
      </div>
      <ActionError error={decide.error} />
      <div className="form-actions review-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={decide.busy}
          onClick={() => choose('confirmed')}
        >
          {t('reviews.confirm')}
        </button>
        <button type="button" className="btn" disabled={decide.busy} onClick={() => choose('rejected')}>
          {t('reviews.reject')}
        </button>
        <button type="button" className="btn" disabled={decide.busy} onClick={() => choose('unsure')}>
          {t('reviews.unsure')}
        </button>
      </div>
      {item.model_version && (
        <p className="field-hint">{t('reviews.model', { version: item.model_version })}</p>
      )}
    </section>
  );
}

function SideLinks({ caseId, profileId }: { caseId: string; profileId: string | null }) {
  return (
    <span className="side-links">
      <Link href={`/cases/${caseId}`}>{t('reviews.openCase')}</Link>
      {profileId && (
        <>
          {' · '}
          <Link href={`/profiles/${profileId}`}>{t('reviews.openProfile')}</Link>
        </>
      )}
    </span>
  );
}

function DecidedList({ items }: { items: MatchReview[] }) {
  if (items.length === 0) return <div className="panel empty">{t('reviews.noneDecided')}</div>;
  return (
    <div className="panel table-panel-standalone">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('reviews.recordA')}</th>
            <th scope="col">{t('reviews.recordB')}</th>
            <th scope="col" className="num">
              {t('explanation.weight')}
            </th>
            <th scope="col">{t('reviews.note')}</th>
            <th scope="col">{t('reviews.decidedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td>
                {i.a.full_name}
                <div className="muted small">{i.a.agency.name}</div>
              </td>
              <td>
                {i.b.full_name}
                <div className="muted small">{i.b.agency.name}</div>
              </td>
              <td className="num">{i.score != null ? i.score.toFixed(1) : '—'}</td>
              <td>
                {i.origin === 'unlink' && <div className="muted small">{t('reviews.fromUnlink')}</div>}
                {i.note ?? '—'}
              </td>
              <td className="nowrap">{formatDateTime(i.reviewed_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
