/** Spearman's rank correlation and its test, as R `cor.test(method = "spearman")`. */
import { InferraError } from '../../errors.js';
import type { Alternative } from '../../types.js';
import { lowerT, upperT } from '../common/distributions.js';
import { rankAverage } from '../common/ranks.js';
import { computePearsonR } from './pearson.js';
import { computeSpearmanTail } from './prho.js';

/** How the p-value of a Spearman test was obtained. */
export type SpearmanMethod = 'exact' | 'edgeworth' | 't-approx';

/** What Spearman's test returns (R gives no interval for rho; ours is the Fisher-z interval below). */
export interface SpearmanResult {
  estimate: number;
  /** S = (n^3 - n)(1 - rho)/6, as R. */
  statistic: number;
  pValue: number;
  /** Fisher-z interval with the Bonett-Wright SE (compute.ts); null when it cannot be formed. */
  ciLow: number | null;
  ciHigh: number | null;
  confLevel?: number;
  alternative: Alternative;
  n: number;
  method: SpearmanMethod;
  ties: boolean;
}

/** Whether a sample has repeated values. */
export function hasTies(x: ArrayLike<number>): boolean {
  return new Set(Array.from(x)).size < x.length;
}

/**
 * Spearman correlation test; agrees with R `cor.test(x, y, method = "spearman", exact)`: exact (AS 89)
 * when requested or by default and there are no ties (an Edgeworth series for 10 <= n <= 1290), else
 * the t approximation. `exact: 'auto'` is R's `exact = NULL`, which means exact for Spearman.
 */
export function computeSpearman(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  alternative: Alternative,
  exact: boolean | 'auto',
): SpearmanResult {
  const n = x.length;
  if (n < 3) throw new InferraError('too-few-observations', { analysis: 'spearman', needed: 3, actual: n });
  const rho = computePearsonR(rankAverage(x).ranks, rankAverage(y).ranks);
  return computeSpearmanFromRho(rho, n, hasTies(x) || hasTies(y), alternative, exact);
}

/**
 * Spearman's test from rho, n and whether x or y has ties: the one implementation behind the file
 * path (rho from the ranks in memory) and the database path (rho from the engine's exact rank sums).
 */
export function computeSpearmanFromRho(rho: number, n: number, ties: boolean, alternative: Alternative, exact: boolean | 'auto'): SpearmanResult {
  if (n < 3) throw new InferraError('too-few-observations', { analysis: 'spearman', needed: 3, actual: n });
  if (Number.isNaN(rho)) throw new InferraError('zero-variance', { where: 'x or y', value: 'constant', analysis: 'spearman' });
  const useExact = exact !== false && !ties;
  const q = ((n ** 3 - n) * (1 - rho)) / 6;
  const tail = (lowerTail: boolean): number => {
    if (n <= 1290 && useExact) return computeSpearmanTail(n, Math.round(q) + 2 * Number(lowerTail), lowerTail);
    const den = (n * (n * n - 1)) / 6;
    const r = 1 - q / den;
    const t = r / Math.sqrt((1 - r * r) / (n - 2));
    return lowerTail ? upperT(t, n - 2) : lowerT(t, n - 2);
  };
  let pValue: number;
  if (alternative === 'two-sided') {
    const p = q > (n ** 3 - n) / 6 ? tail(false) : tail(true);
    pValue = Math.min(2 * p, 1);
  } else {
    pValue = alternative === 'greater' ? tail(true) : tail(false);
  }
  const method: SpearmanMethod = n <= 1290 && useExact ? (n <= 9 ? 'exact' : 'edgeworth') : 't-approx';
  return Object.freeze({ estimate: rho, statistic: q, pValue, ciLow: null, ciHigh: null, alternative, n, method, ties });
}
