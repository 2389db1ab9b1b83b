/** The F test comparing two variances, as R `var.test`. */
import { InferraError } from '../../errors.js';
import type { Alternative } from '../../types.js';
import { quantileF, upperF } from '../common/distributions.js';
import { variance } from '../common/moments.js';

/** var_test's result. */
export interface VarTestResult {
  /** F = var(x) / var(y). */
  statistic: number;
  df1: number;
  df2: number;
  pValue: number;
  /** The variance ratio, first level over second. */
  estimate: number;
  ciLow: number;
  ciHigh: number;
  variance1: number;
  variance2: number;
}

/** F test of var(x) / var(y) = 1 with its confidence interval (R: `var.test(x, y)`). */
export function computeVarTest(x: ArrayLike<number>, y: ArrayLike<number>, alternative: Alternative, confLevel: number, names: [string, string] = ['x', 'y']): VarTestResult {
  const df1 = x.length - 1;
  const df2 = y.length - 1;
  const variance1 = variance(x);
  const variance2 = variance(y);
  if (!(variance2 > 0)) throw new InferraError('zero-variance', { where: `Group ${names[1]}`, value: y[0], analysis: 'var_test' });
  if (!(variance1 > 0)) throw new InferraError('zero-variance', { where: `Group ${names[0]}`, value: x[0], analysis: 'var_test' });
  const statistic = variance1 / variance2;
  const upper = upperF(statistic, df1, df2);
  const lower = upperF(1 / statistic, df2, df1);
  let pValue: number;
  let ciLow: number;
  let ciHigh: number;
  if (alternative === 'two-sided') {
    pValue = Math.min(1, 2 * Math.min(lower, upper));
    const beta = (1 - confLevel) / 2;
    ciLow = statistic / quantileF(1 - beta, df1, df2);
    ciHigh = statistic / quantileF(beta, df1, df2);
  } else if (alternative === 'greater') {
    pValue = upper;
    ciLow = statistic / quantileF(confLevel, df1, df2);
    ciHigh = Infinity;
  } else {
    pValue = lower;
    ciLow = 0;
    ciHigh = statistic / quantileF(1 - confLevel, df1, df2);
  }
  return Object.freeze({ statistic, df1, df2, pValue, estimate: statistic, ciLow, ciHigh, variance1, variance2 });
}
