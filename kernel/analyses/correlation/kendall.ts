/** Kendall's tau-b and its test, as R `cor.test(method = "kendall")`. */
import { InferraError } from '../../errors.js';
import type { Alternative } from '../../types.js';
import { pValueNormal } from '../common/distributions.js';
import { hasTies } from './spearman.js';

/** What Kendall's test returns (R gives no interval for tau; ours is the Fisher-z interval below). */
export interface KendallResult {
  estimate: number;
  /** T (concordant pairs) when exact, else z. */
  statistic: number;
  pValue: number;
  /** Fisher-z interval with the Fieller SE (compute.ts); null when it cannot be formed. */
  ciLow: number | null;
  ciHigh: number | null;
  confLevel?: number;
  alternative: Alternative;
  n: number;
  method: 'exact' | 'normal-approx';
  ties: boolean;
}

/** Pair counts behind tau-b: sum of sign products and the pairs untied in x and in y. */
interface PairCounts {
  score: number;
  untiedX: number;
  untiedY: number;
}

/** Number of pairs within runs of equal values, sum over runs of t(t - 1)/2, for a sorted key. */
function countTiedPairs(n: number, equal: (i: number, j: number) => boolean): number {
  let pairs = 0;
  let run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && equal(i - 1, i)) run++;
    else {
      pairs += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  return pairs;
}

/** Knight's O(n log n) pair counts (exact integers, so tau-b equals R's O(n^2) sum). */
function computePairCounts(x: ArrayLike<number>, y: ArrayLike<number>): PairCounts {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  const xs = order.map((i) => x[i]);
  let ys = order.map((i) => y[i]);
  const total = (n * (n - 1)) / 2;
  const tiedX = countTiedPairs(n, (i, j) => xs[i] === xs[j]);
  const tiedXY = countTiedPairs(n, (i, j) => xs[i] === xs[j] && ys[i] === ys[j]);
  // Merge sort on y counting exchanges: each is a discordant pair.
  let swaps = 0;
  let buffer = new Array<number>(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (ys[j] < ys[i]) {
          buffer[k++] = ys[j++];
          swaps += mid - i;
        } else buffer[k++] = ys[i++];
      }
      while (i < mid) buffer[k++] = ys[i++];
      while (j < hi) buffer[k++] = ys[j++];
    }
    [ys, buffer] = [buffer, ys];
  }
  const tiedY = countTiedPairs(n, (i, j) => ys[i] === ys[j]);
  return { score: total - tiedX - tiedY + tiedXY - 2 * swaps, untiedX: total - tiedX, untiedY: total - tiedY };
}

/** Kendall's tau-b as R's `cor(x, y, method = "kendall")`. */
export function computeKendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { score, untiedX, untiedY } = computePairCounts(x, y);
  if (untiedX === 0 || untiedY === 0) return NaN;
  return Math.min(1, score / (Math.sqrt(untiedX) * Math.sqrt(untiedY)));
}

/** Largest n for which R's own recursion (counts, then one division by n!) is used. */
const MAX_RECURSION_N = 100;

/**
 * P(T <= q) for Kendall's T without ties. Up to n = 100 this is R's `ckendall`/`pkendall` (same
 * recursion, summation order and final division, so even R's cancellation in `1 - P` is reproduced).
 * Beyond, R's counts and n! overflow (R returns NaN from n = 171), so probabilities are built directly:
 * P_m(k) = (1/m) sum_{i<m} P_{m-1}(k - i), with a sliding window sum.
 */
export function computeKendallLowerTail(q: number, n: number): number {
  const u = (n * (n - 1)) / 2;
  const qq = Math.floor(q + 1e-7);
  if (qq < 0) return 0;
  if (qq > u) return 1;
  if (n > MAX_RECURSION_N) return computeKendallLowerTailByProbabilities(qq, n);
  const memo: (Float64Array | undefined)[] = new Array(n + 1);
  const count = (k: number, m: number): number => {
    const um = (m * (m - 1)) / 2;
    if (k < 0 || k > um) return 0;
    let w = memo[m];
    if (!w) {
      w = new Float64Array(um + 1).fill(-1);
      memo[m] = w;
    }
    if (w[k] < 0) {
      if (m === 1) w[k] = k === 0 ? 1 : 0;
      else {
        let s = 0;
        for (let i = 0; i < m; i++) s += count(k - i, m - 1);
        w[k] = s;
      }
    }
    return w[k];
  };
  let p = 0;
  for (let j = 0; j <= qq; j++) p += count(j, n);
  let factorial = 1;
  for (let i = 2; i <= n; i++) factorial *= i;
  return p / factorial;
}

