import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../api/client.ts';
import type { ExtractedIdentifier, TipListQuery, TipSource, TipSummary } from '../../api/types.ts';
import { tipSources } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError, ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDateTime, istInputToIso, nowIstInput, spelled } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useCan } from '../auth/permissions.ts';

/**
 * Tips of the officer's scope (their station's; a supervisor's stations'; a constable's own), newest first —
 * metadata and identifier counts only: the text is read on the tip's own page, and that read is logged. Police
 * officers record tips here.
 */
export function TipsPage() {
  useDocumentTitle(t('tips.title'));
  const canRecord = useCan('case:write') === true;
  const [recording, setRecording] = useState(false);
  const [pages, setPages] = useState<string[]>(['']);
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('tips.title')}</h1>
          <p className="page-sub">{t('tips.subtitle')}</p>
        </div>
        {canRecord && !recording && (
          <button type="button" className="btn btn-primary" onClick={() => setRecording(true)}>
            {t('tips.record')}
          </button>
        )}
      </div>
      {recording && <RecordTipForm onCancel={() => setRecording(false)} />}
      <div className="panel table-panel-standalone tips-panel">
        <table className="data-table tips-table">
          <caption className="visually-hidden">{t('tips.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tips.receivedAt')}</th>
              <th scope="col">{t('tips.source')}</th>
              <th scope="col">{t('tips.place')}</th>
              <th scope="col" className="num">
                {t('tips.identifiers')}
              </th>
              <th scope="col">{t('tips.recordedBy')}</th>
              <th scope="col">{t('tips.agency')}</th>
            </tr>
          </thead>
          {pages.map((cursor, i) => (
            <TipRows
              key={cursor}
              query={{ limit: 50, cursor: cursor || undefined }}
              first={i === 0}
              last={i === pages.length - 1}
              onMore={(next) => setPages((p) => [...p, next])}
            />
          ))}
        </table>
      </div>
    </div>
  );
}

