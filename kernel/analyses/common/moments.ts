/**
 * Moments in double precision that hold up on NIST StRD's hard cases (large constant offsets):
 * the mean is corrected by a second pass over the residuals, and sums of squares are centred
 * (two-pass with the compensation term of Chan, Golub and LeVeque 1983).
 */

/** Arithmetic mean, refined by a second pass. */
export function mean(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const m = s / n;
  let r = 0;
  for (let i = 0; i < n; i++) r += x[i] - m;
  return m + r / n;
}

/** Sum of squared deviations from the mean (corrected two-pass). */
export function sumOfSquares(x: ArrayLike<number>, center = mean(x)): number {
  const n = x.length;
  let ss = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - center;
    ss += d * d;
    comp += d;
  }
  return ss - (comp * comp) / n;
}

/** Sample variance (denominator n - 1). */
export function variance(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  return sumOfSquares(x) / (n - 1);
}

/** Sample standard deviation (denominator n - 1). */
export function sd(x: ArrayLike<number>): number {
  return Math.sqrt(variance(x));
}

/** Sum with Neumaier's compensation. */
export function sum(x: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** Sample covariance (denominator n - 1), centred two-pass. */
export function covariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  const mx = mean(x);
  const my = mean(y);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - mx) * (y[i] - my);
  return s / (n - 1);
}

/** Minimum and maximum, ignoring nothing (callers pass complete data). */
export function range(x: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < min) min = x[i];
    if (x[i] > max) max = x[i];
  }
  return { min, max };
}

/** The second, third and fourth central moments, each divided by n (the shape of a sample: g1, g2). */
export function centralMoments(x: ArrayLike<number>): { n: number; m2: number; m3: number; m4: number } {
  const n = x.length;
  const m = mean(x);
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  return { n, m2: m2 / n, m3: m3 / n, m4: m4 / n };
}
