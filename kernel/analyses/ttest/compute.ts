/**
 * The four t-tests, with R's arithmetic (`t.test`): the statistic, degrees of freedom, p-value and
 * confidence interval as R builds them (`mu + (t -/+ q) * se`), plus Cohen's d and Hedges' g with
 * noncentral-t intervals.
 */
import type { Alternative, AnalysisOptions } from '../../types.js';
import { pValueT, quantileT } from '../common/distributions.js';
import { mean, variance } from '../common/moments.js';
import { computeStandardizedDifference, type StandardizedDifference } from './effect-size.js';

/** One numeric sample tested against `mu`. */
export interface OneSampleInput {
  design: 'one-sample';
  column: string;
  x: Float64Array;
}

/** A numeric outcome in two groups: `x` is the first level, `y` the second. */
export interface TwoSampleInput {
  design: 'two-sample';
  outcome: string;
  group: string;
  levels: [string, string];
  x: Float64Array;
  y: Float64Array;
}

/** Paired observations: `x[i]` and `y[i]` belong to one pair; differences are x - y. */
export interface PairedInput {
  design: 'paired';
  /** Names of the two measurements: the two levels (long format) or the two columns (wide). */
  labels: [string, string];
  /** Long format: the outcome and group columns; wide format: before and after. */
  format: 'long' | 'wide';
  /** Long format only: the measured outcome and the column whose two levels are the measurements. */
  outcome?: string;
  group?: string;
  x: Float64Array;
  y: Float64Array;
  differences: Float64Array;
}

/** What a t-test returns (flat; snake_case in JSON). */
export interface TTestResult extends StandardizedDifference {
  statistic: number;
  df: number;
  pValue: number;
  /** Mean difference, or the mean for one sample. */
  estimate: number;
  ciLow: number;
  ciHigh: number;
  confLevel: number;
  alternative: Alternative;
  mu: number;
  /** Standard error of the estimate. */
  se: number;
  mean1: number;
  sd1: number;
  n1: number;
  mean2?: number;
  sd2?: number;
  n2?: number;
  meanDiff?: number;
  sdDiff?: number;
  /**
   * d_av beside d (no interval): two samples, (mean1 - mean2 - mu) / sqrt((SD1² + SD2²) / 2), the
   * average-variance standardiser that fits Welch's model; paired, (mean difference - mu) /
   * ((SD1 + SD2) / 2) (Lakens 2013), comparable with a between-subjects d.
   */
  cohensDAv?: number;
}

/** t, p and the interval of the estimate as R's `t.test` computes them. */
function buildTTest(estimate: number, se: number, df: number, mu: number, options: AnalysisOptions) {
  const { alternative, confLevel } = options;
  const statistic = (estimate - mu) / se;
  let lowT = -Infinity;
  let highT = Infinity;
  if (alternative === 'two-sided') {
    const q = quantileT(1 - (1 - confLevel) / 2, df);
    lowT = statistic - q;
    highT = statistic + q;
  } else if (alternative === 'greater') {
    lowT = statistic - quantileT(confLevel, df);
  } else {
    highT = statistic + quantileT(confLevel, df);
  }
  return {
    statistic,
    df,
    pValue: pValueT(statistic, df, alternative),
    estimate,
    ciLow: mu + lowT * se,
    ciHigh: mu + highT * se,
    confLevel,
    alternative,
    mu,
    se,
  };
}

/** A sample as the t-tests use it: n, mean and variance (from the values, or from the aggregate plan). */
export interface SampleMoments {
  n: number;
  mean: number;
  variance: number;
}

/** n, mean and variance of values. */
export function momentsOf(x: Float64Array): SampleMoments {
  return { n: x.length, mean: mean(x), variance: variance(x) };
}

/** One-sample t-test of mean = mu (R: `t.test(x, mu = mu)`); d = (mean - mu) / sd. */
export function computeOneSampleTTest(input: OneSampleInput, options: AnalysisOptions): TTestResult {
  return computeOneSampleFromMoments(momentsOf(input.x), options);
}

/** The one-sample t-test from the sample's n, mean and variance. */
export function computeOneSampleFromMoments(s: SampleMoments, options: AnalysisOptions): TTestResult {
  const { n, mean: m, variance: v } = s;
  const base = buildTTest(m, Math.sqrt(v / n), n - 1, options.mu, options);
  const sd = Math.sqrt(v);
  const effect = computeStandardizedDifference(
    (m - options.mu) / sd,
    base.statistic,
    n - 1,
    1 / Math.sqrt(n),
    options.confLevel,
    options.alternative,
  );
  return Object.freeze({ ...base, mean1: m, sd1: sd, n1: n, ...effect });
}

