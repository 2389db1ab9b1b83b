/** Pearson's product-moment correlation with its t test and Fisher-z interval, as R `cor.test(method = "pearson")`. */
import { InferraError } from '../../errors.js';
import type { Alternative } from '../../types.js';
import { pValueT, quantileNormal } from '../common/distributions.js';
import { mean } from '../common/moments.js';

/** What Pearson's test returns. */
export interface PearsonResult {
  estimate: number;
  statistic: number;
  df: number;
  pValue: number;
  /** Null when n <= 3 (R gives no interval then). */
  ciLow: number | null;
  ciHigh: number | null;
  confLevel: number;
  alternative: Alternative;
  n: number;
  method: 't-distribution';
}

/** Pearson's r as R's `cor(x, y)`: centred two-pass sums, clamped to [-1, 1]. */
export function computePearsonR(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  const r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
  return Math.max(-1, Math.min(1, r));
}

/** Pearson correlation test; agrees with R `cor.test(x, y, alternative, conf.level = confLevel)`. */
export function computePearson(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  alternative: Alternative,
  confLevel: number,
): PearsonResult {
  const n = x.length;
  if (n < 3) throw new InferraError('too-few-observations', { analysis: 'pearson', needed: 3, actual: n });
  return computePearsonFromR(computePearsonR(x, y), n, alternative, confLevel);
}

/** The test and Fisher-z interval of r over n complete pairs (r from the values, or from the aggregate plan's sums). */
export function computePearsonFromR(r: number, n: number, alternative: Alternative, confLevel: number): PearsonResult {
  if (n < 3) throw new InferraError('too-few-observations', { analysis: 'pearson', needed: 3, actual: n });
  if (Number.isNaN(r)) throw new InferraError('zero-variance', { where: 'x or y', value: 'constant', analysis: 'pearson' });
  const df = n - 2;
  const statistic = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
  let ciLow: number | null = null;
  let ciHigh: number | null = null;
  if (n > 3) {
    const z = Math.atanh(r);
    const sigma = 1 / Math.sqrt(n - 3);
    if (alternative === 'less') {
      ciLow = -1;
      ciHigh = Math.tanh(z + sigma * quantileNormal(confLevel));
    } else if (alternative === 'greater') {
      ciLow = Math.tanh(z - sigma * quantileNormal(confLevel));
      ciHigh = 1;
    } else {
      const q = quantileNormal((1 + confLevel) / 2);
      ciLow = Math.tanh(z - sigma * q);
      ciHigh = Math.tanh(z + sigma * q);
    }
  }
  return Object.freeze({
    estimate: r,
    statistic,
    df,
    pValue: pValueT(statistic, df, alternative),
    ciLow,
    ciHigh,
    confLevel,
    alternative,
    n,
    method: 't-distribution' as const,
  });
}
