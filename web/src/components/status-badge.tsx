import { tValue } from '../i18n/t.ts';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{tValue('status', status)}</span>;
}
