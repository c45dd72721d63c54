import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { t } from '../i18n/t.ts';

export function Loading({ label }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

/** An API failure for a whole screen or section, announced to screen readers. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <strong>{error.status === 404 ? t('common.notFound') : t('common.failed')}</strong> {error.message}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * Why a write (a button, a form) failed, beside the button that started it. Field problems are also listed,
 * so none is lost when the form has no place for a field the server named.
 */
export function ActionError({ error, title }: { error: ApiError | null; title?: string }) {
  if (!error) return null;
  return (
    <div className="notice notice-error action-error" role="alert">
      <span>
        {title && <strong>{title} </strong>}
        {error.message}
      </span>
      {error.issues.length > 1 && (
        <ul>
          {error.issues.map((issue) => (
            <li key={`${issue.field}:${issue.message}`}>
              <code>{issue.field}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A short confirmation after a write succeeded, announced politely. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p className="notice notice-success" role="status">
      {children}
    </p>
  );
}