/** P(T <= q) from the probabilities P_m(k), k <= q, built up for m = 1..n (O(n q) time, O(q) memory). */
function computeKendallLowerTailByProbabilities(q: number, n: number): number {
  let previous = new Float64Array(q + 1);
  let current = new Float64Array(q + 1);
  previous[0] = 1;
  for (let m = 2; m <= n; m++) {
    let window = 0;
    for (let k = 0; k <= q; k++) {
      window += previous[k];
      if (k - m >= 0) window -= previous[k - m];
      current[k] = window / m;
    }
    [previous, current] = [current, previous];
  }
  let p = 0;
  for (let k = 0; k <= q; k++) p += previous[k];
  return Math.min(1, p);
}

/** Sizes of the runs of repeated values (each at least 2), as R's `table(x[duplicated(x)]) + 1`. */
function tieSizes(x: ArrayLike<number>): number[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < x.length; i++) counts.set(x[i], (counts.get(x[i]) ?? 0) + 1);
  return [...counts.values()].filter((c) => c > 1);
}

/**
 * Kendall correlation test; agrees with R `cor.test(x, y, method = "kendall", exact)`: exact for
 * n < 50 without ties when `exact` is 'auto' (R's NULL) or true, else the normal approximation with
 * the tie-corrected variance of S (no continuity correction, R's default).
 */
export function computeKendall(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  alternative: Alternative,
  exact: boolean | 'auto',
): KendallResult {
  const n = x.length;
  if (n < 3) throw new InferraError('too-few-observations', { analysis: 'kendall', needed: 3, actual: n });
  const tau = computeKendallTau(x, y);
  if (Number.isNaN(tau)) throw new InferraError('zero-variance', { where: 'x or y', value: 'constant', analysis: 'kendall' });
  const ties = hasTies(x) || hasTies(y);
  const useExact = (exact === 'auto' ? n < 50 : exact) && !ties;
  if (useExact) {
    const q = Math.round(((tau + 1) * n * (n - 1)) / 4);
    let pValue: number;
    if (alternative === 'two-sided') {
      const p = q > (n * (n - 1)) / 4 ? 1 - computeKendallLowerTail(q - 1, n) : computeKendallLowerTail(q, n);
      pValue = Math.min(2 * p, 1);
    } else if (alternative === 'greater') {
      pValue = 1 - computeKendallLowerTail(q - 1, n);
    } else {
      pValue = computeKendallLowerTail(q, n);
    }
    return Object.freeze({ estimate: tau, statistic: q, pValue, ciLow: null, ciHigh: null, alternative, n, method: 'exact' as const, ties });
  }
  const xt = tieSizes(x);
  const yt = tieSizes(y);
  const sumOf = (t: number[], f: (v: number) => number): number => t.reduce((s, v) => s + f(v), 0);
  const t0 = (n * (n - 1)) / 2;
  const t1 = sumOf(xt, (v) => v * (v - 1)) / 2;
  const t2 = sumOf(yt, (v) => v * (v - 1)) / 2;
  const s = tau * Math.sqrt((t0 - t1) * (t0 - t2));
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = sumOf(xt, (v) => v * (v - 1) * (2 * v + 5));
  const vu = sumOf(yt, (v) => v * (v - 1) * (2 * v + 5));
  const v1 = sumOf(xt, (v) => v * (v - 1)) * sumOf(yt, (v) => v * (v - 1));
  const v2 = sumOf(xt, (v) => v * (v - 1) * (v - 2)) * sumOf(yt, (v) => v * (v - 1) * (v - 2));
  const varS = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2));
  const statistic = s / Math.sqrt(varS);
  return Object.freeze({
    estimate: tau,
    statistic,
    pValue: pValueNormal(statistic, alternative),
    ciLow: null,
    ciHigh: null,
    alternative,
    n,
    method: 'normal-approx' as const,
    ties,
  });
}
