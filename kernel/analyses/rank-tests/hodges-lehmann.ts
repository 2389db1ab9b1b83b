/**
 * Hodges-Lehmann estimates and confidence intervals exactly as R's `wilcox.test(conf.int = TRUE)`:
 * order statistics of the pairwise differences (or Walsh averages) in the exact case, and otherwise
 * the root of the standardized statistic found by `uniroot(tol = 1e-4)` (ported step by step, so that
 * the same root comes out).
 */
import type { Alternative } from '../../types.js';
import { quantileNormal } from '../common/distributions.js';
import { computePsignrank, computePwilcox, computeQsignrank, computeQwilcox } from './distribution.js';
import { computeShiftedRankSum, computeShiftedSignedRank } from './shifted-ranks.js';
import { computeUniroot } from '../common/zeroin.js';

const ROOT_TOLERANCE = 1e-4;

/**
 * A sample sorted ascending, optionally as its distinct values with how many times each occurs (what
 * the database returns): the approximate estimates below then need memory for the distinct values only.
 */
export interface SortedSample {
  values: Float64Array;
  counts?: Float64Array;
}

/** The k-th smallest value (0-based) of a sorted sample. */
function orderStatistic(sample: SortedSample, k: number): number {
  if (!sample.counts) return sample.values[k];
  let seen = 0;
  for (let i = 0; i < sample.values.length; i++) {
    seen += sample.counts[i];
    if (k < seen) return sample.values[i];
  }
  return NaN;
}

/** R's `median` of a sorted sample. */
function medianOfSorted(sample: SortedSample): number {
  let n = sample.values.length;
  if (sample.counts) n = sample.counts.reduce((a, b) => a + b, 0);
  if (n === 0) return NaN;
  const half = Math.floor(n / 2);
  return n % 2 === 1 ? orderStatistic(sample, half) : (orderStatistic(sample, half - 1) + orderStatistic(sample, half)) / 2;
}

/** Median as R's `median` computes it: the middle value, or the mean of the two middle values. */
export function computeMedian(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return NaN;
  const half = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

/** A location estimate, its interval and the confidence level actually achieved. */
export interface LocationEstimate {
  estimate: number;
  ciLow: number;
  ciHigh: number;
  /** Lower than requested when the exact distribution cannot reach the requested level (R warns). */
  ciConfLevel: number;
  warnings: string[];
}

/** qnorm(p, lower.tail = FALSE). */
function upperQuantile(p: number): number {
  return -quantileNormal(p);
}

/** The continuity correction R applies to a centred statistic. */
function correctionFor(z: number, alternative: Alternative, correct: boolean): number {
  if (!correct) return 0;
  if (alternative === 'two-sided') return Math.sign(z) * 0.5;
  return alternative === 'greater' ? 0.5 : -0.5;
}

/** Exact interval of the two-sample shift from the sorted pairwise differences x_i - y_j. */
export function computeExactShift(
  x: Float64Array,
  y: Float64Array,
  confLevel: number,
  alternative: Alternative,
): LocationEstimate {
  const nx = x.length;
  const ny = y.length;
  const diffs = new Float64Array(nx * ny);
  // outer(x, y, "-") in column-major order; sorted, so the order of filling does not matter.
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) diffs[j * nx + i] = x[i] - y[j];
  diffs.sort();
  const alpha = 1 - confLevel;
  let ciLow = -Infinity;
  let ciHigh = Infinity;
  let achieved: number;
  if (alternative === 'two-sided') {
    let qu = computeQwilcox(alpha / 2, nx, ny);
    if (qu === 0) qu = 1;
    const ql = nx * ny - qu;
    achieved = 2 * computePwilcox(Math.trunc(qu) - 1, nx, ny);
    ciLow = diffs[qu - 1];
    ciHigh = diffs[ql];
  } else {
    let qu = computeQwilcox(alpha, nx, ny);
    if (qu === 0) qu = 1;
    achieved = computePwilcox(Math.trunc(qu) - 1, nx, ny);
    if (alternative === 'greater') ciLow = diffs[qu - 1];
    else ciHigh = diffs[nx * ny - qu];
  }
  const warnings: string[] = [];
  let ciConfLevel = confLevel;
  if (achieved - alpha > alpha / 2) {
    ciConfLevel = 1 - achieved;
    warnings.push(`The requested confidence level is not achievable with these sample sizes; the interval has level ${ciConfLevel}.`);
  }
  return { estimate: computeMedian(diffs), ciLow, ciHigh, ciConfLevel, warnings };
}

