/**
 * The noncentral t distribution function, following R's `pt(q, df, ncp)` (nmath/pnt.c): Lenth's
 * algorithm AS 243 (1989), the twin series of Guenther (1978), stopped at an error bound of 1e-12,
 * and the Abramowitz & Stegun 26.7.10 normal approximation for huge df or |ncp| > 37.62.
 */
import betainc from '@stdlib/math/base/special/betainc';
import gammaln from '@stdlib/math/base/special/gammaln';
import { lowerNormal, lowerT, upperNormal } from '../common/distributions.js';

const ITERATION_LIMIT = 1000;
const ERROR_BOUND = 1e-12;
const LN_SQRT_PI = 0.5 * Math.log(Math.PI);
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
// 2 * ln(2) * 1021: beyond this del^2, exp(-del^2 / 2) underflows (R: DBL_MIN_EXP).
const DEL2_LIMIT = 2 * Math.LN2 * 1021;

/** P(T <= t) for a noncentral t with `df` degrees of freedom and noncentrality `ncp`. */
export function computeNoncentralTCdf(t: number, df: number, ncp: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || Number.isNaN(ncp) || df <= 0) return NaN;
  if (ncp === 0) return lowerT(t, df);
  if (!Number.isFinite(t)) return t < 0 ? 0 : 1;
  let negdel = false;
  let tt = t;
  let del = ncp;
  if (t < 0) {
    // P(T <= t) <= P(T <= 0) = Phi(-ncp), negligible for ncp > 40.
    if (ncp > 40) return 0;
    negdel = true;
    tt = -t;
    del = -ncp;
  }
  if (df > 4e5 || del * del > DEL2_LIMIT) {
    const s = 1 / (4 * df);
    const z = (tt * (1 - s) - del) / Math.sqrt(1 + tt * tt * 2 * s);
    return negdel ? upperNormal(z) : lowerNormal(z);
  }
  let x = t * t;
  let rxb = df / (x + df); // 1 - x below, computed accurately
  x = x / (x + df);
  let tnc = 0;
  if (x > 0) {
    const lambda = del * del;
    let p = 0.5 * Math.exp(-0.5 * lambda);
    if (p === 0) return negdel ? 1 : 0;
    let q = SQRT_2_OVER_PI * p * del;
    let s = 0.5 - p;
    if (s < 1e-7) s = -0.5 * Math.expm1(-0.5 * lambda);
    let a = 0.5;
    const b = 0.5 * df;
    rxb = Math.pow(rxb, b);
    const albeta = LN_SQRT_PI + gammaln(b) - gammaln(0.5 + b);
    let xodd = betainc(x, a, b, true, false);
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - albeta);
    tnc = b * x;
    let xeven = tnc < Number.EPSILON ? tnc : 1 - rxb;
    let geven = tnc * rxb;
    tnc = p * xodd + q * xeven;
    for (let it = 1; it <= ITERATION_LIMIT; it++) {
      a += 1;
      xodd -= godd;
      xeven -= geven;
      godd *= (x * (a + b - 1)) / a;
      geven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * it);
      q *= lambda / (2 * it + 1);
      tnc += p * xodd + q * xeven;
      s -= p;
      if (s < -1e-10) break; // rounding error has taken over (R warns and stops here too)
      if (s <= 0 && it > 1) break;
      const errbd = 2 * s * (xodd - godd);
      if (Math.abs(errbd) < ERROR_BOUND) break;
    }
  }
  tnc += lowerNormal(-del);
  const value = Math.min(tnc, 1);
  return negdel ? 1 - value : value;
}
