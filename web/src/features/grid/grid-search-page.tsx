import { type FormEvent, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { api } from '../../api/client.ts';
import { type IdentifierKind, identifierKinds } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { Field } from '../../components/field.tsx';
import { ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { t, tValue } from '../../i18n/t.ts';
import { GridTabs } from '../screening/grid-tabs.tsx';
import { MatchList } from './matches.tsx';

function readQuery(search: string): { kind: IdentifierKind; value: string } {
  const params = new URLSearchParams(search);
  const kind = params.get('kind');
  return {
    kind: (identifierKinds as readonly string[]).includes(kind ?? '') ? (kind as IdentifierKind) : 'phone',
    value: params.get('value') ?? '',
  };
}

/** "Who else knows this phone, UPI id, vehicle…?" across every agency: links you may open, hits to ask about. */
export function GridSearchPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const applied = readQuery(search);
  const [kind, setKind] = useState<IdentifierKind>(applied.kind);
  const [value, setValue] = useState(applied.value);
  const [reload, setReload] = useState(0);
  useDocumentTitle(t('grid.title'));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams({ kind, value: value.trim() });
    navigate(`/grid?${params.toString()}`);
  }

  return (
    <div className="page page-narrow">
      <GridTabs />
      <div className="page-header">
        <div>
          <h1>{t('grid.title')}</h1>
          <p className="page-sub">{t('grid.subtitle')}</p>
        </div>
      </div>
      <form className="panel toolbar-form" onSubmit={onSubmit} aria-label={t('grid.title')}>
        <Field id="grid-kind" label={t('identifier.kind')}>
          <select id="grid-kind" value={kind} onChange={(e) => setKind(e.target.value as IdentifierKind)}>
            {identifierKinds.map((k) => (
              <option key={k} value={k}>
                {tValue('identifier', k)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="grid-value" label={t('identifier.value')} className="grow">
          <input
            id="grid-value"
            type="search"
            value={value}
            autoComplete="off"
            placeholder={t('grid.valuePlaceholder')}
            onChange={(e) => setValue(e.target.value)}
          />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={value.trim().length < 3}>
          {t('grid.search')}
        </button>
      </form>
      <p className="field-hint page-notice">{t('grid.auditNote')}</p>
      {applied.value.trim().length >= 3 && (
        <GridResults
          key={`${applied.kind}:${applied.value}:${reload}`}
          kind={applied.kind}
          value={applied.value}
          onChanged={() => setReload((n) => n + 1)}
        />
      )}
    </div>
  );
}

function GridResults({
  kind,
  value,
  onChanged,
}: {
  kind: IdentifierKind;
  value: string;
  onChanged: () => void;
}) {
  const matches = useResource(
    (signal) => api.searchIdentifier({ kind, value: value.trim() }, signal),
    `grid:${kind}:${value}`,
  );
  return (
    <section className="panel page-notice" aria-label={t('grid.results')}>
      {matches.state === 'loading' && <Loading />}
      {matches.state === 'error' && <ErrorNotice error={matches.error} />}
      {matches.state === 'ready' && <MatchList matches={matches.data} onChanged={onChanged} />}
    </section>
  );
}
