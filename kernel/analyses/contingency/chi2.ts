/** Pearson's chi-square test of independence, as R `chisq.test(table, correct)`. */
import { InferraError } from '../../errors.js';
import { upperChisq } from '../common/distributions.js';
import { validateMargins } from './table.js';

/** What the chi-square test returns. */
export interface ChiSquareResult {
  statistic: number;
  df: number;
  pValue: number;
  /** Cramer's V from the uncorrected statistic. */
  cramersV: number;
  expected: number[][];
  observed: number[][];
  /** Whether Yates' continuity correction was applied (2 x 2 with `correct`, as R). */
  correction: boolean;
  n: number;
}

/**
 * Chi-square test of independence; agrees with R `chisq.test(x, correct)`: expected counts
 * outer(rowSums, colSums)/n, Yates' correction min(0.5, |x - E|) only for 2 x 2 tables when `correct`.
 */
export function computeChiSquare(observed: readonly (readonly number[])[], correct: boolean, names?: { row: string; col: string }): ChiSquareResult {
  const nr = observed.length;
  const nc = observed[0]?.length ?? 0;
  if (nr < 2 || nc < 2) {
    throw new InferraError('wrong-level-count', { analysis: 'chi2_independence', expected: 'at least 2', column: nr < 2 ? names?.row ?? 'row' : names?.col ?? 'col', actual: Math.min(nr, nc), levels: '' });
  }
  validateMargins(observed, names?.row, names?.col);
  const rowSums = observed.map((r) => r.reduce((s, v) => s + v, 0));
  const colSums = observed[0].map((_, j) => observed.reduce((s, r) => s + r[j], 0));
  const n = rowSums.reduce((s, v) => s + v, 0);
  const expected = rowSums.map((ri) => colSums.map((cj) => (ri * cj) / n));
  let yates = 0;
  if (correct && nr === 2 && nc === 2) {
    yates = 0.5;
    for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) yates = Math.min(yates, Math.abs(observed[i][j] - expected[i][j]));
  }
  let statistic = 0;
  let uncorrected = 0;
  // Column-major, as R sums a matrix.
  for (let j = 0; j < nc; j++) {
    for (let i = 0; i < nr; i++) {
      const e = expected[i][j];
      const d = Math.abs(observed[i][j] - e);
      statistic += (d - yates) ** 2 / e;
      uncorrected += (d * d) / e;
    }
  }
  const df = (nr - 1) * (nc - 1);
  return Object.freeze({
    statistic,
    df,
    pValue: upperChisq(statistic, df),
    cramersV: Math.sqrt(uncorrected / (n * (Math.min(nr, nc) - 1))),
    expected,
    observed: observed.map((r) => [...r]),
    correction: yates > 0,
    n,
  });
}
