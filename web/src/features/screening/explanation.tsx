import type { ExplanationTerm } from '../../api/types.ts';
import { t, tValue } from '../../i18n/t.ts';

/** The bands of the resolution model: at or above 8 bits the same person, from 2 to 8 worth a review. */
export function bandOf(score: number): 'match' | 'review' | 'low' {
  if (score >= 8) return 'match';
  if (score >= 2) return 'review';
  return 'low';
}

export function ScoreBand({ band, score }: { band: 'match' | 'review' | 'low'; score: number }) {
  return (
    <span className="score-band">
      <span className={`badge band-${band}`}>{tValue('band', band)}</span>
      <span className="score" title={t('explanation.scoreTitle')}>
        {t('explanation.score', { score: score.toFixed(1) })}
      </span>
    </span>
  );
}

const round = (w: number) => (Math.abs(w) < 0.05 ? '0' : `${w > 0 ? '+' : '−'}${Math.abs(w).toFixed(1)}`);

/**
 * Which fields agreed and how much: each term's weight in bits as a bar, right for agreement, left for
 * disagreement, on one scale for the whole table so the strongest evidence stands out. Missing fields are
 * summarised in one line (they neither help nor hurt).
 */
export function ExplanationTable({
  terms,
  score,
  caption,
}: {
  terms: ExplanationTerm[];
  /** The pair's score: when the terms do not add up to it (a cap or a prior), the difference is shown too. */
  score?: number;
  caption?: string;
}) {
  const sum = terms.reduce((total, x) => total + x.weight, 0);
  const adjusted =
    score !== undefined && Math.abs(score - sum) >= 0.05
      ? [...terms, { field: 'adjustment', level: score < sum ? 'capped' : 'raised', weight: score - sum }]
      : terms;
  const shown = adjusted.filter((x) => x.level !== 'missing');
  const missing = adjusted.filter((x) => x.level === 'missing');
  const scale = Math.max(4, ...shown.map((x) => Math.abs(x.weight)));
  return (
    <div className="explanation">
      <table className="data-table compact explanation-table">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t('explanation.field')}</th>
            <th scope="col">{t('explanation.level')}</th>
            <th scope="col" className="col-weight">
              {t('explanation.weight')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((x) => (
            <tr key={x.field}>
              <td>{tValue('matchField', x.field)}</td>
              <td>{tValue('matchLevel', x.level)}</td>
              <td className="col-weight">
                <span className="weight">
                  <span className="weight-track" aria-hidden="true">
                    <span
                      className={`weight-bar ${x.weight >= 0 ? 'weight-for' : 'weight-against'}`}
                      style={{ width: `${(Math.abs(x.weight) / scale) * 50}%` }}
                    />
                  </span>
                  <span className="weight-value">{round(x.weight)}</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="field-hint">
          {t('explanation.missing', { fields: missing.map((x) => tValue('matchField', x.field)).join(', ') })}
        </p>
      )}
    </div>
  );
}
