/**
 * Pairwise comparisons after a one-way design: Tukey's HSD with the Tukey-Kramer standard error for
 * unequal n (R: `TukeyHSD(aov(y ~ g))`), and Games-Howell with Welch standard errors and degrees of
 * freedom per pair (as rstatix and PMCMRplus compute it). Pairs come in R's order (B-A, C-A, C-B, ...)
 * and `diff` is the second group's mean minus the first's.
 */
import type { KGroupInput } from '../rank-tests/compute.js';
import { mean, sumOfSquares, variance } from '../common/moments.js';
import { computePtukeyUpper, computeQtukey } from './studentized-range.js';

/** One pairwise comparison; `diff` = mean(group2) - mean(group1). */
export interface Comparison {
  group1: string;
  group2: string;
  diff: number;
  se: number;
  /** The studentized range statistic |diff| / se (q). */
  statistic: number;
  df: number;
  ciLow: number;
  ciHigh: number;
  pAdj: number;
}

/** Tukey HSD: comparisons, the pooled error term and the critical value of the studentized range. */
export interface TukeyResult {
  comparisons: Comparison[];
  confLevel: number;
  dfWithin: number;
  msWithin: number;
  qCritical: number;
}

/** Games-Howell: comparisons, each with its own Welch df and critical value. */
export interface GamesHowellResult {
  comparisons: Comparison[];
  confLevel: number;
}

/** Index pairs (first, second) in R's lower-triangle order: (0,1), (0,2), ..., (1,2), ... */
export function listPairs(k: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let j = 0; j < k; j++) for (let i = j + 1; i < k; i++) pairs.push([j, i]);
  return pairs;
}

/** Tukey's honestly significant differences (Tukey-Kramer for unequal n). */
export function computeTukeyHsd(input: KGroupInput, confLevel: number): TukeyResult {
  const k = input.samples.length;
  const ns = input.samples.map((s) => s.length);
  const means = input.samples.map((s) => mean(s));
  let ssWithin = 0;
  input.samples.forEach((s, i) => {
    ssWithin += sumOfSquares(s, means[i]);
  });
  const dfWithin = ns.reduce((a, b) => a + b, 0) - k;
  const msWithin = ssWithin / dfWithin;
  const qCritical = computeQtukey(confLevel, k, dfWithin);
  const comparisons = listPairs(k).map(([j, i]) => {
    const diff = means[i] - means[j];
    const se = Math.sqrt((msWithin / 2) * (1 / ns[i] + 1 / ns[j]));
    const width = qCritical * se;
    const statistic = Math.abs(diff / se);
    return {
      group1: input.levels[j],
      group2: input.levels[i],
      diff,
      se,
      statistic,
      df: dfWithin,
      ciLow: diff - width,
      ciHigh: diff + width,
      pAdj: computePtukeyUpper(statistic, k, dfWithin),
    };
  });
  return Object.freeze({ comparisons, confLevel, dfWithin, msWithin, qCritical });
}

/** Games-Howell comparisons: Welch SE and df per pair, p and interval from the studentized range. */
export function computeGamesHowell(input: KGroupInput, confLevel: number): GamesHowellResult {
  const k = input.samples.length;
  const ns = input.samples.map((s) => s.length);
  const means = input.samples.map((s) => mean(s));
  const vars = input.samples.map((s) => variance(s));
  const comparisons = listPairs(k).map(([j, i]) => {
    const diff = means[i] - means[j];
    const ui = vars[i] / ns[i];
    const uj = vars[j] / ns[j];
    const df = (ui + uj) ** 2 / (ui ** 2 / (ns[i] - 1) + uj ** 2 / (ns[j] - 1));
    const se = Math.sqrt((ui + uj) / 2);
    const statistic = Math.abs(diff) / se;
    const width = computeQtukey(confLevel, k, df) * se;
    return {
      group1: input.levels[j],
      group2: input.levels[i],
      diff,
      se,
      statistic,
      df,
      ciLow: diff - width,
      ciHigh: diff + width,
      pAdj: computePtukeyUpper(statistic, k, df),
    };
  });
  return Object.freeze({ comparisons, confLevel });
}
