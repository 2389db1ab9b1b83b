/**
 * Effect sizes of a 2 x 2 table beside the test (APA 7): the sample odds ratio n11 n22 / (n12 n21)
 * (odds of the first column level in the first row level against the second) with Woolf's log-OR
 * interval exp(log OR -/+ z sqrt(1/n11 + 1/n12 + 1/n21 + 1/n22)), and the risk difference
 * p1 - p2 = n11 / (n11 + n12) - n21 / (n21 + n22) with Newcombe's (1998, method 10) hybrid score
 * interval, built from the Wilson score intervals of p1 and p2 (R: `prop.test(x, n, correct = FALSE)`).
 * Always two-sided at the confidence level.
 */
import { quantileNormal } from '../common/distributions.js';

/** Odds ratio and risk difference with their intervals; null where a zero cell leaves the odds ratio undefined. */
export interface TwoByTwoEffects {
  oddsRatio: number | null;
  oddsRatioCiLow: number | null;
  oddsRatioCiHigh: number | null;
  riskDifference: number;
  riskDifferenceCiLow: number;
  riskDifferenceCiHigh: number;
}

/** The Wilson score interval of x successes in n trials. */
export function computeWilsonInterval(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The effects of a 2 x 2 table of counts, or undefined for any other shape. */
export function computeTwoByTwoEffects(counts: readonly (readonly number[])[], confLevel: number): TwoByTwoEffects | undefined {
  if (counts.length !== 2 || counts[0].length !== 2 || counts[1].length !== 2) return undefined;
  const [[n11, n12], [n21, n22]] = counts;
  const z = quantileNormal(1 - (1 - confLevel) / 2);
  const hasZero = n11 === 0 || n12 === 0 || n21 === 0 || n22 === 0;
  const or = (n11 * n22) / (n12 * n21);
  const se = Math.sqrt(1 / n11 + 1 / n12 + 1 / n21 + 1 / n22);
  const m1 = n11 + n12;
  const m2 = n21 + n22;
  const p1 = n11 / m1;
  const p2 = n21 / m2;
  const [l1, u1] = computeWilsonInterval(n11, m1, z);
  const [l2, u2] = computeWilsonInterval(n21, m2, z);
  const rd = p1 - p2;
  return {
    oddsRatio: hasZero ? null : or,
    oddsRatioCiLow: hasZero ? null : Math.exp(Math.log(or) - z * se),
    oddsRatioCiHigh: hasZero ? null : Math.exp(Math.log(or) + z * se),
    riskDifference: rd,
    riskDifferenceCiLow: rd - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    riskDifferenceCiHigh: rd + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
  };
}