function TipRows({
  query,
  first,
  last,
  onMore,
}: {
  query: TipListQuery;
  first: boolean;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const page = useResource((signal) => api.tips(query, signal), `tips:${JSON.stringify(query)}`);
  if (page.state !== 'ready') {
    return (
      <tbody>
        <tr>
          <td colSpan={6}>{page.state === 'loading' ? <Loading /> : <ErrorNotice error={page.error} />}</td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody>
      {first && page.data.items.length === 0 && (
        <tr>
          <td colSpan={6} className="empty">
            {t('tips.empty')}
          </td>
        </tr>
      )}
      {page.data.items.map((tip) => (
        <TipRow key={tip.id} tip={tip} />
      ))}
      {last && page.data.next_cursor && (
        <tr>
          <td colSpan={6}>
            <button type="button" className="btn btn-small" onClick={() => onMore(page.data.next_cursor!)}>
              {t('tips.more')}
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}

function TipRow({ tip }: { tip: TipSummary }) {
  const where = [tip.place, tip.district_name].filter(Boolean).join(', ');
  return (
    <tr>
      <td className="nowrap">
        <Link href={`/tips/${tip.id}`} className="fir-link">
          {formatDateTime(tip.received_at)}
        </Link>
      </td>
      <td>{tValue('tipSource', tip.source)}</td>
      <td>{where || '—'}</td>
      <td className="num">
        {tip.identifier_count}
        {tip.identifier_kinds.length > 0 && (
          <div className="muted small">
            {tip.identifier_kinds.map((k) => tValue('identifier', k)).join(', ')}
          </div>
        )}
      </td>
      <td>{tip.recorded_by?.display_name ?? '—'}</td>
      <td>{tip.agency.name}</td>
    </tr>
  );
}

/**
 * Record a tip: its source, when it came, where it is about, and what was told. "Find identifiers" reads the
 * text on the server (nothing is kept) and lists what it found, each kept unless the officer drops it; without
 * that step the server adds everything it finds. Identifiers of a tip alert whoever watches them.
 */
function RecordTipForm({ onCancel }: { onCancel: () => void }) {
  const [, navigate] = useLocation();
  const [source, setSource] = useState<TipSource>('helpline_1098');
  const [receivedAt, setReceivedAt] = useState(nowIstInput());
  const [place, setPlace] = useState('');
  const [text, setText] = useState('');
  const [found, setFound] = useState<ExtractedIdentifier[] | null>(null);
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [checked, setChecked] = useState(false);
  const extract = useAction(api.extractIdentifiers);
  const record = useAction(api.recordTip);

  const textError =
    (checked && text.trim().length < 10 ? t('tips.textShort') : undefined) ?? issueFor(record.error, 'text');
  const receivedError =
    (checked && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(receivedAt) ? t('validation.required') : undefined) ??
    issueFor(record.error, 'received_at');
  const placeError = issueFor(record.error, 'place');
  const receivedHint = [spelled(receivedAt.slice(0, 10)), t('newCase.istHint')].filter(Boolean).join(' · ');
  const keyOf = (f: ExtractedIdentifier) => `${f.kind}|${f.normalised}`;
  const offered = (found ?? []).filter((f, i, all) => all.findIndex((g) => keyOf(g) === keyOf(f)) === i);

  async function find() {
    const answer = await extract.run(text);
    if (answer) {
      setFound(answer.items);
      setDropped(new Set());
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (text.trim().length < 10 || !receivedAt) return;
    const reviewed = found !== null;
    const tip = await record.run({
      source,
      received_at: istInputToIso(receivedAt),
      text: text.trim(),
      place: place.trim() || null,
      // Reviewed: exactly the identifiers the officer kept. Not reviewed: the server adds all it finds.
      extract: !reviewed,
      identifiers: reviewed
        ? offered.filter((f) => !dropped.has(keyOf(f))).map((f) => ({ kind: f.kind, value: f.value }))
        : [],
    });
    if (tip) navigate(`/tips/${tip.id}`);
  }

  return (
    <section className="panel tip-form-panel" aria-labelledby="sec-record-tip">
      <h2 id="sec-record-tip">{t('tips.recordTitle')}</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby="sec-record-tip" className="dialog-form">
        <p className="notice notice-protected">{t('tips.sealedNote')}</p>
        <div className="form-grid form-grid-3">
          <Field id="tip-source" label={t('tips.source')} required>
            <select id="tip-source" value={source} onChange={(e) => setSource(e.target.value as TipSource)}>
              {tipSources.map((s) => (
                <option key={s} value={s}>
                  {tValue('tipSource', s)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="tip-received"
            label={t('tips.receivedAt')}
            error={receivedError}
            hint={receivedHint}
            required
          >
            <input
              type="datetime-local"
              {...controlProps('tip-received', receivedError, receivedHint)}
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.target.value)}
            />
          </Field>
          <Field id="tip-place" label={t('tips.place')} error={placeError} hint={t('tips.placeHint')}>
            <input
              type="text"
              {...controlProps('tip-place', placeError, t('tips.placeHint'))}
              value={place}
              maxLength={500}
              autoComplete="off"
              onChange={(e) => setPlace(e.target.value)}
            />
          </Field>
        </div>
        <Field id="tip-text" label={t('tips.text')} error={textError} hint={t('tips.textHint')} required>
          <textarea
            {...controlProps('tip-text', textError, t('tips.textHint'))}
            rows={6}
            maxLength={20000}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              // What was found belongs to the text as it was: find again after a change.
              setFound(null);
            }}
          />
        </Field>
        <div className="find-identifiers">
          <div className="find-identifiers-bar">
            <button
              type="button"
              className="btn btn-small"
              disabled={extract.busy || !text.trim()}
              onClick={find}
            >
              {extract.busy ? t('extract.busy') : t('tips.find')}
            </button>
            <span className="field-hint">{found === null ? t('tips.findHint') : t('tips.keepHint')}</span>
          </div>
          <ActionError error={extract.error} />
          {found !== null && (
            <div className="find-identifiers-found" role="status">
              {offered.length === 0 ? (
                <p className="muted small">{t('extract.none')}</p>
              ) : (
                <fieldset className="found-fieldset">
                  <legend className="small">{t('tips.foundLegend', { count: offered.length })}</legend>
                  <ul className="found-list">
                    {offered.map((f) => (
                      <li key={keyOf(f)}>
                        <label className="check-line">
                          <input
                            type="checkbox"
                            checked={!dropped.has(keyOf(f))}
                            onChange={(e) => {
                              const next = new Set(dropped);
                              if (e.target.checked) next.delete(keyOf(f));
                              else next.add(keyOf(f));
                              setDropped(next);
                            }}
                          />{' '}
                          <span className="id-kind">{tValue('identifier', f.kind)}</span>{' '}
                          <code>{f.normalised}</code>
                          {f.value !== f.normalised && <span className="muted small"> ({f.value})</span>}
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              )}
            </div>
          )}
        </div>
        <ActionError error={record.error?.issues.length ? null : record.error} />
        {record.error?.issues.some((i) => i.field.startsWith('identifiers')) && (
          <p className="field-error">
            {record.error.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={record.busy}>
            {record.busy ? t('common.saving') : t('tips.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
