/**
 * The rank tests as R computes them: `wilcox.test` (rank-sum and signed-rank, exact or normal
 * approximation with tie and continuity corrections, Hodges-Lehmann estimate and interval) and
 * `kruskal.test`, with rank-biserial correlation and epsilon-squared effect sizes.
 */
import type { Alternative, AnalysisOptions } from '../../types.js';
import { pValueNormal, upperChisq } from '../common/distributions.js';
import { computeFisherZInterval, computeRankSumBiserialSe, computeSignedRankBiserialSe } from '../common/fisher-z.js';
import { rankAverage } from '../common/ranks.js';
import type { TwoSampleInput } from '../ttest/compute.js';
import { computePsignrank, computePwilcox } from './distribution.js';
import {
  computeApproximatePseudoMedian,
  computeApproximateShift,
  computeExactPseudoMedian,
  computeExactShift,
  type LocationEstimate,
} from './hodges-lehmann.js';

/** A signed-rank input: one sample against mu, or paired differences (x - y) against mu. */
export interface SignedRankInput {
  design: 'one-sample' | 'paired';
  /** The column (one sample) or "before - after" / "A - B" (paired). */
  label: string;
  labels?: [string, string];
  format?: 'long' | 'wide';
  values: Float64Array;
}

/** Several groups of a numeric outcome. */
export interface KGroupInput {
  outcome: string;
  group: string;
  levels: string[];
  samples: Float64Array[];
}

/** What the rank-sum (Mann-Whitney) test returns. */
export interface MannWhitneyResult {
  /** W: the Mann-Whitney U of the first group, as R reports it. */
  statistic: number;
  pValue: number;
  method: 'exact' | 'normal-approx';
  correction: boolean;
  alternative: Alternative;
  mu: number;
  /** 2U / (n1 n2) - 1: positive when the first group tends to be larger. */
  rankBiserial: number;
  /** Fisher-z interval of r_rb at the requested level, as effectsize (NaN when |r_rb| = 1). */
  rankBiserialCiLow: number;
  rankBiserialCiHigh: number;
  /** Hodges-Lehmann shift (first minus second) and its interval. */
  estimate: number;
  ciLow: number;
  ciHigh: number;
  confLevel: number;
  n1: number;
  n2: number;
  median1: number;
  median2: number;
}

/** What the signed-rank test returns. */
export interface SignedRankResult {
  /** V: the sum of the ranks of the positive differences, as R reports it. */
  statistic: number;
  pValue: number;
  method: 'exact' | 'normal-approx';
  correction: boolean;
  alternative: Alternative;
  mu: number;
  /** (R+ - R-) / (R+ + R-) over the non-zero differences. */
  rankBiserial: number;
  /** Fisher-z interval of r_rb at the requested level, as effectsize (NaN when |r_rb| = 1). */
  rankBiserialCiLow: number;
  rankBiserialCiHigh: number;
  /** Hodges-Lehmann pseudo-median and its interval. */
  estimate: number;
  ciLow: number;
  ciHigh: number;
  confLevel: number;
  /** Observations used (non-zero differences from mu). */
  n: number;
  nZero: number;
}

/** What the Kruskal-Wallis test returns. */
export interface KruskalWallisResult {
  statistic: number;
  df: number;
  pValue: number;
  /** H / ((n^2 - 1) / (n + 1)). */
  epsilonSquared: number;
  n: number;
  groups: { level: string; n: number; meanRank: number; median: number }[];
}

/** Sum of t^3 - t over tie sizes. */
function tieSum(tieSizes: readonly number[]): number {
  let s = 0;
  for (const t of tieSizes) s += t * t * t - t;
  return s;
}

/** Whether the exact distribution is used (R: exact = NULL means n < 50, and never with ties or zeros). */
function useExact(option: AnalysisOptions['exact'], small: boolean): boolean {
  return option === 'auto' ? small : option;
}

/** The normal-approximation p-value with R's tie-corrected SD and continuity correction. */
function approximateP(z: number, sigma: number, alternative: Alternative, correct: boolean): number {
  let correction = 0;
  if (correct) correction = alternative === 'two-sided' ? Math.sign(z) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  const standardized = (z - correction) / sigma;
  return pValueNormal(standardized, alternative);
}

