/**
 * Yuen's (1974) test of two trimmed means, Welch-style (unequal variances): the remedy the normality
 * policy offers first for two groups, since it keeps the question about the centre of each group
 * while resisting skew and outliers. With trimming proportion gamma (0.2), g = floor(gamma n) values
 * are cut from each end, h = n - 2g remain, and
 *
 *   d_j = (n_j - 1) s_w,j^2 / (h_j (h_j - 1)),  T = (tm_1 - tm_2 - mu) / sqrt(d_1 + d_2),
 *   df = (d_1 + d_2)^2 / (d_1^2 / (h_1 - 1) + d_2^2 / (h_2 - 1)),
 *
 * with s_w^2 the winsorized variance (the g smallest values set to the next one up, the g largest to
 * the next one down; denominator n - 1). With gamma = 0 it is Welch's t-test.
 */
import type { Alternative, AnalysisOptions } from '../../types.js';
import { confidenceIntervalT, pValueT } from '../common/distributions.js';
import { mean, variance } from '../common/moments.js';
import type { TwoSampleInput } from '../ttest/compute.js';

/** The trimming proportion (20%, as Wilcox recommends and WRS2's default). */
export const YUEN_TRIM = 0.2;

/** Trimmed mean, winsorized variance, n and h of one sample. */
export function trimSample(values: ArrayLike<number>, trim: number): { trimmedMean: number; winsorizedVariance: number; n: number; h: number } {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const g = Math.floor(trim * n);
  const h = n - 2 * g;
  const trimmedMean = mean(sorted.subarray(g, n - g));
  const winsorized = Float64Array.from(sorted, (_, i) => sorted[Math.min(Math.max(i, g), n - g - 1)]);
  return { trimmedMean, winsorizedVariance: variance(winsorized), n, h };
}

/** The result of `yuen`. */
export interface YuenResult {
  statistic: number;
  df: number;
  pValue: number;
  /** Trimmed mean of the first group minus that of the second. */
  estimate: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  confLevel: number;
  alternative: Alternative;
  mu: number;
  trim: number;
  trimmedMean1: number;
  trimmedMean2: number;
  winsorizedSd1: number;
  winsorizedSd2: number;
  n1: number;
  n2: number;
  h1: number;
  h2: number;
}

/** Yuen's trimmed-means test of the first group against the second. */
export function computeYuen(input: TwoSampleInput, options: Pick<AnalysisOptions, 'confLevel' | 'alternative' | 'mu'>, trim = YUEN_TRIM): YuenResult {
  const a = trimSample(input.x, trim);
  const b = trimSample(input.y, trim);
  const d1 = ((a.n - 1) * a.winsorizedVariance) / (a.h * (a.h - 1));
  const d2 = ((b.n - 1) * b.winsorizedVariance) / (b.h * (b.h - 1));
  const se = Math.sqrt(d1 + d2);
  const df = (d1 + d2) ** 2 / (d1 ** 2 / (a.h - 1) + d2 ** 2 / (b.h - 1));
  const estimate = a.trimmedMean - b.trimmedMean;
  const statistic = (estimate - options.mu) / se;
  const { ciLow, ciHigh } = confidenceIntervalT(estimate, se, df, options.confLevel, options.alternative);
  return Object.freeze({
    statistic,
    df,
    pValue: pValueT(statistic, df, options.alternative),
    estimate,
    se,
    ciLow,
    ciHigh,
    confLevel: options.confLevel,
    alternative: options.alternative,
    mu: options.mu,
    trim,
    trimmedMean1: a.trimmedMean,
    trimmedMean2: b.trimmedMean,
    winsorizedSd1: Math.sqrt(a.winsorizedVariance),
    winsorizedSd2: Math.sqrt(b.winsorizedVariance),
    n1: a.n,
    n2: b.n,
    h1: a.h,
    h2: b.h,
  });
}
