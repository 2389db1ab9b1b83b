/**
 * Distributions of the Kolmogorov-Smirnov statistics, as R's `ks.test` uses them:
 * - one sample, two-sided, exact: Marsaglia, Tsang & Wang (2003), "Evaluating Kolmogorov's
 *   distribution", J. Stat. Softw. 8(18) (a power of an m x m matrix, with exponent scaling);
 * - one sample, one-sided, exact: Birnbaum & Tingey (1951);
 * - asymptotic two-sided: Kolmogorov's limiting series, truncated at R's tolerance of 1e-6;
 * - two samples, exact (with or without ties): counting lattice paths that stay inside the band,
 *   a step being checked only where the pooled sorted values change (R >= 4.1, Schröer & Trenkler 1995).
 */
import gammaln from '@stdlib/math/base/special/gammaln';

/** The tolerance R passes to the limiting series (ks.test: `tol = 1e-06`). */
const SERIES_TOL = 1e-6;

/** P(D_n < d) for the one-sample two-sided statistic (Marsaglia-Tsang-Wang). */
export function kolmogorovExactCdf(d: number, n: number): number {
  const k = Math.floor(n * d) + 1;
  const m = 2 * k - 1;
  const h = k - n * d;
  const H = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) H[i * m + j] = i - j + 1 < 0 ? 0 : 1;
  for (let i = 0; i < m; i++) {
    H[i * m] -= Math.pow(h, i + 1);
    H[(m - 1) * m + i] -= Math.pow(h, m - i);
  }
  H[(m - 1) * m] += 2 * h - 1 > 0 ? Math.pow(2 * h - 1, m) : 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i - j + 1 > 0) for (let g = 1; g <= i - j + 1; g++) H[i * m + j] /= g;
    }
  }
  const { matrix: Q, exponent } = matrixPower(H, m, n);
  let s = Q[(k - 1) * m + k - 1];
  let e = exponent;
  for (let i = 1; i <= n; i++) {
    s = (s * i) / n;
    if (s < 1e-140) {
      s *= 1e140;
      e -= 140;
    }
  }
  return s * Math.pow(10, e);
}

/** A * B for m x m matrices. */
function multiply(A: Float64Array, B: Float64Array, m: number): Float64Array {
  const C = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += A[i * m + l] * B[l * m + j];
      C[i * m + j] = s;
    }
  }
  return C;
}

/** A^n as (matrix, decimal exponent), rescaled by 1e-140 whenever the centre element exceeds 1e140. */
function matrixPower(A: Float64Array, m: number, n: number): { matrix: Float64Array; exponent: number } {
  if (n === 1) return { matrix: Float64Array.from(A), exponent: 0 };
  const half = matrixPower(A, m, Math.floor(n / 2));
  const squared = multiply(half.matrix, half.matrix, m);
  let exponent = 2 * half.exponent;
  let matrix = squared;
  if (n % 2 === 1) matrix = multiply(A, squared, m);
  const centre = Math.floor(m / 2);
  if (matrix[centre * m + centre] > 1e140) {
    for (let i = 0; i < m * m; i++) matrix[i] *= 1e-140;
    exponent += 140;
  }
  return { matrix, exponent };
}

/** P(D+_n >= d) for the one-sided one-sample statistic, exactly (Birnbaum-Tingey). */
export function kolmogorovOneSidedUpper(d: number, n: number): number {
  if (d <= 0) return 1;
  if (d >= 1) return 0;
  let s = 0;
  const lchoose = (a: number, b: number) => gammaln(a + 1) - gammaln(b + 1) - gammaln(a - b + 1);
  for (let j = 0; j <= Math.floor(n * (1 - d)); j++) {
    s += Math.exp(lchoose(n, j) + (n - j) * Math.log(1 - d - j / n) + (j - 1) * Math.log(d + j / n));
  }
  return d * s;
}

/**
 * Kolmogorov's limiting distribution P(K <= x) = 1 - 2 sum (-1)^(k-1) exp(-2 k^2 x^2), evaluated as
 * R does at tolerance 1e-6 (the theta-function form below x = 1, the alternating series above).
 */
export function kolmogorovLimitCdf(x: number): number {
  if (!(x > 0)) return 0;
  const kMax = Math.floor(Math.sqrt(2 - Math.log(SERIES_TOL)));
  if (x < 1) {
    const z = -(Math.PI / 2) * (Math.PI / 4) / (x * x);
    const w = Math.log(x);
    let s = 0;
    for (let k = 1; k < kMax; k += 2) s += Math.exp(k * k * z - w);
    return s * Math.sqrt(2 * Math.PI);
  }
  const z = -2 * x * x;
  let sign = -1;
  let old = 0;
  let current = 1;
  for (let k = 1; Math.abs(old - current) > SERIES_TOL; k++) {
    old = current;
    current += 2 * sign * Math.exp(z * k * k);
    sign = -sign;
  }
  return current;
}

/**
 * P(D >= q) for the two-sample statistic of samples of sizes nx and ny, exactly: lattice paths
 * from (0, 0) to (nx, ny) whose every checked step keeps |u/nx - v/ny| (or the signed difference
 * when one-sided) below q. A step is checked only where the pooled sorted value changes, so ties
 * are handled. `pooled` is the pooled sample.
 */
export function smirnovExactUpper(q: number, nx: number, ny: number, pooled: ArrayLike<number>, twoSided: boolean): number {
  const N = nx + ny;
  const sorted = Float64Array.from(pooled).sort();
  // Between lattice points the statistic takes values on a grid of 1 / (nx ny): move q half a step below it.
  const stat = (0.5 + Math.floor(q * nx * ny - 1e-7)) / (nx * ny);
  let counts = new Float64Array(nx + 1);
  counts[0] = 1;
  for (let k = 1; k <= N; k++) {
    const next = new Float64Array(nx + 1);
    const checked = k === N || sorted[k - 1] !== sorted[k];
    for (let u = Math.max(0, k - ny); u <= Math.min(nx, k); u++) {
      let c = counts[u] + (u > 0 ? counts[u - 1] : 0);
      if (checked) {
        const diff = u / nx - (k - u) / ny;
        if (!(stat > (twoSided ? Math.abs(diff) : diff))) c = 0;
      }
      next[u] = c;
    }
    counts = next;
  }
  const logPaths = gammaln(N + 1) - gammaln(nx + 1) - gammaln(ny + 1);
  return 1 - counts[nx] / Math.exp(logPaths);
}
