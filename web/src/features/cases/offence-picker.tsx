import { useId, useMemo, useState } from 'react';
import type { Offence } from '../../api/types.ts';
import { t } from '../../i18n/t.ts';
import { useOffences } from '../reference/reference.ts';

/** Lower-case letters and digits only, so "pocso 6", "POCSO-6" and "pocso6" all match. */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Every word of the query must appear in the code or the title.
 * @example matchesOffence(o, 'bns 143') // true for BNS-143
 */
export function matchesOffence(offence: Offence, query: string): boolean {
  const words = query
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const code = squash(offence.code);
  const haystack = `${offence.code} ${offence.act} ${offence.section} ${offence.title}`.toLowerCase();
  const joined = squash(query);
  if (joined && code.startsWith(joined)) return true;
  return words.every((w) => haystack.includes(w) || code.includes(squash(w)));
}

export function OffencePicker({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
}) {
  const offences = useOffences();
  const [query, setQuery] = useState('');
  const baseId = useId();
  const searchId = `${baseId}-search`;
  const errorId = `${baseId}-error`;
  const byCode = useMemo(() => new Map(offences?.map((o) => [o.code, o])), [offences]);
  const visible = offences?.filter((o) => matchesOffence(o, query)) ?? [];
  const acts = [...new Set(visible.map((o) => o.act))];

  function toggle(code: string, on: boolean) {
    onChange(on ? [...value, code] : value.filter((c) => c !== code));
  }

  return (
    <fieldset
      className={`offence-picker${error ? ' has-error' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{t('newCase.offences')}</legend>
      <div className="offence-selected" aria-live="polite">
        {value.length === 0 ? (
          <span className="muted">{t('newCase.noOffencesChosen')}</span>
        ) : (
          value.map((code) => (
            <span key={code} className={`chip chip-removable chip-${code.split('-')[0]?.toLowerCase()}`}>
              <span title={byCode.get(code)?.title}>{code}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('newCase.removeOffence', { code })}
                onClick={() => toggle(code, false)}
              >
                ×
              </button>
            </span>
          ))
        )}
      </div>
      <label htmlFor={searchId} className="visually-hidden">
        {t('newCase.searchOffences')}
      </label>
      <input
        id={searchId}
        type="search"
        className="offence-search"
        placeholder={t('newCase.searchOffencesPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter in the search box picks the single remaining match instead of submitting the form.
          if (e.key === 'Enter') {
            e.preventDefault();
            const only = visible.length === 1 ? visible[0] : undefined;
            if (only && !value.includes(only.code)) {
              toggle(only.code, true);
              setQuery('');
            }
          }
        }}
      />
      <div className="offence-options">
        {!offences && <div className="muted pad">{t('common.loading')}</div>}
        {offences && visible.length === 0 && <div className="muted pad">{t('newCase.noOffenceMatch')}</div>}
        {acts.map((act) => (
          <fieldset key={act} aria-label={act} className="offence-group">
            <div className="offence-act" aria-hidden="true">
              {act}
            </div>
            {visible
              .filter((o) => o.act === act)
              .map((o) => (
                <label key={o.code} className="offence-option">
                  <input
                    type="checkbox"
                    checked={value.includes(o.code)}
                    onChange={(e) => toggle(o.code, e.target.checked)}
                  />
                  <span className="offence-code">{o.code}</span>
                  <span className="offence-title">{o.title}</span>
                </label>
              ))}
          </fieldset>
        ))}
      </div>
      {error && (
        <div id={errorId} className="field-error">
          {error}
        </div>
      )}
    </fieldset>
  );
}
