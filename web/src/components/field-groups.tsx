import { type FieldGroup, fieldGroups } from '../api/types.ts';
import { t, tValue } from '../i18n/t.ts';

/**
 * Which parts of a case a request, grant or referral covers: summary, persons, identifiers. The case's own
 * details (FIR, station, dates, offences) always come with it.
 */
export function FieldGroupChoice({
  legend,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  value: FieldGroup[];
  onChange: (value: FieldGroup[]) => void;
  error?: string;
  hint?: string;
}) {
  return (
    <fieldset className="field check-group">
      <legend>{legend}</legend>
      <div className="check-row">
        {fieldGroups.map((group) => (
          <label key={group} className="check-line">
            <input
              type="checkbox"
              checked={value.includes(group)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? fieldGroups.filter((g) => g === group || value.includes(g))
                    : value.filter((g) => g !== group),
                )
              }
            />
            <span>{tValue('fieldGroup', group)}</span>
          </label>
        ))}
      </div>
      {hint && !error && <div className="field-hint">{hint}</div>}
      {error && <div className="field-error">{error}</div>}
    </fieldset>
  );
}

/** Field groups as a short list of words ("summary, persons"), or "case details only". */
export function fieldGroupList(groups: string[]): string {
  return groups.length ? groups.map((g) => tValue('fieldGroup', g)).join(', ') : t('fieldGroup.none');
}
