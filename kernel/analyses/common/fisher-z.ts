/**
 * Intervals for correlation-type effect sizes by Fisher's z transformation: tanh(atanh(r) -/+ z se),
 * with the standard error each estimator needs (the R package effectsize and the `correlation`
 * package use the same): Spearman's rho with Bonett & Wright's (2000) sqrt((1 + rho²/2) / (n - 3)),
 * Kendall's tau with Fieller et al.'s (1957) sqrt(0.437 / (n - 4)), and the rank-biserial r with
 * effectsize's sqrt((n1 + n2 + 1) / (3 n1 n2)) (rank-sum) or sqrt((2n³ + 3n² + n) / 6) / (n (n + 1) / 2)
 * (signed-rank, n non-zero differences). A one-sided interval runs to -1 or 1.
 */
import type { Alternative } from '../../types.js';
import { quantileNormal } from './distributions.js';

/** An interval of a correlation-type estimate; NaN bounds when it cannot be formed (|r| = 1, too few observations). */
export interface CorrelationInterval {
  ciLow: number;
  ciHigh: number;
}

/** tanh(atanh(r) -/+ q se), two-sided or one-sided. */
export function computeFisherZInterval(r: number, se: number, confLevel: number, alternative: Alternative): CorrelationInterval {
  // At |r| = 1 (up to rounding) the interval is degenerate: atanh is infinite.
  if (!Number.isFinite(r) || Math.abs(r) >= 1 - 1e-12 || !Number.isFinite(se) || se <= 0) return { ciLow: NaN, ciHigh: NaN };
  const z = Math.atanh(r);
  if (alternative === 'greater') return { ciLow: Math.tanh(z - quantileNormal(confLevel) * se), ciHigh: 1 };
  if (alternative === 'less') return { ciLow: -1, ciHigh: Math.tanh(z + quantileNormal(confLevel) * se) };
  const q = quantileNormal(1 - (1 - confLevel) / 2);
  return { ciLow: Math.tanh(z - q * se), ciHigh: Math.tanh(z + q * se) };
}

/** Bonett-Wright SE of Spearman's rho on the z scale (needs n > 3). */
export function computeSpearmanSe(rho: number, n: number): number {
  return n > 3 ? Math.sqrt((1 + (rho * rho) / 2) / (n - 3)) : NaN;
}

/** Fieller's SE of Kendall's tau on the z scale (needs n > 4). */
export function computeKendallSe(n: number): number {
  return n > 4 ? Math.sqrt(0.437 / (n - 4)) : NaN;
}

/** effectsize's SE of the rank-sum rank-biserial r on the z scale. */
export function computeRankSumBiserialSe(n1: number, n2: number): number {
  return Math.sqrt((n1 + n2 + 1) / (3 * n1 * n2));
}

/** effectsize's SE of the signed-rank rank-biserial r on the z scale (n non-zero differences). */
export function computeSignedRankBiserialSe(n: number): number {
  return n > 0 ? Math.sqrt((2 * n ** 3 + 3 * n ** 2 + n) / 6) / ((n * (n + 1)) / 2) : NaN;
}
