/**
 * The exact binomial test with the Clopper-Pearson interval, as R `binom.test`. Tails go through the
 * regularized incomplete beta (R: pbinom via pbeta), the interval through the beta quantile, refined
 * by Newton's method on the incomplete beta so that it holds to rounding level.
 */
import betainc from '@stdlib/math/base/special/betainc';
import binomialPmf from '@stdlib/stats/base/dists/binomial/pmf';
import betaQuantile from '@stdlib/stats/base/dists/beta/quantile';
import betaPdf from '@stdlib/stats/base/dists/beta/pdf';
import type { Alternative } from '../../types.js';

/** P(X <= k) for X ~ Binomial(n, p) (R: `pbinom(k, n, p)`). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return betainc(1 - p, n - k, k + 1);
}

/** P(X > k) for X ~ Binomial(n, p) (R: `pbinom(k, n, p, lower.tail = FALSE)`). */
export function binomialUpper(k: number, n: number, p: number): number {
  if (k < 0) return 1;
  if (k >= n) return 0;
  return betainc(p, k + 1, n - k);
}

/** The quantile of Beta(a, b) at q (R: `qbeta`), polished by Newton steps on the regularized incomplete beta. */
export function betaQuantileExact(q: number, a: number, b: number): number {
  let x = betaQuantile(q, a, b);
  for (let i = 0; i < 20; i++) {
    const density = betaPdf(x, a, b);
    if (!(density > 0) || !Number.isFinite(density)) break;
    const step = (betainc(x, a, b) - q) / density;
    const next = Math.min(1, Math.max(0, x - step));
    if (Math.abs(next - x) <= 1e-16 * Math.max(x, 1e-300)) {
      x = next;
      break;
    }
    x = next;
  }
  return x;
}

/** binomial_test's numbers. */
export interface BinomialNumbers {
  successes: number;
  n: number;
  estimate: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
}

/** R's `binom.test(x, n, p, alternative, conf.level)`. */
export function computeBinomial(x: number, n: number, p: number, alternative: Alternative, confLevel: number): BinomialNumbers {
  let pValue: number;
  if (alternative === 'less') pValue = binomialCdf(x, n, p);
  else if (alternative === 'greater') pValue = binomialUpper(x - 1, n, p);
  else {
    // Two-sided: the outcomes at most as likely as the observed one (R's relative tolerance 1e-7).
    const relErr = 1 + 1e-7;
    const d = binomialPmf(x, n, p);
    const m = n * p;
    if (x === m) pValue = 1;
    else if (x < m) {
      let y = 0;
      for (let i = Math.ceil(m); i <= n; i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
      pValue = binomialCdf(x, n, p) + binomialUpper(n - y, n, p);
    } else {
      let y = 0;
      for (let i = 0; i <= Math.floor(m); i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
      pValue = binomialCdf(y - 1, n, p) + binomialUpper(x - 1, n, p);
    }
    pValue = Math.min(1, pValue);
  }
  const lower = (alpha: number) => (x === 0 ? 0 : betaQuantileExact(alpha, x, n - x + 1));
  const upper = (alpha: number) => (x === n ? 1 : betaQuantileExact(1 - alpha, x + 1, n - x));
  let ciLow: number;
  let ciHigh: number;
  if (alternative === 'less') {
    ciLow = 0;
    ciHigh = upper(1 - confLevel);
  } else if (alternative === 'greater') {
    ciLow = lower(1 - confLevel);
    ciHigh = 1;
  } else {
    const alpha = (1 - confLevel) / 2;
    ciLow = lower(alpha);
    ciHigh = upper(alpha);
  }
  return Object.freeze({ successes: x, n, estimate: x / n, pValue, ciLow, ciHigh });
}
