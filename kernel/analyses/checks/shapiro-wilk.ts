/**
 * The Shapiro-Wilk W test with Royston's (1995) approximation, algorithm AS R94, ported line by line
 * from R's `src/library/stats/src/swilk.c` (uncensored case, as `shapiro.test` calls it).
 */
import { InferraError } from '../../errors.js';
import { quantileNormal, upperNormal } from '../common/distributions.js';

/** R's `poly` (AS 181.2): the polynomial with coefficients `cc` (constant first) at `x`. */
function evaluatePolynomial(cc: readonly number[], x: number): number {
  const nord = cc.length;
  let result = cc[0];
  if (nord > 1) {
    let p = x * cc[nord - 1];
    for (let j = nord - 2; j > 0; j--) p = (p + cc[j]) * x;
    result += p;
  }
  return result;
}

const G = [-2.273, 0.459];
const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
const C6 = [-0.4803, -0.082676, 0.0030302];

/** The half of the Royston coefficients a[1..n/2] (1-based; a[0] unused), as swilk.c computes them. */
function computeCoefficients(n: number): Float64Array {
  const nn2 = Math.floor(n / 2);
  const a = new Float64Array(nn2 + 1);
  if (n === 3) {
    a[1] = 0.70710678; // sqrt(1/2) to the digits swilk.c uses
    return a;
  }
  const an25 = n + 0.25;
  let summ2 = 0;
  for (let i = 1; i <= nn2; i++) {
    a[i] = quantileNormal((i - 0.375) / an25);
    summ2 += a[i] * a[i];
  }
  summ2 *= 2;
  const ssumm2 = Math.sqrt(summ2);
  const rsn = 1 / Math.sqrt(n);
  const a1 = evaluatePolynomial(C1, rsn) - a[1] / ssumm2;
  let i1: number;
  let fac: number;
  if (n > 5) {
    i1 = 3;
    const a2 = -a[2] / ssumm2 + evaluatePolynomial(C2, rsn);
    fac = Math.sqrt((summ2 - 2 * (a[1] * a[1]) - 2 * (a[2] * a[2])) / (1 - 2 * (a1 * a1) - 2 * (a2 * a2)));
    a[2] = a2;
  } else {
    i1 = 2;
    fac = Math.sqrt((summ2 - 2 * (a[1] * a[1])) / (1 - 2 * (a1 * a1)));
  }
  a[1] = a1;
  for (let i = i1; i <= nn2; i++) a[i] /= -fac;
  return a;
}

/** W and its p-value for sorted data (swilk.c with n1 = n). */
function computeSortedShapiroWilk(x: Float64Array): { statistic: number; pValue: number } {
  const n = x.length;
  const a = computeCoefficients(n);
  const range = x[n - 1] - x[0];
  // sign(i - j) * a[min(i, j)] of swilk.c, for the antisymmetric coefficient vector.
  const coefficient = (i: number, j: number): number => (i === j ? 0 : Math.sign(i - j) * a[Math.min(i, j)]);
  let sx = x[0] / range;
  let sa = -a[1];
  let j = n - 1;
  for (let i = 1; i < n; j--) {
    const xi = x[i] / range;
    sx += xi;
    i++;
    if (i !== j) sa += coefficient(i, j);
  }
  sa /= n;
  sx /= n;
  let ssa = 0;
  let ssx = 0;
  let sax = 0;
  j = n - 1;
  for (let i = 0; i < n; i++, j--) {
    const asa = i !== j ? Math.sign(i - j) * a[1 + Math.min(i, j)] - sa : -sa;
    const xsx = x[i] / range - sx;
    ssa += asa * asa;
    ssx += xsx * xsx;
    sax += asa * xsx;
  }
  // w1 = 1 - W, computed so as to avoid rounding error for W near 1 (swilk.c).
  const ssassx = Math.sqrt(ssa * ssx);
  const w1 = ((ssassx - sax) * (ssassx + sax)) / (ssa * ssx);
  const w = 1 - w1;
  if (n === 3) {
    const pi6 = 1.90985931710274; // 6/pi
    const stqr = 1.0471975511966; // asin(sqrt(3/4))
    return { statistic: w, pValue: Math.max(0, pi6 * (Math.asin(Math.sqrt(w)) - stqr)) };
  }
  let y = Math.log(w1);
  const lxx = Math.log(n);
  let m: number;
  let s: number;
  if (n <= 11) {
    const gamma = evaluatePolynomial(G, n);
    if (y >= gamma) return { statistic: w, pValue: 1e-99 }; // swilk.c's "obvious" value
    y = -Math.log(gamma - y);
    m = evaluatePolynomial(C3, n);
    s = Math.exp(evaluatePolynomial(C4, n));
  } else {
    m = evaluatePolynomial(C5, lxx);
    s = Math.exp(evaluatePolynomial(C6, lxx));
  }
  return { statistic: w, pValue: upperNormal((y - m) / s) };
}

/**
 * Shapiro-Wilk normality test; agrees with R `shapiro.test(x)` (complete cases, 3 <= n <= 5000,
 * not all values identical).
 */
export function computeShapiroWilk(x: ArrayLike<number>): { statistic: number; pValue: number } {
  const sorted = Float64Array.from(x).filter((v) => !Number.isNaN(v)).sort();
  const n = sorted.length;
  if (n < 3) {
    throw new InferraError('too-few-observations', { analysis: 'shapiro_wilk', needed: 3, actual: n });
  }
  if (n > 5000) throw new InferraError('sample-too-large', { analysis: 'shapiro_wilk', max: 5000, actual: n });
  const range = sorted[n - 1] - sorted[0];
  if (range === 0) {
    throw new InferraError('zero-variance', { where: 'The sample', value: sorted[0], analysis: 'shapiro_wilk' });
  }
  // shapiro.test rescales tiny ranges to avoid swilk's ifault = 6.
  if (range < 1e-10) {
    for (let i = 0; i < n; i++) sorted[i] /= range;
  }
  return Object.freeze(computeSortedShapiroWilk(sorted));
}
