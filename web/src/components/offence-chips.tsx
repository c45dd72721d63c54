import type { Offence } from '../api/types.ts';
import { t } from '../i18n/t.ts';

/** Codes in the reference list's order (which is sorted by act, then section); unknown codes last. */
export function inReferenceOrder(codes: string[], index: Map<string, Offence> | undefined): string[] {
  const order = index ? [...index.keys()] : [];
  const rank = (code: string) => {
    const i = order.indexOf(code);
    return i === -1 ? order.length : i;
  };
  return [...codes].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Offence codes as compact chips, in the reference list's order (child-specific law first). `max` keeps
 * dense table rows on one line: the rest collapse into a "+N" chip whose tooltip names them.
 */
export function OffenceChips({
  codes,
  index,
  max = Number.POSITIVE_INFINITY,
}: {
  codes: string[];
  index: Map<string, Offence> | undefined;
  max?: number;
}) {
  if (codes.length === 0) return <span className="muted">—</span>;
  const sorted = inReferenceOrder(codes, index);
  // Never hide a single chip behind "+1".
  const shown = sorted.length > max ? sorted.slice(0, max - 1) : sorted;
  const hidden = sorted.slice(shown.length);
  return (
    <span className="chips">
      {shown.map((code) => {
        const offence = index?.get(code);
        return (
          <span
            key={code}
            className={`chip chip-${code.split('-')[0]?.toLowerCase()}`}
            title={offence?.title}
          >
            {code}
            {offence && <span className="visually-hidden">: {offence.title}</span>}
          </span>
        );
      })}
      {hidden.length > 0 && (
        <span className="chip chip-more" title={hidden.join(', ')}>
          <span aria-hidden="true">+{hidden.length}</span>
          <span className="visually-hidden">{t('offence.more', { codes: hidden.join(', ') })}</span>
        </span>
      )}
    </span>
  );
}
