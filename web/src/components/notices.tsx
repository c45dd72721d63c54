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
