/**
 * log Gamma(x) as R's `lgammafn` computes it for x >= 10 (Stirling's formula plus W. Fullerton's
 * Chebyshev correction `lgammacor`, nmath/lgamma.c). `ptukey` subtracts it from terms near 300 in
 * size, so the last bit matters: @stdlib's `gammaln` differs from R's by up to 3e-14 there, which
 * moves R's upper-tail p-values (1 - lower) by as much. Below 10, @stdlib's value is used.
 */
import gammaln from '@stdlib/math/base/special/gammaln';

const LN_SQRT_2PI = 0.918938533204672741780329736406;
// First 5 of the 15 coefficients R keeps (nalgm = 5).
const ALGMCS = [
  0.1666389480451863247205729650822, -0.1384948176067563840732986059135e-4, 0.9810825646924729426157171547487e-8,
  -0.1809129475572494194263306266719e-10, 0.6221098041892605227126015543416e-13,
];
const XBIG = 94906265.62425156;

/** Clenshaw evaluation of a Chebyshev series (R: `chebyshev_eval`). */
function evaluateChebyshev(x: number, a: readonly number[], n: number): number {
  const twox = x * 2;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let i = 1; i <= n; i++) {
    b2 = b1;
    b1 = b0;
    b0 = twox * b1 - b2 + a[n - i];
  }
  return (b0 - b2) * 0.5;
}

/** log Gamma(x) for x > 0, bit-compatible with R's `lgamma` for x >= 10. */
export function computeLogGamma(x: number): number {
  if (!(x >= 10) || x > 1e17) return gammaln(x);
  if (x > 4934720) return LN_SQRT_2PI + (x - 0.5) * Math.log(x) - x;
  const tmp = 10 / x;
  const correction = x < XBIG ? evaluateChebyshev(tmp * tmp * 2 - 1, ALGMCS, 5) / x : 1 / (x * 12);
  return LN_SQRT_2PI + (x - 0.5) * Math.log(x) - x + correction;
}