/** Exact interval of the pseudo-median from the sorted Walsh averages (x is already free of zeros). */
export function computeExactPseudoMedian(x: Float64Array, confLevel: number, alternative: Alternative): LocationEstimate {
  const n = x.length;
  const walsh: number[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i <= j; i++) walsh.push(x[i] + x[j]);
  const diffs = Float64Array.from(walsh).sort().map((v) => v / 2);
  const alpha = 1 - confLevel;
  const top = (n * (n + 1)) / 2;
  let ciLow = -Infinity;
  let ciHigh = Infinity;
  let achieved: number;
  if (alternative === 'two-sided') {
    let qu = computeQsignrank(alpha / 2, n);
    if (qu === 0) qu = 1;
    achieved = 2 * computePsignrank(Math.trunc(qu) - 1, n);
    ciLow = diffs[qu - 1];
    ciHigh = diffs[top - qu];
  } else {
    let qu = computeQsignrank(alpha, n);
    if (qu === 0) qu = 1;
    achieved = computePsignrank(Math.trunc(qu) - 1, n);
    if (alternative === 'greater') ciLow = diffs[qu - 1];
    else ciHigh = diffs[top - qu];
  }
  const warnings: string[] = [];
  let ciConfLevel = confLevel;
  if (achieved - alpha > alpha / 2) {
    // R rounds the reported level to 2 significant digits here.
    ciConfLevel = 1 - Number(achieved.toPrecision(2));
    warnings.push(`The requested confidence level is not achievable with ${n} observations; the interval has level ${ciConfLevel}.`);
  }
  return { estimate: computeMedian(diffs), ciLow, ciHigh, ciConfLevel, warnings };
}

/** Normal-approximation interval of the two-sample shift (R: `wilcox.test`'s `W(d)` and `uniroot`). */
export function computeApproximateShift(
  x: Float64Array,
  y: Float64Array,
  confLevel: number,
  alternative: Alternative,
  correct: boolean,
): LocationEstimate {
  return computeApproximateShiftSorted({ values: Float64Array.from(x).sort() }, { values: Float64Array.from(y).sort() }, confLevel, alternative, correct);
}

/** computeApproximateShift on sorted samples (distinct values with counts, or every value). */
export function computeApproximateShiftSorted(
  x: SortedSample,
  y: SortedSample,
  confLevel: number,
  alternative: Alternative,
  correct: boolean,
): LocationEstimate {
  const sortedX = x.values;
  const sortedY = y.values;
  const nx = x.counts ? x.counts.reduce((a, b) => a + b, 0) : sortedX.length;
  const ny = y.counts ? y.counts.reduce((a, b) => a + b, 0) : sortedY.length;
  const mumin = sortedX[0] - sortedY[sortedY.length - 1];
  const mumax = sortedX[sortedX.length - 1] - sortedY[0];
  const standardized = (d: number, withCorrection: boolean): number => {
    const { rankSumX, tieSum: ties } = computeShiftedRankSum(sortedX, sortedY, d, x.counts, y.counts);
    const dz = rankSumX - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
    const sigma = Math.sqrt(((nx * ny) / 12) * (nx + ny + 1 - ties / ((nx + ny) * (nx + ny - 1))));
    return (dz - correctionFor(dz, alternative, withCorrection)) / sigma;
  };
  const warnings: string[] = [];
  if (!(mumin < mumax)) {
    return { estimate: mumin, ciLow: NaN, ciHigh: NaN, ciConfLevel: confLevel, warnings: ['Every value within each group is the same, so no confidence interval for the shift can be computed.'] };
  }
  const wMin = standardized(mumin, correct);
  const wMax = standardized(mumax, correct);
  const root = (zq: number): number => {
    const fLower = wMin - zq;
    if (fLower <= 0) return mumin;
    const fUpper = wMax - zq;
    if (fUpper >= 0) return mumax;
    return computeUniroot((d) => standardized(d, correct) - zq, mumin, mumax, ROOT_TOLERANCE, fLower, fUpper).root;
  };
  const alpha = 1 - confLevel;
  let ciLow = -Infinity;
  let ciHigh = Infinity;
  if (alternative === 'two-sided') {
    ciLow = root(upperQuantile(alpha / 2));
    ciHigh = root(quantileNormal(alpha / 2));
  } else if (alternative === 'greater') {
    ciLow = root(upperQuantile(alpha));
  } else {
    ciHigh = root(quantileNormal(alpha));
  }
  // R sets correct <- FALSE before the estimate, so the point estimate is uncorrected.
  const estimate = computeUniroot((d) => standardized(d, false), mumin, mumax, ROOT_TOLERANCE).root;
  return { estimate, ciLow, ciHigh, ciConfLevel: confLevel, warnings };
}

