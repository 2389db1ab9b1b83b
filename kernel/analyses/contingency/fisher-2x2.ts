/**
 * Fisher's exact test on a 2 x 2 table with the conditional maximum-likelihood odds ratio and its
 * exact interval, step for step as R's `fisher.test` (noncentral hypergeometric, roots by `uniroot`).
 */
import type { Alternative } from '../../types.js';
import { hypergeometricCdf, logHypergeometricDensity } from './hypergeometric.js';
import { findRoot } from '../common/zeroin.js';

/** What Fisher's 2 x 2 test returns. */
export interface Fisher2x2Result {
  pValue: number;
  oddsRatio: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * Fisher's exact test of a 2 x 2 table `[[a, b], [c, d]]`; agrees with R
 * `fisher.test(matrix(c(a, c, b, d), 2), alternative, conf.level)` (null odds ratio 1).
 */
export function computeFisher2x2(table: readonly (readonly number[])[], alternative: Alternative, confLevel: number): Fisher2x2Result {
  const m = table[0][0] + table[1][0];
  const n = table[0][1] + table[1][1];
  const k = table[0][0] + table[0][1];
  const x = table[0][0];
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const support: number[] = [];
  for (let s = lo; s <= hi; s++) support.push(s);
  const logdc = support.map((s) => logHypergeometricDensity(s, m, n, k));

  const densities = (ncp: number): number[] => {
    const d = logdc.map((l, i) => l + Math.log(ncp) * support[i]);
    let max = -Infinity;
    for (const v of d) if (v > max) max = v;
    const e = d.map((v) => Math.exp(v - max));
    const total = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / total);
  };
  const meanAt = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Infinity) return hi;
    const d = densities(ncp);
    return support.reduce((s, v, i) => s + v * d[i], 0);
  };
  const tailAt = (q: number, ncp: number, upperTail: boolean): number => {
    if (ncp === 1) return upperTail ? hypergeometricCdf(x - 1, m, n, k, false) : hypergeometricCdf(x, m, n, k, true);
    if (ncp === 0) return Number(upperTail ? q <= lo : q >= lo);
    if (ncp === Infinity) return Number(upperTail ? q <= hi : q >= hi);
    const d = densities(ncp);
    let s = 0;
    for (let i = 0; i < support.length; i++) if (upperTail ? support[i] >= q : support[i] <= q) s += d[i];
    return s;
  };

  let pValue: number;
  if (alternative === 'less') pValue = tailAt(x, 1, false);
  else if (alternative === 'greater') pValue = tailAt(x, 1, true);
  else {
    const relErr = 1 + 1e-7;
    const d = densities(1);
    const observed = d[x - lo];
    pValue = d.reduce((s, v) => (v <= observed * relErr ? s + v : s), 0);
  }

  const estimateOddsRatio = (): number => {
    if (x === lo) return 0;
    if (x === hi) return Infinity;
    const mu = meanAt(1);
    if (mu > x) return findRoot((t) => meanAt(t) - x, 0, 1);
    if (mu < x) return 1 / findRoot((t) => meanAt(1 / t) - x, Number.EPSILON, 1);
    return 1;
  };
  const upperLimit = (alpha: number): number => {
    if (x === hi) return Infinity;
    const p = tailAt(x, 1, false);
    if (p < alpha) return findRoot((t) => tailAt(x, t, false) - alpha, 0, 1);
    if (p > alpha) return 1 / findRoot((t) => tailAt(x, 1 / t, false) - alpha, Number.EPSILON, 1);
    return 1;
  };
  const lowerLimit = (alpha: number): number => {
    if (x === lo) return 0;
    const p = tailAt(x, 1, true);
    if (p > alpha) return findRoot((t) => tailAt(x, t, true) - alpha, 0, 1);
    if (p < alpha) return 1 / findRoot((t) => tailAt(x, 1 / t, true) - alpha, Number.EPSILON, 1);
    return 1;
  };

  let ciLow: number;
  let ciHigh: number;
  if (alternative === 'less') {
    ciLow = 0;
    ciHigh = upperLimit(1 - confLevel);
  } else if (alternative === 'greater') {
    ciLow = lowerLimit(1 - confLevel);
    ciHigh = Infinity;
  } else {
    const alpha = (1 - confLevel) / 2;
    ciLow = lowerLimit(alpha);
    ciHigh = upperLimit(alpha);
  }
  return Object.freeze({ pValue, oddsRatio: estimateOddsRatio(), ciLow, ciHigh });
}