/** Group summaries and Cohen's d with the pooled SD (for both Student and Welch). */
function describeTwoSamples(a: SampleMoments, b: SampleMoments, options: AnalysisOptions) {
  const { n: nx, mean: mx, variance: vx } = a;
  const { n: ny, mean: my, variance: vy } = b;
  const dfPooled = nx + ny - 2;
  const pooledVariance = ((nx - 1) * vx + (ny - 1) * vy) / dfPooled;
  const scale = Math.sqrt(1 / nx + 1 / ny);
  const tPooled = (mx - my - options.mu) / Math.sqrt(pooledVariance * (1 / nx + 1 / ny));
  const effect = computeStandardizedDifference(
    (mx - my - options.mu) / Math.sqrt(pooledVariance),
    tPooled,
    dfPooled,
    scale,
    options.confLevel,
    options.alternative,
  );
  return { nx, ny, mx, my, vx, vy, dfPooled, pooledVariance, effect };
}

/** What `describeTwoSamples` returns. */
type TwoSampleSummary = ReturnType<typeof describeTwoSamples>;

/** The two-sample result for a standard error and df: the test, both groups' descriptives, the effect sizes. */
function buildTwoSampleTTest(s: TwoSampleSummary, se: number, df: number, options: AnalysisOptions): TTestResult {
  const base = buildTTest(s.mx - s.my, se, df, options.mu, options);
  return Object.freeze({
    ...base,
    mean1: s.mx,
    mean2: s.my,
    sd1: Math.sqrt(s.vx),
    sd2: Math.sqrt(s.vy),
    n1: s.nx,
    n2: s.ny,
    ...s.effect,
    cohensDAv: (s.mx - s.my - options.mu) / Math.sqrt((s.vx + s.vy) / 2),
  });
}

/** Student's two-sample t-test with pooled variance (R: `t.test(x, y, var.equal = TRUE)`). */
export function computeStudentTTest(input: TwoSampleInput, options: AnalysisOptions): TTestResult {
  return computeStudentFromMoments(momentsOf(input.x), momentsOf(input.y), options);
}

/** Student's t-test from the two groups' n, mean and variance. */
export function computeStudentFromMoments(a: SampleMoments, b: SampleMoments, options: AnalysisOptions): TTestResult {
  const s = describeTwoSamples(a, b, options);
  const se = Math.sqrt(s.pooledVariance * (1 / s.nx + 1 / s.ny));
  return buildTwoSampleTTest(s, se, s.dfPooled, options);
}

/** Welch's two-sample t-test with Welch-Satterthwaite df (R: `t.test(x, y)`). */
export function computeWelchTTest(input: TwoSampleInput, options: AnalysisOptions): TTestResult {
  return computeWelchFromMoments(momentsOf(input.x), momentsOf(input.y), options);
}

/** Welch's t-test from the two groups' n, mean and variance. */
export function computeWelchFromMoments(a: SampleMoments, b: SampleMoments, options: AnalysisOptions): TTestResult {
  const s = describeTwoSamples(a, b, options);
  const sex = Math.sqrt(s.vx / s.nx);
  const sey = Math.sqrt(s.vy / s.ny);
  const se = Math.sqrt(sex ** 2 + sey ** 2);
  const df = se ** 4 / (sex ** 4 / (s.nx - 1) + sey ** 4 / (s.ny - 1));
  return buildTwoSampleTTest(s, se, df, options);
}

/** Paired t-test on x - y (R: `t.test(x, y, paired = TRUE)`); d is d_z = (mean diff - mu) / sd diff. */
export function computePairedTTest(input: PairedInput, options: AnalysisOptions): TTestResult {
  const d = input.differences;
  const n = d.length;
  const md = mean(d);
  const vd = variance(d);
  const base = buildTTest(md, Math.sqrt(vd / n), n - 1, options.mu, options);
  const effect = computeStandardizedDifference(
    (md - options.mu) / Math.sqrt(vd),
    base.statistic,
    n - 1,
    1 / Math.sqrt(n),
    options.confLevel,
    options.alternative,
  );
  const sd1 = Math.sqrt(variance(input.x));
  const sd2 = Math.sqrt(variance(input.y));
  return Object.freeze({
    ...base,
    mean1: mean(input.x),
    mean2: mean(input.y),
    sd1,
    sd2,
    n1: n,
    n2: n,
    meanDiff: md,
    sdDiff: Math.sqrt(vd),
    ...effect,
    cohensDAv: (md - options.mu) / ((sd1 + sd2) / 2),
  });
}
