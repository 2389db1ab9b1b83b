/**
 * Mergeable partial states of the plan's aggregates, and their merge functions. A table split into
 * shards (a sharded or distributed engine) gives the same result as the whole table:
 *
 * - counts, minima and maxima merge by +, min, max;
 * - an exact sum is an integer times a power of two (`ExactSum`): two sums merge by aligning their
 *   exponents and adding the integers, exactly, in any order (`mergeExactSums`);
 * - centred sums of squares are computed in a second round about the merged mean, each shard's
 *   state again an exact sum: merged the same way, so the two-round result is bit-identical;
 * - for a one-round merge of finished (n, mean, M2) states there is Chan, Golub & LeVeque's pairwise
 *   update (`mergeCentred`), exact in real arithmetic and accurate to a few ulps in doubles;
 * - cross-products add like sums of squares; contingency counts add cell by cell.
 */
import { ratioToDouble, scaledToDouble } from './exact.js';

/** An exact sum: `value` x 2^`exponent`. */
export interface ExactSum {
  value: bigint;
  exponent: number;
}

export const ZERO_SUM: ExactSum = Object.freeze({ value: 0n, exponent: 0 });

/** The sum of two exact sums, exactly (associative and commutative). */
export function mergeExactSums(a: ExactSum, b: ExactSum): ExactSum {
  if (a.value === 0n) return b;
  if (b.value === 0n) return a;
  const exponent = Math.min(a.exponent, b.exponent);
  const value = (a.value << BigInt(a.exponent - exponent)) + (b.value << BigInt(b.exponent - exponent));
  return { value, exponent };
}

/** An exact sum as the nearest double. */
export function exactToDouble(sum: ExactSum): number {
  return scaledToDouble(sum.value, sum.exponent);
}

/** An exact sum divided by n, correctly rounded (the mean of exact data). */
export function exactMean(sum: ExactSum, n: number): number {
  if (sum.exponent >= 0) return ratioToDouble(sum.value << BigInt(sum.exponent), BigInt(n));
  return ratioToDouble(sum.value, BigInt(n) << BigInt(-sum.exponent));
}

/** a / na - b / nb, correctly rounded: the difference of two means without cancellation. */
export function meanDifference(a: ExactSum, na: number, b: ExactSum, nb: number): number {
  const exponent = Math.min(a.exponent, b.exponent);
  const av = a.value << BigInt(a.exponent - exponent);
  const bv = b.value << BigInt(b.exponent - exponent);
  const numerator = av * BigInt(nb) - bv * BigInt(na);
  const denominator = BigInt(na) * BigInt(nb);
  if (exponent >= 0) return ratioToDouble(numerator << BigInt(exponent), denominator);
  return ratioToDouble(numerator, denominator << BigInt(-exponent));
}

/** Round one of a moments state: n, range and the exact sum. */
export interface SumState {
  n: number;
  min: number;
  max: number;
  sum: ExactSum;
}

export function mergeSumStates(a: SumState, b: SumState): SumState {
  return { n: a.n + b.n, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max), sum: mergeExactSums(a.sum, b.sum) };
}

/** Round two: exact sums of d = x - centre and d^2 (d rounded once per row, the same in every engine). */
export interface CentredState {
  centre: number;
  sumD: ExactSum;
  sumD2: ExactSum;
  /** With `order: 4`: exact sums of d^3 and d^4 (the shape: skewness, kurtosis). */
  sumD3?: ExactSum;
  sumD4?: ExactSum;
}

export function mergeCentredStates(a: CentredState, b: CentredState): CentredState {
  if (a.centre !== b.centre) throw new Error('centred states merge only about the same centre');
  const higher =
    a.sumD3 && b.sumD3 && a.sumD4 && b.sumD4 ? { sumD3: mergeExactSums(a.sumD3, b.sumD3), sumD4: mergeExactSums(a.sumD4, b.sumD4) } : {};
  return { centre: a.centre, sumD: mergeExactSums(a.sumD, b.sumD), sumD2: mergeExactSums(a.sumD2, b.sumD2), ...higher };
}

/**
 * The central moments m_k = Σ(x - x̄)^k / n, k = 2..4, from a round-two state of order 4: about the
 * rounded mean c, with s = Σd / n the remaining offset, Σ(d - s)^3 = Σd^3 - 3sΣd^2 + 2ns^3 and
 * Σ(d - s)^4 = Σd^4 - 4sΣd^3 + 6s^2Σd^2 - 3ns^4.
 */
export function centralMomentsOf(state: CentredState, n: number): { n: number; m2: number; m3: number; m4: number } {
  const s = exactToDouble(state.sumD) / n;
  const d2 = exactToDouble(state.sumD2);
  const d3 = state.sumD3 ? exactToDouble(state.sumD3) : NaN;
  const d4 = state.sumD4 ? exactToDouble(state.sumD4) : NaN;
  return {
    n,
    m2: centredSumOfSquares(state, n) / n,
    m3: (d3 - 3 * s * d2 + 2 * n * s ** 3) / n,
    m4: (d4 - 4 * s * d3 + 6 * s * s * d2 - 3 * n * s ** 4) / n,
  };
}

/** The sum of squares about the mean from a round-two state: sum d^2 - (sum d)^2 / n. */
export function centredSumOfSquares(state: CentredState, n: number): number {
  const sd = exactToDouble(state.sumD);
  return exactToDouble(state.sumD2) - (sd * sd) / n;
}

/** A finished (n, mean, M2) state, for a one-round merge. */
export interface MomentSummary {
  n: number;
  mean: number;
  m2: number;
}

/**
 * Chan, Golub & LeVeque (1979) pairwise update: the (n, mean, M2) of the union of two samples from
 * theirs. delta = mean_b - mean_a; mean = mean_a + delta n_b / n; M2 = M2_a + M2_b + delta^2 n_a n_b / n.
 */
export function mergeCentred(a: MomentSummary, b: MomentSummary): MomentSummary {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n };
}

/** Round two of a co-moments state: exact sums of dx, dy, dx^2, dy^2 and dx dy. */
export interface CrossState {
  sumDx: ExactSum;
  sumDy: ExactSum;
  sumDx2: ExactSum;
  sumDy2: ExactSum;
  sumDxDy: ExactSum;
}

export function mergeCrossStates(a: CrossState, b: CrossState): CrossState {
  return {
    sumDx: mergeExactSums(a.sumDx, b.sumDx),
    sumDy: mergeExactSums(a.sumDy, b.sumDy),
    sumDx2: mergeExactSums(a.sumDx2, b.sumDx2),
    sumDy2: mergeExactSums(a.sumDy2, b.sumDy2),
    sumDxDy: mergeExactSums(a.sumDxDy, b.sumDxDy),
  };
}

/** Contingency counts by "row\u0000col" key. */
export type CountsState = Map<string, number>;

export function mergeCounts(a: CountsState, b: CountsState): CountsState {
  const out = new Map(a);
  for (const [key, count] of b) out.set(key, (out.get(key) ?? 0) + count);
  return out;
}
