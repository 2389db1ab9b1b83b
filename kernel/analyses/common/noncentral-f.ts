/**
 * The noncentral F distribution function and the noncentrality-based interval of a variance-explained
 * effect size (eta², omega², partial or not), as the R package effectsize computes it ("ncp" method,
 * after MBESS::ci.R2; Steiger 2004): the F implied by the estimate is inverted in the noncentrality
 * lambda of the F distribution, and each bound lambda becomes lambda / (lambda + df2).
 *
 * The CDF is the Poisson(lambda / 2) mixture of regularized incomplete beta functions, summed outward
 * from the Poisson mode (the beta terms by their recurrence) until the weights are below 1e-20 of the
 * sum, so it is exact to rounding
 * (R's `pf(ncp = )` stops at an error of 1e-9, nmath/pnbeta.c). Roots are solved to machine precision
 * (effectsize searches with `optim(abstol = 1e-9)`, so its bounds agree with these to about 1e-6).
 */
import betainc from '@stdlib/math/base/special/betainc';
import betaln from '@stdlib/math/base/special/betaln';
import gammaln from '@stdlib/math/base/special/gammaln';
import { upperF } from './distributions.js';
import { computeUniroot } from './zeroin.js';

/** P(F <= f) for F with df1, df2 degrees of freedom and noncentrality `ncp` (R: `pf(f, df1, df2, ncp)`). */
export function computeNoncentralFCdf(f: number, df1: number, df2: number, ncp: number): number {
  if ([f, df1, df2, ncp].some(Number.isNaN) || df1 <= 0 || df2 <= 0 || ncp < 0) return NaN;
  if (f <= 0) return 0;
  if (!Number.isFinite(f)) return 1;
  if (ncp === 0) return 1 - upperF(f, df1, df2);
  const x = (df1 * f) / (df1 * f + df2);
  const y = df2 / (df1 * f + df2);
  const a = df1 / 2;
  const b = df2 / 2;
  const c = ncp / 2;
  const mode = Math.floor(c);
  // Beta terms by recurrence from the mode (one incomplete beta evaluation per CDF):
  // I_x(a + j + 1, b) = I_x(a + j, b) - T_j, T_j = x^(a+j) y^b Gamma(a+j+b) / (Gamma(a+j+1) Gamma(b)),
  // T_(j+1) = T_j x (a + b + j) / (a + j + 1).
  const betaMode = betainc(x, a + mode, b, true, false);
  // T at the mode: as the difference of two incomplete betas when that is accurate (absolute error
  // ~1e-16), else from log Beta (relative error ~1e-11 with df2 near 1e6, where lgamma differences
  // would lose 1e-9). Its relative error carries to every term, so the CDF keeps it as absolute error.
  const difference = betaMode - betainc(x, a + mode + 1, b, true, false);
  const tMode = difference > 1e-5 ? difference : Math.exp((a + mode) * Math.log(x) + b * Math.log(y) - betaln(a + mode, b) - Math.log(a + mode));
  const w0 = Math.exp(-c + mode * Math.log(c) - gammaln(mode + 1));
  let sum = w0 * betaMode;
  let weights = w0;
  // Upward from the mode: w_(j+1) = w_j c / (j + 1).
  let w = w0;
  let beta = betaMode;
  let t = tMode;
  for (let j = mode + 1; j < mode + 1_000_000; j++) {
    beta -= t;
    t *= (x * (a + b + j - 1)) / (a + j);
    w *= c / j;
    sum += w * Math.max(0, beta);
    weights += w;
    if (w < 1e-20 * weights) break;
  }
  // Downward: w_(j-1) = w_j j / c, I_x(a + j - 1, b) = I_x(a + j, b) + T_(j-1).
  w = w0;
  beta = betaMode;
  t = mode > 0 ? (tMode * (a + mode)) / (x * (a + b + mode - 1)) : 0;
  for (let j = mode - 1; j >= 0; j--) {
    beta += t;
    if (j > 0) t *= (a + j) / (x * (a + b + j - 1));
    w *= (j + 1) / c;
    sum += w * Math.min(1, beta);
    weights += w;
    if (w < 1e-20 * weights) break;
  }
  return Math.min(1, Math.max(0, sum));
}

/** The noncentrality at which P(F <= f | df1, df2, ncp) = p; 0 when P(F <= f) is already at or below p at ncp = 0. */
export function computeNoncentralityF(f: number, df1: number, df2: number, p: number): number {
  const g = (ncp: number): number => computeNoncentralFCdf(f, df1, df2, ncp) - p;
  const g0 = g(0);
  if (!(g0 > 0)) return 0;
  let upper = Math.max(1, 2 * f * df1);
  let gUpper = g(upper);
  for (let i = 0; i < 200 && gUpper > 0; i++) {
    upper *= 2;
    gUpper = g(upper);
  }
  if (gUpper > 0) return NaN;
  return computeUniroot(g, 0, upper, 0, g0, gUpper).root;
}

/** A two-sided interval for a proportion of variance explained. */
export interface VarianceExplainedInterval {
  low: number;
  high: number;
}

/**
 * The two-sided `confLevel` interval of a variance-explained effect size `es` on (df1, df2) degrees
 * of freedom, as effectsize: F_es = max(0, (es / df1) / ((1 - es) / df2)), its noncentrality bounds at
 * 1 - alpha/2 and alpha/2, each converted to lambda / (lambda + df2).
 */
export function computeVarianceExplainedInterval(es: number, df1: number, df2: number, confLevel: number): VarianceExplainedInterval {
  if (!Number.isFinite(es) || !(df1 > 0) || !(df2 > 0)) return { low: NaN, high: NaN };
  const f = Math.max(0, es / df1 / ((1 - es) / df2));
  if (f === 0) return { low: 0, high: 0 };
  if (!Number.isFinite(f)) return { low: 1, high: 1 };
  const alpha = 1 - confLevel;
  const toEs = (ncp: number): number => ncp / (ncp + df2);
  return {
    low: toEs(computeNoncentralityF(f, df1, df2, 1 - alpha / 2)),
    high: toEs(computeNoncentralityF(f, df1, df2, alpha / 2)),
  };
}
