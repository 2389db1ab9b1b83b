/**
 * The hypergeometric density and distribution function as R 4.2 computes them (nmath `dhyper.c`,
 * `dbinom.c`, `stirlerr.c`, `bd0.c`, `phyper.c`: Loader's saddle-point method), so that Fisher's test
 * reproduces R's numbers to the last few bits.
 */
import gammaln from '@stdlib/math/base/special/gammaln';

const LN_2PI = 1.837877066409345483560659472811;
const LN_SQRT_2PI = 0.918938533204672741780329736406;

const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/** stirlerr(n) = log(n!) - log(sqrt(2 pi n) (n/e)^n) for n = 0, 0.5, ..., 15 (R's table). */
const SFERR_HALVES = [
  0.0, 0.1534264097200273452913848, 0.081061466795327258219670, 0.054814121051917653896139,
  0.0413406959554092940938221, 0.03316287351993628748511048, 0.02767792568499833914878929,
  0.0237461636562974959713292, 0.02079067210376509311152277, 0.01848845053267318523077934,
  0.01664469118982119216319487, 0.01513497322191737887351255, 0.01387612882307074799874573,
  0.01281046524292022692424986, 0.01189670994589177009505572, 0.01110455975820691732662991,
  0.010411265261972096497478567, 0.009799416126158803298389475, 0.009255462182712732917728637,
  0.008768700134139385462952823, 0.008330563433362871256469318, 0.0079341145643140205472481,
  0.007573675487951840794972024, 0.007244554301320383179543912, 0.006942840107209529865664152,
  0.006665247032707682442354394, 0.006408994188004207068439631, 0.006171712263039457647532867,
  0.005951370112758847735624416, 0.005746216513010115682023589, 0.00555473355196280137103869,
];

/** The error of Stirling's formula for log(n!) (R's `stirlerr`, pre-4.4 version). */
function stirlingError(n: number): number {
  if (n <= 15) {
    const nn = n + n;
    if (nn === Math.trunc(nn)) return SFERR_HALVES[nn];
    return gammaln(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  }
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** The deviance term x log(x/np) + np - x, computed stably (R's `bd0`). */
function devianceTerm(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    if (Math.abs(s) < 2.2250738585072014e-308) return s; // DBL_MIN
    let ej = 2 * x * v;
    v = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / ((j << 1) + 1);
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / np) + np - x;
}

/** log of the binomial density with success probability p = 1 - q (R's `dbinom_raw(..., log = TRUE)`). */
function logBinomialRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -devianceTerm(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) return q < 0.1 ? -devianceTerm(n, n * p) - n * q : n * Math.log(p);
  if (x < 0 || x > n) return -Infinity;
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - devianceTerm(x, n * p) - devianceTerm(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}

/** log P(X = x) drawing n balls from r red and b black, X red (R's `dhyper(x, r, b, n, log = TRUE)`). */
export function logHypergeometricDensity(x: number, r: number, b: number, n: number): number {
  if (x < 0 || n < x || r < x || n - x > b) return -Infinity;
  if (n === 0) return x === 0 ? 0 : -Infinity;
  const p = n / (r + b);
  const q = (r + b - n) / (r + b);
  return logBinomialRaw(x, r, p, q) + logBinomialRaw(n - x, b, p, q) - logBinomialRaw(n, r + b, p, q);
}

/** phyper / dhyper by the series of R's `pdhyper` (assumes x (NR + NB) <= n NR). */
function hypergeometricRatio(x: number, nr: number, nb: number, n: number): number {
  let sum = 0;
  let term = 1;
  while (x > 0 && term >= Number.EPSILON * sum) {
    term *= (x * (nb - n + x)) / (n + 1 - x) / (nr + 1 - x);
    sum += term;
    x--;
  }
  return 1 + sum;
}

/** P(X <= x), or P(X > x) when `lowerTail` is false (R's `phyper(x, NR, NB, n, lower.tail)`). */
export function hypergeometricCdf(x: number, nr: number, nb: number, n: number, lowerTail: boolean): number {
  x = Math.floor(x + 1e-7);
  if (x * (nr + nb) > n * nr) {
    [nr, nb] = [nb, nr];
    x = n - x - 1;
    lowerTail = !lowerTail;
  }
  if (x < 0 || x < n - nb) return lowerTail ? 0 : 1;
  if (x >= nr || x >= n) return lowerTail ? 1 : 0;
  const d = Math.exp(logHypergeometricDensity(x, nr, nb, n));
  if (d === 0) return lowerTail ? 0 : 1;
  const p = d * hypergeometricRatio(x, nr, nb, n);
  return lowerTail ? p : 0.5 - p + 0.5;
}
