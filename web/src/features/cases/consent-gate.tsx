import { useEffect, useRef } from 'react';
import type { ApiError } from '../../api/client.ts';
import { controlProps, Field } from '../../components/field.tsx';
import { type MessageKey, t } from '../../i18n/t.ts';

/**
 * The children whose consent is missing, from the `consent.<pseudonym>.<child|guardian>` fields of a 409
 * `consent_required`, one entry per child.
 */
export function missingConsents(issues: { field: string; message: string }[]) {
  const byChild = new Map<string, ('child' | 'guardian')[]>();
  for (const issue of issues) {
    const m = /^consent\.(.+)\.(child|guardian)$/.exec(issue.field);
    if (!m?.[1]) continue;
    byChild.set(m[1], [...(byChild.get(m[1]) ?? []), m[2] as 'child' | 'guardian']);
  }
  return [...byChild].map(([pseudonym, who]) => ({ pseudonym, who }));
}

function missingText(who: ('child' | 'guardian')[]): string {
  if (who.length === 2) return t('refer.noConsentBoth');
  return who[0] === 'child' ? t('refer.noConsentChild') : t('refer.noConsentGuardian');
}

/** The wording of one dialog (referral or transfer). */
export interface ConsentGateText {
  missing: MessageKey;
  how: MessageKey;
  howOverride: MessageKey;
  overrideStart: MessageKey;
  overrideReason: MessageKey;
  overrideHint: MessageKey;
}

/**
 * Primero's rule, as referrals and transfers share it: when the server answers `consent_required`, the children
 * whose (or whose guardian's) consent is missing are listed; a role that may override can go ahead by giving a
 * reason (`override` is null until it chooses to).
 */
export function ConsentGate({
  id,
  error,
  canOverride,
  override,
  onOverride,
  overrideError,
  text,
}: {
  id: string;
  error: ApiError | null;
  canOverride: boolean;
  override: string | null;
  onOverride: (value: string | null) => void;
  overrideError: string | undefined;
  text: ConsentGateText;
}) {
  const missing = error?.code === 'consent_required' ? missingConsents(error.issues) : [];
  const missingRef = useRef<HTMLDivElement>(null);
  // The dialog scrolls; bring the refusal, and the way on, into view.
  useEffect(() => {
    if (error?.code === 'consent_required') missingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  return (
    <>
      {missing.length > 0 && (
        <div ref={missingRef} className="notice notice-error consent-missing" role="alert">
          <strong>{t(text.missing)}</strong>
          <ul>
            {missing.map((m) => (
              <li key={m.pseudonym}>
                <code>{m.pseudonym}</code>: {missingText(m.who)}
              </li>
            ))}
          </ul>
          <span>{canOverride ? t(text.howOverride) : t(text.how)}</span>
        </div>
      )}
      {missing.length > 0 && canOverride && override === null && (
        <button type="button" className="btn btn-small" onClick={() => onOverride('')}>
          {t(text.overrideStart)}
        </button>
      )}
      {override !== null && (
        <Field
          id={id}
          label={t(text.overrideReason)}
          error={overrideError}
          hint={t(text.overrideHint)}
          required
        >
          <textarea
            {...controlProps(id, overrideError, t(text.overrideHint))}
            rows={2}
            maxLength={1000}
            value={override}
            onChange={(e) => onOverride(e.target.value)}
          />
        </Field>
      )}
    </>
  );
}
