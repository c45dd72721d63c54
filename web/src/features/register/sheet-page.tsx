import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'wouter';
import { ApiError, api } from '../../api/client.ts';
import type { HistorySheet } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError, Done, ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate, spelled } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useCan } from '../auth/permissions.ts';
import { todayIst } from './register-shared.ts';

/** One history sheet with its confidential grounds: the read itself is written to the audit log. */
export function SheetPage() {
  const { id } = useParams<{ id: string }>();
  const [version, setVersion] = useState(0);
  const sheet = useResource((signal) => api.historySheet(id, signal), `sheet:${id}:${version}`);
  useDocumentTitle(sheet.data ? t('sheet.title', { number: sheet.data.number }) : t('register.title'));
  return (
    <div className="page page-form">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link href="/register">{t('register.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{sheet.data ? t('sheet.title', { number: sheet.data.number }) : '…'}</span>
      </nav>
      {sheet.state === 'loading' && <Loading />}
      {sheet.state === 'error' && <ErrorNotice error={sheet.error} />}
      {sheet.state === 'ready' && <SheetView sheet={sheet.data} onReload={() => setVersion((v) => v + 1)} />}
    </div>
  );
}

function SheetView({ sheet: s, onReload }: { sheet: HistorySheet; onReload: () => void }) {
  const canWrite = useCan('register:write') === true;
  const [dialog, setDialog] = useState<'review' | 'close' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [current, setCurrent] = useState(s);
  const open = current.status === 'open';
  const overdue = open && !!current.review_due_on && current.review_due_on < todayIst();
  return (
    <>
      <header className="case-header">
        <div className="case-title-row">
          <h1>{t('sheet.title', { number: current.number })}</h1>
          <span className={`badge sheet-${current.status}`}>{tValue('sheetStatus', current.status)}</span>
          {overdue && <span className="tag tag-overdue">{t('register.overdue')}</span>}
          {canWrite && open && (
            <div className="case-actions">
              <button type="button" className="btn btn-small" onClick={() => setDialog('review')}>
                {t('sheet.review')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setDialog('close')}>
                {t('sheet.close')}
              </button>
            </div>
          )}
        </div>
        <p className="case-station">
          {current.person_name} · {current.agency_name}
        </p>
        <dl className="facts">
          <Fact label={t('register.category')} value={current.rule_label} />
          <Fact label={t('sheet.openedOn')} value={formatDate(current.opened_on)} />
          <Fact
            label={t('sheet.orderedBy')}
            value={`${current.ordered_by_name} (${tValue('rank', current.ordered_by_rank)})`}
          />
          <Fact
            label={t('sheet.convictedShort')}
            value={current.convicted ? t('common.yes') : t('common.no')}
          />
          <Fact
            label={t('register.reviewDue')}
            value={current.review_due_on ? formatDate(current.review_due_on) : '—'}
          />
          {!open && <Fact label={t('sheet.closedOn')} value={formatDate(current.closed_on)} />}
          <Fact label={t('case.version')} value={String(current.version)} />
          <div className="fact">
            <dt>{t('sheet.person')}</dt>
            <dd>
              <Link href={`/profiles/${current.profile_id}`}>{t('sheet.openProfile')}</Link>
            </dd>
          </div>
        </dl>
      </header>
      {done && <Done>{done}</Done>}
      <section className="panel panel-protected" aria-labelledby="sec-grounds">
        <h2 id="sec-grounds">{t('sheet.grounds')}</h2>
        <p className="protected-note">{t('sheet.groundsLogged')}</p>
        <p className="summary-text">{current.grounds ?? '—'}</p>
      </section>
      {!open && current.closure_reason && (
        <section className="panel page-notice" aria-labelledby="sec-closure">
          <h2 id="sec-closure">{t('sheet.closure')}</h2>
          <p className="summary-text">{current.closure_reason}</p>
        </section>
      )}
      {dialog === 'review' && (
        <ReviewDialog
          sheet={current}
          onClose={() => setDialog(null)}
          onConflict={onReload}
          onDone={(next) => {
            setCurrent({ ...next, grounds: next.grounds ?? current.grounds });
            setDialog(null);
            setDone(t('sheet.reviewed', { date: formatDate(next.review_due_on) }));
          }}
        />
      )}
      {dialog === 'close' && (
        <CloseDialog
          sheet={current}
          onClose={() => setDialog(null)}
          onConflict={onReload}
          onDone={(next) => {
            setCurrent({ ...next, grounds: next.grounds ?? current.grounds });
            setDialog(null);
            setDone(t('sheet.closed'));
          }}
        />
      )}
    </>
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

/** Someone changed the sheet since it was read: say so and offer to read it again, rather than overwrite. */
function Conflict({ error, onReload }: { error: ApiError | null; onReload: () => void }) {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'version_conflict') {
    return <ActionError error={error} />;
  }
  return (
    <div className="notice notice-error" role="alert">
      <span>{t('sheet.conflict')}</span>
      <button type="button" className="btn btn-small" onClick={onReload}>
        {t('sheet.reload')}
      </button>
    </div>
  );
}

function ReviewDialog({
  sheet,
  onClose,
  onDone,
  onConflict,
}: {
  sheet: HistorySheet;
  onClose: () => void;
  onDone: (s: HistorySheet) => void;
  onConflict: () => void;
}) {
  const [reviewedOn, setReviewedOn] = useState(todayIst());
  const [nextOn, setNextOn] = useState('');
  const review = useAction(api.reviewHistorySheet);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = await review.run(sheet.id, {
      version: sheet.version,
      reviewed_on: reviewedOn,
      ...(nextOn ? { next_review_on: nextOn } : {}),
    });
    if (next) onDone(next);
  }
  const reviewedError = issueFor(review.error, 'reviewed_on');
  const nextError = issueFor(review.error, 'next_review_on');
  return (
    <Dialog title={t('sheet.reviewTitle', { number: sheet.number })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <Field
          id="hs-reviewed"
          label={t('sheet.reviewedOn')}
          error={reviewedError}
          hint={spelled(reviewedOn)}
          required
        >
          <input
            type="date"
            {...controlProps('hs-reviewed', reviewedError, spelled(reviewedOn))}
            value={reviewedOn}
            onChange={(e) => setReviewedOn(e.target.value)}
          />
        </Field>
        <Field id="hs-next" label={t('sheet.nextReview')} error={nextError} hint={t('sheet.nextReviewHint')}>
          <input
            type="date"
            {...controlProps('hs-next', nextError, t('sheet.nextReviewHint'))}
            value={nextOn}
            onChange={(e) => setNextOn(e.target.value)}
          />
        </Field>
        <Conflict error={review.error} onReload={onConflict} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={review.busy || !reviewedOn}>
            {review.busy ? t('common.saving') : t('sheet.saveReview')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function CloseDialog({
  sheet,
  onClose,
  onDone,
  onConflict,
}: {
  sheet: HistorySheet;
  onClose: () => void;
  onDone: (s: HistorySheet) => void;
  onConflict: () => void;
}) {
  const [closedOn, setClosedOn] = useState(todayIst());
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const close = useAction(api.closeHistorySheet);
  const reasonError =
    (checked && reason.trim().length < 10 ? t('sheet.reasonShort') : undefined) ??
    issueFor(close.error, 'reason');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (reason.trim().length < 10) return;
    const next = await close.run(sheet.id, {
      version: sheet.version,
      closed_on: closedOn,
      reason: reason.trim(),
    });
    if (next) onDone(next);
  }
  return (
    <Dialog title={t('sheet.closeTitle', { number: sheet.number })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <Field
          id="hs-closed"
          label={t('sheet.closedOn')}
          error={issueFor(close.error, 'closed_on')}
          hint={spelled(closedOn)}
          required
        >
          <input
            type="date"
            {...controlProps('hs-closed', issueFor(close.error, 'closed_on'), spelled(closedOn))}
            value={closedOn}
            onChange={(e) => setClosedOn(e.target.value)}
          />
        </Field>
        <Field id="hs-reason" label={t('sheet.closeReason')} error={reasonError} required>
          <textarea
            {...controlProps('hs-reason', reasonError)}
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <Conflict error={close.error} onReload={onConflict} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={close.busy || !closedOn}>
            {close.busy ? t('common.saving') : t('sheet.closeConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
