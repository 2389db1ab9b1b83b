/** Spearman's rank correlation and its test, as R `cor.test(method = "spearman")`. */
import { InferraError } from '../../errors.js';
import type { Alternative } from '../../types.js';
import { lowerT, upperT } from '../common/distributions.js';
import { rankAverage } from '../common/ranks.js';
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
  const rx = rankAverage(x);
  const ry = rankAverage(y);
  const rho = computeSpearmanRho(n, sumRankProducts(rx.ranks, ry.ranks), tieSumOf(rx.tieSizes), tieSumOf(ry.tieSizes));
  return computeSpearmanFromRho(rho, n, rx.tieSizes.length > 0 || ry.tieSizes.length > 0, alternative, exact);
}

/** sum(t^3 - t) over tie sizes, exactly. */
function tieSumOf(sizes: readonly number[]): bigint {
  let s = 0n;
  for (const t of sizes) s += BigInt(t) ** 3n - BigInt(t);
  return s;
}

/**
 * sum (2 R_x)(2 R_y) over the rows, exactly: each product is an integer below 2^53 (n < 4.7e7), added
 * in doubles while the partial sum stays exact (below 2^53), then carried into a BigInt.
 */
function sumRankProducts(rx: Float64Array, ry: Float64Array): bigint {
  const n = rx.length;
  const perBlock = Math.max(1, Math.floor(2 ** 53 / (4 * n * n)));
  let total = 0n;
  let partial = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    partial += 2 * rx[i] * (2 * ry[i]);
    if (++count === perBlock) {
      total += BigInt(partial);
      partial = 0;
      count = 0;
    }
  }
  return total + BigInt(partial);
}

/**
 * Spearman's rho, Pearson's r of the mid-ranks, from exact integers (the file path's ranks in memory
 * and the database's window functions give the same integers, so the same rho): with R the mid-ranks
 * (mean (n + 1) / 2), S_xy = (sum (2R_x)(2R_y) - n (n + 1)^2) / 4 and S_xx = (n^3 - n - sum(t^3 - t)) / 12,
 * each an exact integer rounded once. NaN when x or y is constant.
 */
export function computeSpearmanRho(n: number, productSum4: bigint, tieSumX: bigint, tieSumY: bigint): number {
  const N = BigInt(n);
  const sxy = Number(productSum4 - N * (N + 1n) * (N + 1n)) / 4;
  const sxx = Number(N * N * N - N - tieSumX) / 12;
  const syy = Number(N * N * N - N - tieSumY) / 12;
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / (Math.sqrt(sxx) * Math.sqrt(syy))));
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
