/**
 * Standardized mean differences with confidence intervals: Cohen's d from a t statistic, its interval
 * by inverting the noncentral t in the noncentrality parameter (Steiger & Fouladi 1997; as the R
 * package effectsize does), and Hedges' g with the exact small-sample correction
 * J = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)).
 */
import gammaln from '@stdlib/math/base/special/gammaln';
import type { Alternative } from '../../types.js';
import { computeUniroot } from '../common/zeroin.js';
import { computeNoncentralTCdf } from './noncentral-t.js';

/** Cohen's d, Hedges' g and their confidence intervals (one-sided intervals have an infinite bound). */
export interface StandardizedDifference {
  cohensD: number;
  cohensDCiLow: number;
  cohensDCiHigh: number;
  hedgesG: number;
  hedgesGCiLow: number;
  hedgesGCiHigh: number;
}

/** Hedges' exact bias correction J(df). */
export function computeHedgesCorrection(df: number): number {
  return Math.exp(gammaln(df / 2) - 0.5 * Math.log(df / 2) - gammaln((df - 1) / 2));
}

/** The noncentrality parameter at which P(T <= t | df, ncp) equals `probability`. */
export function computeNoncentrality(t: number, df: number, probability: number): number {
  const f = (ncp: number): number => computeNoncentralTCdf(t, df, ncp) - probability;
  // The CDF falls as ncp grows: widen a bracket around t until it holds the root.
  let step = 2;
  let lower = t - step;
  let upper = t + step;
  let fLower = f(lower);
  let fUpper = f(upper);
  for (let i = 0; i < 60 && fLower < 0; i++) {
    step *= 2;
    lower = t - step;
    fLower = f(lower);
  }
  for (let i = 0; i < 60 && fUpper > 0; i++) {
    step *= 2;
    upper = t + step;
    fUpper = f(upper);
  }
  if (!(fLower >= 0 && fUpper <= 0)) return NaN;
  return computeUniroot(f, lower, upper, 0, fLower, fUpper).root;
}

/**
 * d = t * scale (scale = sqrt(1/n1 + 1/n2) for two samples, 1/sqrt(n) for one sample or differences)
 * with its interval from the noncentral t with `df` degrees of freedom.
 */
export function computeStandardizedDifference(
  d: number,
  t: number,
  df: number,
  scale: number,
  confLevel: number,
  alternative: Alternative,
): StandardizedDifference {
  const alpha = 1 - confLevel;
  let low = -Infinity;
  let high = Infinity;
  if (alternative === 'two-sided') {
    low = computeNoncentrality(t, df, 1 - alpha / 2) * scale;
    high = computeNoncentrality(t, df, alpha / 2) * scale;
  } else if (alternative === 'greater') {
    low = computeNoncentrality(t, df, confLevel) * scale;
  } else {
    high = computeNoncentrality(t, df, alpha) * scale;
  }
  const j = computeHedgesCorrection(df);
  return {
    cohensD: d,
    cohensDCiLow: low,
    cohensDCiHigh: high,
    hedgesG: d * j,
    hedgesGCiLow: low * j,
    hedgesGCiHigh: high * j,
  };
}