/** Normal-approximation interval of the pseudo-median (R: one-sample `wilcox.test`, x free of zeros). */
export function computeApproximatePseudoMedian(
  x: Float64Array,
  confLevel: number,
  alternative: Alternative,
  correct: boolean,
): LocationEstimate {
  return computeApproximatePseudoMedianSorted({ values: Float64Array.from(x).sort() }, confLevel, alternative, correct);
}

/** computeApproximatePseudoMedian on a sorted sample (distinct values with counts, or every value). */
export function computeApproximatePseudoMedianSorted(
  x: SortedSample,
  confLevel: number,
  alternative: Alternative,
  correct: boolean,
): LocationEstimate {
  const sortedX = x.values;
  const mumin = sortedX[0];
  const mumax = sortedX[sortedX.length - 1];
  const standardized = (d: number, withCorrection: boolean): number => {
    const { n: nx, positiveRankSum, tieSum: ties } = computeShiftedSignedRank(sortedX, d, x.counts);
    const zd = positiveRankSum - (nx * (nx + 1)) / 4;
    const sigma = Math.sqrt((nx * (nx + 1) * (2 * nx + 1)) / 24 - ties / 48);
    return (zd - correctionFor(zd, alternative, withCorrection)) / sigma;
  };
  const wMin = standardized(mumin, correct);
  const wMax = Number.isFinite(wMin) ? standardized(mumax, correct) : NaN;
  if (!Number.isFinite(wMax)) {
    return {
      estimate: (mumin + mumax) / 2,
      ciLow: alternative === 'less' ? -Infinity : NaN,
      ciHigh: alternative === 'greater' ? Infinity : NaN,
      ciConfLevel: 0,
      warnings: ['No confidence interval for the pseudo-median can be computed: all observations are tied.'],
    };
  }
  const root = (zq: number): number =>
    computeUniroot((d) => standardized(d, correct) - zq, mumin, mumax, ROOT_TOLERANCE, wMin - zq, wMax - zq).root;
  let alpha = 1 - confLevel;
  let ciConfLevel = confLevel;
  const warnings: string[] = [];
  const notAchievable = (): void => {
    if (alpha >= 1 || 1 - confLevel < alpha * 0.75) {
      ciConfLevel = 1 - Math.min(1, alpha);
      warnings.push(`The requested confidence level is not achievable; the interval has level ${ciConfLevel}.`);
    }
  };
  let ciLow = -Infinity;
  let ciHigh = Infinity;
  if (alternative === 'two-sided') {
    while (wMin - upperQuantile(alpha / 2) < 0 || wMax - quantileNormal(alpha / 2) > 0) alpha *= 2;
    notAchievable();
    if (alpha < 1) {
      ciLow = root(upperQuantile(alpha / 2));
      ciHigh = root(quantileNormal(alpha / 2));
    } else {
      ciLow = ciHigh = medianOfSorted(x);
    }
  } else if (alternative === 'greater') {
    while (wMin - upperQuantile(alpha) < 0) alpha *= 2;
    notAchievable();
    ciLow = alpha < 1 ? root(upperQuantile(alpha)) : medianOfSorted(x);
  } else {
    // R 4.2 tests alpha/2 here and then uses qnorm(alpha): kept as R has it.
    while (wMax - quantileNormal(alpha / 2) > 0) alpha *= 2;
    notAchievable();
    ciHigh = alpha < 1 ? root(quantileNormal(alpha)) : medianOfSorted(x);
  }
  const estimate = computeUniroot((d) => standardized(d, false), mumin, mumax, ROOT_TOLERANCE).root;
  return { estimate, ciLow, ciHigh, ciConfLevel, warnings };
}
