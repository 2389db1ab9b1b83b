/**
 * Exact null distributions of the Wilcoxon statistics, as R's `pwilcox`/`qwilcox` and
 * `psignrank`/`qsignrank` (nmath/wilcox.c, signrank.c): frequencies counted exactly by recursion,
 * probabilities summed over the shorter tail, each term divided by the total count as R does.
 */
import binomcoef from '@stdlib/math/base/special/binomcoef';
import gammaln from '@stdlib/math/base/special/gammaln';

const rankSumCache = new Map<string, Float64Array>();
const signedRankCache = new Map<number, Float64Array>();

/**
 * Frequencies of the Mann-Whitney U for sample sizes m and n (U = 0..mn), by the recursion
 * c(m, n, k) = c(m - 1, n, k - n) + c(m, n - 1, k), which adds only non-negative counts.
 */
export function computeRankSumCounts(m: number, n: number): Float64Array {
  const key = `${Math.min(m, n)},${Math.max(m, n)}`;
  const cached = rankSumCache.get(key);
  if (cached) return cached;
  const small = Math.min(m, n);
  const large = Math.max(m, n);
  // previous[j] = counts for (i - 1, j); build row i for j = 0..large.
  let previous: Float64Array[] = Array.from({ length: large + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= small; i++) {
    const current: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= large; j++) {
      const counts = new Float64Array(i * j + 1);
      const fromLeft = previous[j]; // (i - 1, j): shift by j
      const fromBelow = current[j - 1]; // (i, j - 1)
      for (let k = 0; k < fromBelow.length; k++) counts[k] += fromBelow[k];
      for (let k = 0; k < fromLeft.length; k++) counts[k + j] += fromLeft[k];
      current.push(counts);
    }
    previous = current;
  }
  const result = previous[large];
  rankSumCache.set(key, result);
  return result;
}

/** R's `choose(m + n, n)` for the sizes used here: a product below k = 30, else rounded exp(lchoose). */
function chooseLikeR(total: number, k: number): number {
  const kk = Math.min(k, total - k);
  if (kk < 30) return binomcoef(total, kk);
  return Math.round(Math.exp(gammaln(total + 1) - gammaln(kk + 1) - gammaln(total - kk + 1)));
}

/** P(W <= q) (or P(W > q) when `lowerTail` is false) for the rank-sum statistic (R: `pwilcox`). */
export function computePwilcox(q: number, m: number, n: number, lowerTail = true): number {
  q = Math.floor(q + 1e-7);
  if (q < 0) return lowerTail ? 0 : 1;
  if (q >= m * n) return lowerTail ? 1 : 0;
  const counts = computeRankSumCounts(m, n);
  const c = chooseLikeR(m + n, n);
  let p = 0;
  let lower = lowerTail;
  if (q <= (m * n) / 2) {
    for (let i = 0; i <= q; i++) p += counts[i] / c;
  } else {
    const top = m * n - q;
    for (let i = 0; i < top; i++) p += counts[i] / c;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}

/** The smallest q with P(W <= q) >= p (R: `qwilcox`). */
export function computeQwilcox(p: number, m: number, n: number): number {
  const counts = computeRankSumCounts(m, n);
  const c = chooseLikeR(m + n, n);
  let cumulative = 0;
  let q = 0;
  if (p <= 0.5) {
    const target = p - 10 * Number.EPSILON;
    for (;;) {
      cumulative += counts[q] / c;
      if (cumulative >= target) break;
      q++;
    }
    return q;
  }
  const target = 1 - p + 10 * Number.EPSILON;
  for (;;) {
    cumulative += counts[q] / c;
    if (cumulative > target) return m * n - q;
    q++;
  }
}

/** Frequencies of the signed-rank statistic V for n non-zero differences (V = 0..n(n+1)/2). */
export function computeSignedRankCounts(n: number): Float64Array {
  const cached = signedRankCache.get(n);
  if (cached) return cached;
  const top = (n * (n + 1)) / 2;
  const w = new Float64Array(top + 1);
  w[0] = 1;
  for (let j = 1; j <= n; j++) {
    for (let i = Math.min((j * (j + 1)) / 2, top); i >= j; i--) w[i] += w[i - j];
  }
  signedRankCache.set(n, w);
  return w;
}

/** P(V <= x) (or P(V > x)) for the signed-rank statistic (R: `psignrank`). */
export function computePsignrank(x: number, n: number, lowerTail = true): number {
  x = Math.round(x + 1e-7);
  const top = (n * (n + 1)) / 2;
  if (x < 0) return lowerTail ? 0 : 1;
  if (x >= top) return lowerTail ? 1 : 0;
  const counts = computeSignedRankCounts(n);
  const f = Math.exp(-n * Math.LN2);
  let p = 0;
  let lower = lowerTail;
  if (x <= top / 2) {
    for (let i = 0; i <= x; i++) p += counts[i] * f;
  } else {
    const limit = top - x;
    for (let i = 0; i < limit; i++) p += counts[i] * f;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}

/** The smallest x with P(V <= x) >= p (R: `qsignrank`). */
export function computeQsignrank(p: number, n: number): number {
  const counts = computeSignedRankCounts(n);
  const f = Math.exp(-n * Math.LN2);
  let cumulative = 0;
  let q = 0;
  if (p <= 0.5) {
    const target = p - 10 * Number.EPSILON;
    for (;;) {
      cumulative += counts[q] * f;
      if (cumulative >= target) return q;
      q++;
    }
  }
  const target = 1 - p + 10 * Number.EPSILON;
  for (;;) {
    cumulative += counts[q] * f;
    if (cumulative > target) return (n * (n + 1)) / 2 - q;
    q++;
  }
}
