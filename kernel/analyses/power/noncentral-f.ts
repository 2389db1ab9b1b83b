/**
 * The upper tail of the noncentral F distribution, as R's `pf(q, df1, df2, ncp, lower.tail = FALSE)`:
 * the noncentral beta by Lenth's algorithm AS 226 (1987) with Frick's AS R84 starting point (the
 * Poisson weights summed outward from the mode), stopped at R's error bound of 1e-9.
 */
import betainc from '@stdlib/math/base/special/betainc';
import gammaln from '@stdlib/math/base/special/gammaln';

const ERROR_MAX = 1e-9;
const ITERATION_MAX = 10000;

/** P(B <= x) for a noncentral Beta(a, b, ncp), with 1 - x given separately for accuracy. */
function noncentralBetaLower(x: number, oneMinusX: number, a: number, b: number, ncp: number): number {
  const c = ncp / 2;
  const x0 = Math.floor(Math.max(c - 7 * Math.sqrt(c), 0));
  const a0 = a + x0;
  const lbeta = gammaln(a0) + gammaln(b) - gammaln(a0 + b);
  let temp = betainc(x, a0, b);
  let gx = Math.exp(a0 * Math.log(x) + b * (x < 0.5 ? Math.log1p(-x) : Math.log(oneMinusX)) - lbeta - Math.log(a0));
  let q = a0 > a ? Math.exp(-c + x0 * Math.log(c) - gammaln(x0 + 1)) : Math.exp(-c);
  let sumq = 1 - q;
  let ans = q * temp;
  let errbd: number;
  let j = Math.floor(x0);
  do {
    j++;
    temp -= gx;
    gx *= (x * (a + b + j - 1)) / (a + j);
    q *= c / j;
    sumq -= q;
    ans += temp * q;
    errbd = (temp - gx) * sumq;
  } while (errbd > ERROR_MAX && j < ITERATION_MAX + x0);
  return ans;
}

/** P(F > f) for a noncentral F(df1, df2, ncp). */
export function upperNoncentralF(f: number, df1: number, df2: number, ncp: number): number {
  if (f <= 0) return 1;
  const y = (df1 / df2) * f;
  const lower = noncentralBetaLower(y / (1 + y), 1 / (1 + y), df1 / 2, df2 / 2, ncp);
  return 1 - Math.min(lower, 1);
}
