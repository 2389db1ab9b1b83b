/**
 * One-way ANOVA (R: `anova(lm(y ~ g))` / `oneway.test(var.equal = TRUE)`) with eta-, omega-squared,
 * and Welch's heteroscedastic one-way ANOVA (R: `oneway.test(y ~ g)`, Welch 1951).
 */
import { upperF } from '../common/distributions.js';
import { mean, sumOfSquares, variance } from '../common/moments.js';
import { computeVarianceExplainedInterval } from '../common/noncentral-f.js';
import type { KGroupInput } from '../rank-tests/compute.js';

/** Per-group n, mean and SD. */
export interface GroupSummary {
  level: string;
  n: number;
  mean: number;
  sd: number;
}

/** What the classic one-way ANOVA returns. */
export interface AnovaResult {
  dfBetween: number;
  dfWithin: number;
  ssBetween: number;
  ssWithin: number;
  msBetween: number;
  msWithin: number;
  f: number;
  pValue: number;
  rSquared: number;
  etaSquared: number;
  /** (SS_between - df_between MS_within) / (SS_total + MS_within). */
  omegaSquared: number;
  /** Noncentral-F intervals of eta² and omega² (two-sided, at `confLevel`; noncentral-f.ts). */
  etaSquaredCiLow: number;
  etaSquaredCiHigh: number;
  omegaSquaredCiLow: number;
  omegaSquaredCiHigh: number;
  confLevel: number;
  residualSd: number;
  n: number;
  groups: GroupSummary[];
}

/** What Welch's ANOVA returns. */
export interface WelchAnovaResult {
  f: number;
  df1: number;
  df2: number;
  pValue: number;
  /** omega² from Welch's F and df, (F - 1) df1 / (F df1 + df2 + 1), as effectsize on `oneway.test`. */
  omegaSquared: number;
  omegaSquaredCiLow: number;
  omegaSquaredCiHigh: number;
  confLevel: number;
  n: number;
  groups: GroupSummary[];
}

/** n, mean and SD of each group. */
export function summarizeGroups(input: KGroupInput): GroupSummary[] {
  return input.samples.map((s, k) => ({
    level: input.levels[k],
    n: s.length,
    mean: mean(s),
    sd: s.length > 1 ? Math.sqrt(variance(s)) : NaN,
  }));
}

/** Classic one-way ANOVA with pooled within-group variance. */
export function computeOneWayAnova(input: KGroupInput, confLevel = 0.95): AnovaResult {
  const all = new Float64Array(input.samples.reduce((s, x) => s + x.length, 0));
  let offset = 0;
  for (const s of input.samples) {
    all.set(s, offset);
    offset += s.length;
  }
  const n = all.length;
  const k = input.samples.length;
  const grand = mean(all);
  let ssBetween = 0;
  let ssWithin = 0;
  // Centre on the grand mean before taking group means: with a large constant offset (NIST SmLs07-09)
  // mean(s) - grand cancels catastrophically, while mean(s - grand) keeps the digits.
  for (const s of input.samples) {
    const centred = s.map((v) => v - grand);
    const m = mean(centred);
    ssBetween += s.length * m * m;
    ssWithin += sumOfSquares(centred, m);
  }
  return computeOneWayAnovaFromSums(ssBetween, ssWithin, k, n, confLevel, summarizeGroups(input));
}

/**
 * The one-way ANOVA from its sums of squares (from the values above, or from the aggregate plan's
 * exact group sums): F, p, eta- and omega-squared with their intervals.
 */
export function computeOneWayAnovaFromSums(ssBetween: number, ssWithin: number, k: number, n: number, confLevel: number, groups: GroupSummary[]): AnovaResult {
  const dfBetween = k - 1;
  const dfWithin = n - k;
  const msBetween = ssBetween / dfBetween;
  const msWithin = ssWithin / dfWithin;
  const f = msBetween / msWithin;
  const ssTotal = ssBetween + ssWithin;
  const etaSquared = ssBetween / ssTotal;
  const omegaSquared = (ssBetween - dfBetween * msWithin) / (ssTotal + msWithin);
  const etaCi = computeVarianceExplainedInterval(etaSquared, dfBetween, dfWithin, confLevel);
  const omegaCi = computeVarianceExplainedInterval(omegaSquared, dfBetween, dfWithin, confLevel);
  return Object.freeze({
    dfBetween,
    dfWithin,
    ssBetween,
    ssWithin,
    msBetween,
    msWithin,
    f,
    pValue: upperF(f, dfBetween, dfWithin),
    rSquared: etaSquared,
    etaSquared,
    omegaSquared,
    etaSquaredCiLow: etaCi.low,
    etaSquaredCiHigh: etaCi.high,
    omegaSquaredCiLow: omegaCi.low,
    omegaSquaredCiHigh: omegaCi.high,
    confLevel,
    residualSd: Math.sqrt(msWithin),
    n,
    groups,
  });
}

/** Welch's one-way ANOVA: weights n_i / s_i^2, F on (k - 1, 1 / (3 tmp)) df as R's `oneway.test`. */
export function computeWelchAnova(input: KGroupInput, confLevel = 0.95): WelchAnovaResult {
  const moments = input.samples.map((s) => ({ n: s.length, mean: mean(s), variance: variance(s) }));
  return computeWelchAnovaFromMoments(moments, confLevel, summarizeGroups(input));
}

/** Welch's ANOVA from each group's n, mean and variance. */
export function computeWelchAnovaFromMoments(moments: readonly { n: number; mean: number; variance: number }[], confLevel: number, groups: GroupSummary[]): WelchAnovaResult {
  const k = moments.length;
  const ns = moments.map((m) => m.n);
  const means = moments.map((m) => m.mean);
  const weights = moments.map((m) => m.n / m.variance);
  const sumW = weights.reduce((a, b) => a + b, 0);
  let tmp = 0;
  for (let i = 0; i < k; i++) tmp += (1 - weights[i] / sumW) ** 2 / (ns[i] - 1);
  tmp /= k * k - 1;
  let weightedMean = 0;
  for (let i = 0; i < k; i++) weightedMean += weights[i] * means[i];
  weightedMean /= sumW;
  let between = 0;
  for (let i = 0; i < k; i++) between += weights[i] * (means[i] - weightedMean) ** 2;
  const f = between / ((k - 1) * (1 + 2 * (k - 2) * tmp));
  const df2 = 1 / (3 * tmp);
  const df1 = k - 1;
  const omegaSquared = ((f - 1) * df1) / (f * df1 + df2 + 1);
  const omegaCi = computeVarianceExplainedInterval(omegaSquared, df1, df2, confLevel);
  return Object.freeze({
    f,
    df1,
    df2,
    pValue: upperF(f, df1, df2),
    omegaSquared,
    omegaSquaredCiLow: omegaCi.low,
    omegaSquaredCiHigh: omegaCi.high,
    confLevel,
    n: ns.reduce((a, b) => a + b, 0),
    groups,
  });
}
