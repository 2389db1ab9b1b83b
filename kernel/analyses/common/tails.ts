/**
 * One-sided tests say so (review S1): a test is one-sided only on an explicit request
 * (`--alternative less|greater`), and then its sentence reads "one-tailed p = .030 (two-tailed
 * p = .061)", so a reader who copies the sentence copies the choice with it. The two-sided p comes
 * from the same analysis run with `alternative: two-sided` (exact, corrected or not, as R would).
 */
import type { AnalysisOptions } from '../../types.js';
import { formatP } from './format.js';

/** A result that honours `--alternative` carries it with its p-value. */
interface TailedResult {
  alternative?: unknown;
  pValue?: unknown;
}

/** Whether the result is of a one-sided test that honoured the request. */
export function isOneSided(result: object, options: AnalysisOptions): result is TailedResult & { pValue: number } {
  const r = result as TailedResult;
  return options.alternative !== 'two-sided' && r.alternative === options.alternative && typeof r.pValue === 'number';
}

/**
 * The sentence with its (first) p of the one-sided test written "one-tailed p = .030 (two-tailed
 * p = .061)"; unchanged when the p cannot be found in it.
 */
export function markOneTailed(summary: string, pOneSided: number, pTwoSided: number): string {
  const p = formatP(pOneSided);
  const at = summary.indexOf(p);
  if (at < 0) return summary;
  return `${summary.slice(0, at)}one-tailed ${p} (two-tailed ${formatP(pTwoSided)})${summary.slice(at + p.length)}`;
}
