import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ExtractedIdentifier, NewIdentifier } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { ActionError } from '../../components/notices.tsx';
import { t, tValue } from '../../i18n/t.ts';

const same = (a: { kind: string; value: string }, b: { kind: string; value: string }) =>
  a.kind === b.kind && a.value === b.value;

/**
 * "Find identifiers in the text": phones, UPI ids, e-mails, vehicles, handles… written in a summary or narrative
 * (also as Devanagari digits or "nine eight four…"), offered to add to the case so the grid correlates them.
 * The text is sent to the server only when the officer asks; it is not kept or logged there.
 */
export function FindIdentifiers({
  text,
  chosen,
  onChange,
}: {
  text: string;
  chosen: NewIdentifier[];
  onChange: (identifiers: NewIdentifier[]) => void;
}) {
  const [found, setFound] = useState<ExtractedIdentifier[] | null>(null);
  const extract = useAction(api.extractIdentifiers);
  const offered = (found ?? []).filter(
    (f, i, all) => all.findIndex((g) => g.kind === f.kind && g.normalised === f.normalised) === i,
  );
  const asInput = (f: ExtractedIdentifier): NewIdentifier => ({ kind: f.kind, value: f.normalised });
  const notYet = offered.filter((f) => !chosen.some((c) => same(c, asInput(f))));

  async function find() {
    const answer = await extract.run(text);
    if (answer) setFound(answer.items);
  }

  return (
    <div className="find-identifiers">
      <div className="find-identifiers-bar">
        <button
          type="button"
          className="btn btn-small"
          disabled={extract.busy || !text.trim()}
          onClick={find}
        >
          {extract.busy ? t('extract.busy') : t('extract.find')}
        </button>
        <span className="field-hint">{t('extract.hint')}</span>
      </div>
      <ActionError error={extract.error} />
      {found !== null && (
        <div className="find-identifiers-found" role="status">
          {offered.length === 0 ? (
            <p className="muted small">{t('extract.none')}</p>
          ) : (
            <>
              <p className="small">{t('extract.found', { count: offered.length })}</p>
              <ul className="found-list">
                {offered.map((f) => {
                  const added = chosen.some((c) => same(c, asInput(f)));
                  return (
                    <li key={`${f.kind}:${f.normalised}`}>
                      <span className="id-kind">{tValue('identifier', f.kind)}</span>{' '}
                      <code>{f.normalised}</code>
                      {f.value !== f.normalised && <span className="muted small"> ({f.value})</span>}{' '}
                      {added ? (
                        <button
                          type="button"
                          className="btn btn-link btn-small"
                          onClick={() => onChange(chosen.filter((c) => !same(c, asInput(f))))}
                        >
                          {t('extract.remove')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => onChange([...chosen, asInput(f)])}
                        >
                          {t('extract.add')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
              {notYet.length > 1 && (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => onChange([...chosen, ...notYet.map(asInput)])}
                >
                  {t('extract.addAll', { count: notYet.length })}
                </button>
              )}
            </>
          )}
        </div>
      )}
      {chosen.length > 0 && (
        <p className="small page-notice">
          {t('extract.onCase', {
            list: chosen.map((c) => `${tValue('identifier', c.kind)} ${c.value}`).join(', '),
          })}
        </p>
      )}
    </div>
  );
}
