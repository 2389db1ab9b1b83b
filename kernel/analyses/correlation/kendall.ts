/** Kendall's tau-b and its test, as R `cor.test(method = "kendall")`. */
import { InferraError } from '../../errors.js';
import type { Alternative } from '../../types.js';
import { pValueNormal } from '../common/distributions.js';

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

/** Pair counts behind tau-b: sum of sign products, the pairs untied in x and in y, and the tie sizes. */
export interface PairCounts {
  n: number;
  score: number;
  untiedX: number;
  untiedY: number;
  /** Sizes of the runs of repeated x values (each at least 2), and of y values. */
  tiesX: number[];
  tiesY: number[];
}

/**
 * Pairs sorted by x then y, each distinct pair once with its weight (how many rows it stands for):
 * what the engine returns (kernel/data/plan/ranks.ts) and what `sortPairs` makes of rows in memory.
 */
export interface WeightedSortedPairs {
  x: Float64Array;
  y: Float64Array;
  weights: Float64Array;
}

/** Rows sorted by x then y, equal pairs collapsed into weights. */
export function sortPairs(x: ArrayLike<number>, y: ArrayLike<number>): WeightedSortedPairs {
  const n = x.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const weights = new Float64Array(n);
  let m = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (m >= 0 && xs[m] === x[i] && ys[m] === y[i]) weights[m]++;
    else {
      m++;
      xs[m] = x[i];
      ys[m] = y[i];
      weights[m] = 1;
    }
  }
  return { x: xs.slice(0, m + 1), y: ys.slice(0, m + 1), weights: weights.slice(0, m + 1) };
}

/** sum t(t - 1)/2 over run sizes t. */
function pairsWithin(sizes: readonly number[]): number {
  let pairs = 0;
  for (const t of sizes) pairs += (t * (t - 1)) / 2;
  return pairs;
}

/**
 * Knight's (1966) O(n log n) pair counts on weighted pairs sorted by x then y: the pairs pass through
 * `KendallPairCounter` (a Fenwick tree over y's ranks), the one count the file path and the database's
 * streamed pairs share. Every count is an exact integer, so tau-b equals R's O(n^2) sum.
 */
export function countKendallPairs(pairs: WeightedSortedPairs): PairCounts {
  const distinctY = Float64Array.from(new Set(pairs.y)).sort();
  const weightOfY = new Float64Array(distinctY.length);
  const counter = new KendallPairCounter(distinctY.length);
  for (let i = 0; i < pairs.x.length; i++) {
    const rank = rankIn(distinctY, pairs.y[i]);
    weightOfY[rank] += pairs.weights[i];
    counter.add(pairs.x[i], rank, pairs.weights[i]);
  }
  return counter.finish(Array.from(weightOfY).filter((w) => w > 1));
}

/** The index of `value` in the sorted distinct `values` (binary search). */
function rankIn(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Knight's pair counts without holding the pairs: the distinct pairs arrive sorted by x then y (in
 * chunks, from the database), y as its 0-based rank among the m distinct y values. A Fenwick tree over
 * the y ranks holds the weight of the pairs of earlier x values; each pair's discordant partners are
 * those of them with a larger y, which is what Knight's merge sort counts as its exchanges. Memory is
 * O(m), whatever the number of rows.
 */
export class KendallPairCounter {
  private readonly tree: Float64Array;
  /** Pairs of the current x value, waiting to enter the tree when x changes. */
  private pendingRanks: number[] = [];
  private pendingWeights: number[] = [];
  private currentX = NaN;
  private run = 0;
  private inserted = 0;
  private n = 0;
  private tiedXY = 0;
  private swaps = 0;
  private readonly tiesX: number[] = [];

  constructor(private readonly distinctY: number) {
    this.tree = new Float64Array(distinctY + 1);
  }

  /** One distinct pair: x, the rank of y among the distinct y values, and how many rows it stands for. */
  add(x: number, yRank: number, weight: number): void {
    if (x !== this.currentX) this.flush(x);
    // Weight of earlier x values with y ranked above yRank: all inserted minus those ranked <= yRank.
    let atOrBelow = 0;
    for (let i = yRank + 1; i > 0; i -= i & -i) atOrBelow += this.tree[i];
    this.swaps += weight * (this.inserted - atOrBelow);
    this.pendingRanks.push(yRank);
    this.pendingWeights.push(weight);
    this.run += weight;
    this.n += weight;
    this.tiedXY += (weight * (weight - 1)) / 2;
  }

  /** Moves the current x value's pairs into the tree. */
  private flush(next: number): void {
    for (let k = 0; k < this.pendingRanks.length; k++) {
      const w = this.pendingWeights[k];
      for (let i = this.pendingRanks[k] + 1; i <= this.distinctY; i += i & -i) this.tree[i] += w;
      this.inserted += w;
    }
    if (this.run > 1) this.tiesX.push(this.run);
    this.pendingRanks = [];
    this.pendingWeights = [];
    this.run = 0;
    this.currentX = next;
  }

  /** The counts, given the sizes of the runs of equal y values (at least 2, in increasing y). */
  finish(tiesY: number[]): PairCounts {
    this.flush(NaN);
    const n = this.n;
    const total = (n * (n - 1)) / 2;
    const tiedX = pairsWithin(this.tiesX);
    const tiedY = pairsWithin(tiesY);
    return { n, score: total - tiedX - tiedY + this.tiedXY - 2 * this.swaps, untiedX: total - tiedX, untiedY: total - tiedY, tiesX: this.tiesX, tiesY };
  }
}

/** Tau-b from the pair counts (NaN when x or y is constant). */
function tauOf({ score, untiedX, untiedY }: PairCounts): number {
  if (untiedX === 0 || untiedY === 0) return NaN;
  return Math.min(1, score / (Math.sqrt(untiedX) * Math.sqrt(untiedY)));
}

/** Kendall's tau-b as R's `cor(x, y, method = "kendall")`. */
export function computeKendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return tauOf(countKendallPairs(sortPairs(x, y)));
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
  if (x.length < 3) throw new InferraError('too-few-observations', { analysis: 'kendall', needed: 3, actual: x.length });
  return computeKendallFromCounts(countKendallPairs(sortPairs(x, y)), alternative, exact);
}

/**
 * Kendall's test from the pair counts of weighted pairs sorted by x then y (`sortPairs` in memory, or
 * the engine's sorted pairs): the one implementation behind the file path and the database path.
 */
export function computeKendallFromCounts(counts: PairCounts, alternative: Alternative, exact: boolean | 'auto'): KendallResult {
  const n = counts.n;
  if (n < 3) throw new InferraError('too-few-observations', { analysis: 'kendall', needed: 3, actual: n });
  const tau = tauOf(counts);
  if (Number.isNaN(tau)) throw new InferraError('zero-variance', { where: 'x or y', value: 'constant', analysis: 'kendall' });
  const xt = counts.tiesX;
  const yt = counts.tiesY;
  const ties = xt.length > 0 || yt.length > 0;
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