/** Median as R computes it. */
function medianOf(x: ArrayLike<number>): number {
  const s = Float64Array.from(x).sort();
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** The rank-sum statistic's parts: W (U of the first group), the sizes, and sum(t^3 - t) over ties. */
export interface RankSumParts {
  statistic: number;
  nx: number;
  ny: number;
  tieSum: number;
}

/** A location estimate for the exact or the approximate case (the Hodges-Lehmann functions, or not available). */
export type Locate = (exact: boolean) => Omit<LocationEstimate, 'warnings'>;

/** Wilcoxon rank-sum / Mann-Whitney test of first level vs second (R: `wilcox.test(x, y, conf.int = TRUE)`). */
export function computeMannWhitney(input: TwoSampleInput, options: AnalysisOptions): MannWhitneyResult {
  const { x, y } = input;
  const { mu, confLevel, alternative, correct } = options;
  const nx = x.length;
  const ny = y.length;
  const combined = new Float64Array(nx + ny);
  for (let i = 0; i < nx; i++) combined[i] = x[i] - mu;
  combined.set(y, nx);
  const { ranks, tieSizes } = rankAverage(combined);
  let rx = 0;
  for (let i = 0; i < nx; i++) rx += ranks[i];
  const parts = { statistic: rx - (nx * (nx + 1)) / 2, nx, ny, tieSum: tieSum(tieSizes) };
  const locate: Locate = (exact) => (exact ? computeExactShift(x, y, confLevel, alternative) : computeApproximateShift(x, y, confLevel, alternative, correct));
  return computeMannWhitneyFromRanks(parts, locate, [medianOf(x), medianOf(y)], options);
}

/**
 * The rank-sum test from its parts (ranks in memory, or in the database): R's rules for the p-value
 * (exact when R is: n < 50 in each group and no ties; else normal with tie and continuity corrections).
 */
export function computeMannWhitneyFromRanks(parts: RankSumParts, locate: Locate, medians: [number, number], options: AnalysisOptions): MannWhitneyResult {
  const { statistic, nx, ny } = parts;
  const { alternative, mu, confLevel, correct } = options;
  const ties = parts.tieSum > 0;
  const exact = useExact(options.exact, nx < 50 && ny < 50) && !ties;
  let pValue: number;
  if (exact) {
    if (alternative === 'two-sided') {
      const p = statistic > (nx * ny) / 2 ? computePwilcox(statistic - 1, nx, ny, false) : computePwilcox(statistic, nx, ny);
      pValue = Math.min(2 * p, 1);
    } else if (alternative === 'greater') {
      pValue = computePwilcox(statistic - 1, nx, ny, false);
    } else {
      pValue = computePwilcox(statistic, nx, ny);
    }
  } else {
    const sigma = Math.sqrt(((nx * ny) / 12) * (nx + ny + 1 - parts.tieSum / ((nx + ny) * (nx + ny - 1))));
    pValue = approximateP(statistic - (nx * ny) / 2, sigma, alternative, correct);
  }
  const location = locate(exact);
  const rankBiserial = (2 * statistic) / (nx * ny) - 1;
  const rbCi = computeFisherZInterval(rankBiserial, computeRankSumBiserialSe(nx, ny), confLevel, alternative);
  return Object.freeze({
    statistic,
    pValue,
    method: exact ? 'exact' : 'normal-approx',
    correction: !exact && correct,
    alternative,
    mu,
    rankBiserial,
    rankBiserialCiLow: rbCi.ciLow,
    rankBiserialCiHigh: rbCi.ciHigh,
    estimate: location.estimate,
    ciLow: location.ciLow,
    ciHigh: location.ciHigh,
    confLevel: location.ciConfLevel,
    n1: nx,
    n2: ny,
    median1: medians[0],
    median2: medians[1],
  } as const);
}

/** The signed-rank statistic's parts: V, the non-zero and zero differences, and sum(t^3 - t) over ties of |d|. */
export interface SignedRankParts {
  statistic: number;
  n: number;
  nZero: number;
  tieSum: number;
}

/** Wilcoxon signed-rank test of the values (or differences) against mu (R: `wilcox.test(x, mu = mu, conf.int = TRUE)`). */
export function computeSignedRank(input: SignedRankInput, options: AnalysisOptions): SignedRankResult {
  const { alternative, mu, confLevel, correct } = options;
  const shifted: number[] = [];
  let nZero = 0;
  for (const v of input.values) {
    const d = v - mu;
    if (d === 0) nZero++;
    else shifted.push(d);
  }
  const n = shifted.length;
  const { ranks, tieSizes } = rankAverage(shifted.map(Math.abs));
  let statistic = 0;
  for (let i = 0; i < n; i++) if (shifted[i] > 0) statistic += ranks[i];
  // R adds mu back before the interval: (x - mu) + mu, zeros already removed.
  const restored = Float64Array.from(shifted, (d) => d + mu);
  const locate: Locate = (exact) =>
    exact ? computeExactPseudoMedian(restored, confLevel, alternative) : computeApproximatePseudoMedian(restored, confLevel, alternative, correct);
  return computeSignedRankFromRanks({ statistic, n, nZero, tieSum: tieSum(tieSizes) }, locate, options);
}

/** The signed-rank test from its parts (ranks in memory, or in the database), with R's rules for the p-value. */
export function computeSignedRankFromRanks(parts: SignedRankParts, locate: Locate, options: AnalysisOptions): SignedRankResult {
  const { alternative, mu, confLevel, correct } = options;
  const { statistic, n, nZero } = parts;
  const ties = parts.tieSum > 0;
  const exact = useExact(options.exact, n < 50) && !ties && nZero === 0;
  let pValue: number;
  if (exact) {
    if (alternative === 'two-sided') {
      const p = statistic > (n * (n + 1)) / 4 ? computePsignrank(statistic - 1, n, false) : computePsignrank(statistic, n);
      pValue = Math.min(2 * p, 1);
    } else if (alternative === 'greater') {
      pValue = computePsignrank(statistic - 1, n, false);
    } else {
      pValue = computePsignrank(statistic, n);
    }
  } else {
    const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - parts.tieSum / 48);
    pValue = approximateP(statistic - (n * (n + 1)) / 4, sigma, alternative, correct);
  }
  const location = locate(exact);
  const total = (n * (n + 1)) / 2;
  const rankBiserial = (2 * statistic) / total - 1;
  const rbCi = computeFisherZInterval(rankBiserial, computeSignedRankBiserialSe(n), confLevel, alternative);
  return Object.freeze({
    statistic,
    pValue,
    method: exact ? 'exact' : 'normal-approx',
    correction: !exact && correct,
    alternative,
    mu,
    rankBiserial,
    rankBiserialCiLow: rbCi.ciLow,
    rankBiserialCiHigh: rbCi.ciHigh,
    estimate: location.estimate,
    ciLow: location.ciLow,
    ciHigh: location.ciHigh,
    confLevel: location.ciConfLevel,
    n,
    nZero,
  } as const);
}

