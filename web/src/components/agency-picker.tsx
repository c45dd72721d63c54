import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Agency } from '../api/types.ts';
import { t, tValue } from '../i18n/t.ts';

/** Agencies with the fields the pickers show; the directory's full row fits. */
export type AgencyChoice = Pick<Agency, 'id' | 'code' | 'name' | 'kind'>;

/**
 * Find an agency by name or code ("CWC Pune", "MH-D482") and choose it. The directory is readable by every
 * signed-in user, so this works for any role.
 */
export function AgencyPicker({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  exclude = [],
  kinds,
  required,
}: {
  id: string;
  label: string;
  value: AgencyChoice | null;
  onChange: (agency: AgencyChoice | null) => void;
  error?: string;
  hint?: string;
  exclude?: string[];
  /** Only agencies of these kinds are offered (e.g. police units for a transfer). */
  kinds?: readonly string[];
  required?: boolean;
}) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Agency[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const term = q.trim();

  useEffect(() => {
    if (term.length < 2) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    // Typing is not a request per key: wait for a pause.
    const timer = setTimeout(() => {
      api.agencies({ q: term, limit: 8 }, controller.signal).then(
        (page) => {
          setFailed(null);
          setResults(page.items);
        },
        (e: unknown) => {
          if (!controller.signal.aborted) setFailed(e instanceof Error ? e.message : String(e));
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [term]);

  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const shown = results?.filter((a) => !exclude.includes(a.id) && (!kinds || kinds.includes(a.kind)));

  return (
    <div className={`field agency-picker${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {value ? (
        <div className="agency-chosen">
          <span>
            <strong>{value.name}</strong> <span className="muted">({value.code})</span>{' '}
            <span className="tag">{tValue('agencyKind', value.kind)}</span>
          </span>
          <button
            id={id}
            type="button"
            className="btn btn-small btn-link"
            onClick={() => {
              onChange(null);
              setQ('');
            }}
          >
            {t('agencyPicker.change')}
          </button>
        </div>
      ) : (
        <>
          <input
            id={id}
            type="search"
            value={q}
            autoComplete="off"
            placeholder={t('agencyPicker.placeholder')}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            aria-controls={`${id}-results`}
            onChange={(e) => setQ(e.target.value)}
          />
          <div id={`${id}-results`} aria-live="polite">
            {failed && <div className="field-error">{failed}</div>}
            {shown && shown.length === 0 && <div className="field-hint">{t('agencyPicker.none')}</div>}
            {shown && shown.length > 0 && (
              <ul className="agency-results">
                {shown.map((a) => (
                  <li key={a.id}>
                    <button type="button" onClick={() => onChange(a)}>
                      <span className="agency-result-name">{a.name}</span>
                      <span className="agency-result-meta">
                        {a.code} · {tValue('agencyKind', a.kind)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
      {hint && !error && (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      )}
    </div>
  );
}
