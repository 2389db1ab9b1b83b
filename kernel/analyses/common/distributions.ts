/**
 * Distribution functions with accurate tails. `@stdlib/stats` gives CDFs and quantiles; an upper tail
 * computed as `1 - cdf` loses every digit once p falls below about 1e-16, so tail probabilities here
 * go through the regularized incomplete beta and gamma functions directly, as R's `pt`, `pf` and
 * `pchisq` do (R: nmath/pt.c, pf.c).
 */
import betainc from '@stdlib/math/base/special/betainc';
import erfc from '@stdlib/math/base/special/erfc';
import gammainc from '@stdlib/math/base/special/gammainc';
import chisqQuantile from '@stdlib/stats/base/dists/chisquare/quantile';
import fQuantile from '@stdlib/stats/base/dists/f/quantile';
import normalQuantile from '@stdlib/stats/base/dists/normal/quantile';
import tQuantile from '@stdlib/stats/base/dists/t/quantile';
import type { Alternative } from '../../types.js';

/** P(Z > z) for a standard normal Z. */
export function upperNormal(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** P(Z <= z) for a standard normal Z. */
export function lowerNormal(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** P(T > t) for Student's t with `df` degrees of freedom (R: `pt(t, df, lower.tail = FALSE)`). */
export function upperT(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df)) return NaN;
  if (!Number.isFinite(t)) return t > 0 ? 0 : 1;
  if (df > 4e5) {
    // R's pt: normal approximation with a correction for very large df.
    const v = 1 / (4 * df);
    return upperNormal((t * (1 - v)) / Math.sqrt(1 + t * t * 2 * v));
  }
  const x2 = t * t;
  // Half of the two-sided tail; choose the argument that keeps precision (R: pt.c).
  const half =
    x2 > df
      ? 0.5 * betainc(df / (df + x2), df / 2, 0.5)
      : 0.5 * betainc(x2 / (df + x2), 0.5, df / 2, true, true);
  return t > 0 ? half : 1 - half;
}

/** P(T <= t) for Student's t. */
export function lowerT(t: number, df: number): number {
  return upperT(-t, df);
}

/** P(|T| >= |t|) for Student's t. */
export function twoSidedT(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df)) return NaN;
  if (!Number.isFinite(t)) return 0;
  const x2 = t * t;
  if (df > 4e5) return Math.min(1, 2 * upperT(Math.abs(t), df));
  return x2 > df ? betainc(df / (df + x2), df / 2, 0.5) : betainc(x2 / (df + x2), 0.5, df / 2, true, true);
}

/** The p-value of a t statistic under the given alternative (`less` means the estimate is below the null). */
export function pValueT(t: number, df: number, alternative: Alternative): number {
  if (alternative === 'two-sided') return twoSidedT(t, df);
  return alternative === 'greater' ? upperT(t, df) : lowerT(t, df);
}

/** The p-value of a z statistic under the given alternative. */
export function pValueNormal(z: number, alternative: Alternative): number {
  if (alternative === 'two-sided') return Math.min(1, 2 * upperNormal(Math.abs(z)));
  return alternative === 'greater' ? upperNormal(z) : lowerNormal(z);
}

/** P(F > f) for the F distribution (R: `pf(f, df1, df2, lower.tail = FALSE)`). */
export function upperF(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f)) return NaN;
  if (f <= 0) return 1;
  if (!Number.isFinite(f)) return 0;
  if (df1 * f > df2) return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
  return betainc((df1 * f) / (df2 + df1 * f), df1 / 2, df2 / 2, true, true);
}

/** P(X > x) for chi-square with `df` degrees of freedom (R: `pchisq(x, df, lower.tail = FALSE)`). */
export function upperChisq(x: number, df: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  return gammainc(x / 2, df / 2, true, true);
}

/** Quantile of Student's t (R: `qt(p, df)`). */
export function quantileT(p: number, df: number): number {
  return tQuantile(p, df);
}

/** Quantile of the standard normal (R: `qnorm(p)`). */
export function quantileNormal(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Quantile of chi-square (R: `qchisq(p, df)`). */
export function quantileChisq(p: number, df: number): number {
  return chisqQuantile(p, df);
}

/** Quantile of F (R: `qf(p, df1, df2)`). */
export function quantileF(p: number, df1: number, df2: number): number {
  return fQuantile(p, df1, df2);
}

/**
 * A confidence interval for an estimate with a t-distributed pivot (R: `t.test`'s `conf.int`):
 * two-sided, or one-sided with an infinite bound.
 */
export function confidenceIntervalT(
  estimate: number,
  se: number,
  df: number,
  confLevel: number,
  alternative: Alternative,
): { ciLow: number; ciHigh: number } {
  if (alternative === 'less') return { ciLow: -Infinity, ciHigh: estimate + quantileT(confLevel, df) * se };
  if (alternative === 'greater') return { ciLow: estimate - quantileT(confLevel, df) * se, ciHigh: Infinity };
  const q = quantileT(1 - (1 - confLevel) / 2, df);
  return { ciLow: estimate - q * se, ciHigh: estimate + q * se };
}