/** One group's rank sum for Kruskal-Wallis. */
export interface GroupRankSum {
  level: string;
  n: number;
  rankSum: number;
  median: number;
}

/** Kruskal-Wallis rank-sum test with the tie correction (R: `kruskal.test`). */
export function computeKruskalWallis(input: KGroupInput): KruskalWallisResult {
  const all: number[] = [];
  for (const s of input.samples) for (const v of s) all.push(v);
  const { ranks, tieSizes } = rankAverage(all);
  let offset = 0;
  const groups = input.samples.map((s, k) => {
    let r = 0;
    for (let i = 0; i < s.length; i++) r += ranks[offset + i];
    offset += s.length;
    return { level: input.levels[k], n: s.length, rankSum: r, median: medianOf(s) };
  });
  return computeKruskalWallisFromRanks(groups, tieSum(tieSizes));
}

/** Kruskal-Wallis from each group's rank sum and sum(t^3 - t) over ties (ranks in memory, or in the database). */
export function computeKruskalWallisFromRanks(rankSums: readonly GroupRankSum[], ties: number): KruskalWallisResult {
  let n = 0;
  for (const g of rankSums) n += g.n;
  let sum = 0;
  const groups = rankSums.map((g) => {
    sum += (g.rankSum * g.rankSum) / g.n;
    return { level: g.level, n: g.n, meanRank: g.rankSum / g.n, median: g.median };
  });
  const statistic = ((12 * sum) / (n * (n + 1)) - 3 * (n + 1)) / (1 - ties / (n ** 3 - n));
  const df = rankSums.length - 1;
  return Object.freeze({
    statistic,
    df,
    pValue: upperChisq(statistic, df),
    epsilonSquared: statistic / ((n * n - 1) / (n + 1)),
    n,
    groups,
  });
}
