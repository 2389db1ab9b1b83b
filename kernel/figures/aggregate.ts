/**
 * Pre-aggregation for figures, so that a spec carries at most a few thousand marks whatever the
 * number of rows: histogram bins, box-plot statistics, kernel densities, QQ points, level counts,
 * and the rounding of plotted coordinates. Result tables keep full precision; only figure data is
 * rounded, to a precision far below one pixel.
 */
import type { BoxQuartiles } from '../types.js';
import { quantileNormal, quantileT } from '../analyses/common/distributions.js';
import { mean, sd } from '../analyses/common/moments.js';
import { quantileSorted } from '../analyses/common/quantile.js';

/** Histogram bin edges: `edges[i]..edges[i+1]`, left-closed (the last bin is closed). */
export interface Bins {
  edges: number[];
  width: number;
  /** Which rule chose the width. */
  rule: 'freedman-diaconis' | 'sturges';
}

/** A "nice" number near `x`: 1, 2, 2.5 or 5 times a power of ten. */
export function computeNiceStep(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  const f = x / power;
  const nice = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
  return nice * power;
}

/**
 * Bin edges by the Freedman-Diaconis rule (width `2 IQR n^(-1/3)`), falling back to Sturges'
 * rule (`ceil(log2 n) + 1` bins) when the IQR is zero; the width is rounded to a nice number and
 * the count kept between 5 and 100 (`sorted` ascending, no NaN).
 */
export function computeBins(sorted: ArrayLike<number>): Bins {
  const n = sorted.length;
  const lo = sorted[0];
  const hi = sorted[n - 1];
  const span = hi - lo;
  if (n === 0 || !(span > 0)) {
    const c = n === 0 ? 0 : lo;
    const half = c === 0 ? 0.5 : Math.abs(c) * 0.05;
    return { edges: [c - half, c + half], width: 2 * half, rule: 'sturges' };
  }
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  let rule: Bins['rule'] = 'freedman-diaconis';
  let width = 2 * iqr * n ** (-1 / 3);
  if (!(width > 0)) {
    rule = 'sturges';
    width = span / (Math.ceil(Math.log2(n)) + 1);
  }
  width = Math.min(Math.max(width, span / 100), span / 5);
  width = computeNiceStep(width);
  const start = Math.floor(lo / width) * width;
  let k = Math.max(1, Math.ceil((hi - start) / width));
  if (start + k * width < hi) k++;
  const edges = Array.from({ length: k + 1 }, (_, i) => roundToStep(start + i * width, width));
  return { edges, width, rule };
}

/** Counts of values in each bin (values equal to the last edge go to the last bin). */
export function countBins(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const k = edges.length - 1;
  const counts = new Array<number>(k).fill(0);
  const lo = edges[0];
  const width = (edges[k] - lo) / k;
  for (let i = 0; i < values.length; i++) {
    let b = Math.floor((values[i] - lo) / width);
    // Guard against floating-point edges: move to the bin whose edges really contain the value.
    if (b > 0 && values[i] < edges[b]) b--;
    if (b < k - 1 && values[i] >= edges[b + 1]) b++;
    counts[Math.min(Math.max(b, 0), k - 1)]++;
  }
  return counts;
}

/** Box-plot statistics of one sample. */
export interface BoxStats extends BoxQuartiles {
  /** Values beyond the whiskers, ascending. */
  outliers: number[];
}

/**
 * Quartiles (R's type 7, as ggplot2's `geom_boxplot`), Tukey whiskers at 1.5 IQR and the outliers
 * beyond them, of an ascending sample.
 */
export function computeBoxStats(sorted: ArrayLike<number>): BoxStats {
  const n = sorted.length;
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const fenceLow = q1 - 1.5 * iqr;
  const fenceHigh = q3 + 1.5 * iqr;
  let lowIndex = 0;
  while (lowIndex < n - 1 && sorted[lowIndex] < fenceLow) lowIndex++;
  let highIndex = n - 1;
  while (highIndex > 0 && sorted[highIndex] > fenceHigh) highIndex--;
  const outliers: number[] = [];
  for (let i = 0; i < lowIndex; i++) outliers.push(sorted[i]);
  for (let i = highIndex + 1; i < n; i++) outliers.push(sorted[i]);
  return {
    n,
    min: sorted[0],
    q1,
    median: quantileSorted(sorted, 0.5),
    q3,
    max: sorted[n - 1],
    whiskerLow: sorted[lowIndex],
    whiskerHigh: sorted[highIndex],
    outliers,
  };
}

/** A mean with its t-based confidence interval (NaN bounds below two observations). */
export function computeMeanCi(values: ArrayLike<number>, confLevel: number): { mean: number; low: number; high: number } {
  const n = values.length;
  const m = mean(values);
  if (n < 2) return { mean: m, low: NaN, high: NaN };
  const half = quantileT(1 - (1 - confLevel) / 2, n - 1) * (sd(values) / Math.sqrt(n));
  return { mean: m, low: m - half, high: m + half };
}

/** Silverman's rule-of-thumb bandwidth exactly as R's `bw.nrd0` (ascending sample). */
export function computeBandwidth(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n < 2) return 1;
  const hi = sd(sorted);
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  let lo = Math.min(hi, iqr / 1.34);
  if (!(lo > 0)) lo = hi || Math.abs(sorted[0]) || 1;
  return 0.9 * lo * n ** -0.2;
}

/** An evenly spaced grid of `points` values from `lo` to `hi`. */
export function computeGrid(lo: number, hi: number, points: number): Float64Array {
  const grid = new Float64Array(points);
  const step = points > 1 ? (hi - lo) / (points - 1) : 0;
  for (let i = 0; i < points; i++) grid[i] = lo + i * step;
  return grid;
}

/** Above this many observations the density is computed from linearly binned data (as R's `density`). */
const EXACT_KDE_LIMIT = 5000;

/**
 * Gaussian kernel density estimate on a grid (as R's `density(x, bw, kernel = "gaussian")`). Up to
 * 5,000 observations the sum is exact (kernel cut at 8 bandwidths, where it is below 1e-14 of its
 * peak); above that the data are first linearly binned onto a fine grid of 1,024 points (R's own
 * approximation), so the cost does not grow with the rows.
 */
export function computeKde(values: ArrayLike<number>, bandwidth: number, grid: Float64Array): Float64Array {
  const n = values.length;
  const out = new Float64Array(grid.length);
  if (n === 0) return out;
  let points: ArrayLike<number> = values;
  let weights: Float64Array | undefined;
  if (n > EXACT_KDE_LIMIT) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (values[i] < lo) lo = values[i];
      if (values[i] > hi) hi = values[i];
    }
    const fine = computeGrid(lo, hi, 1024);
    const step = (hi - lo) / 1023;
    weights = new Float64Array(1024);
    for (let i = 0; i < n; i++) {
      const pos = step > 0 ? (values[i] - lo) / step : 0;
      const k = Math.min(Math.floor(pos), 1022);
      const f = pos - k;
      weights[k] += 1 - f;
      weights[k + 1] += f;
    }
    points = fine;
  }
  const norm = 1 / (n * bandwidth * Math.sqrt(2 * Math.PI));
  const reach = 8 * bandwidth;
  for (let j = 0; j < grid.length; j++) {
    let s = 0;
    const g = grid[j];
    for (let i = 0; i < points.length; i++) {
      const d = g - points[i];
      if (d > reach || d < -reach) continue;
      const z = d / bandwidth;
      s += (weights ? weights[i] : 1) * Math.exp(-0.5 * z * z);
    }
    out[j] = s * norm;
  }
  return out;
}

/** Points of a normal QQ plot and its reference line. */
export interface QqPoints {
  theoretical: number[];
  sample: number[];
  /** R's `qqline`: the line through the first and third quartile pairs. */
  slope: number;
  intercept: number;
  /** Observations in the sample (points may be thinned). */
  n: number;
}

/** At most this many points in one QQ plot; beyond it order statistics are thinned evenly. */
export const QQ_MAX_POINTS = 1000;

/**
 * Normal QQ points of an ascending sample, with R's plotting positions (`ppoints`: a = 3/8 for
 * n <= 10, else 1/2). Above `maxPoints` (default 1,000) observations, that many order statistics
 * evenly spaced in rank are kept, always including the 20 most extreme on each side (the tails are
 * where QQ plots speak).
 */
export function computeQqPoints(sorted: ArrayLike<number>, maxPoints = QQ_MAX_POINTS): QqPoints {
  const n = sorted.length;
  const a = n <= 10 ? 3 / 8 : 1 / 2;
  const keep = new Set<number>();
  if (n <= maxPoints) {
    for (let i = 0; i < n; i++) keep.add(i);
  } else {
    const tail = 20;
    for (let i = 0; i < tail; i++) {
      keep.add(i);
      keep.add(n - 1 - i);
    }
    const middle = maxPoints - 2 * tail;
    for (let k = 0; k < middle; k++) keep.add(Math.round(tail + (k * (n - 1 - 2 * tail)) / (middle - 1)));
  }
  const indices = [...keep].sort((p, q) => p - q);
  const theoretical = indices.map((i) => quantileNormal((i + 1 - a) / (n + 1 - 2 * a)));
  const sample = indices.map((i) => sorted[i]);
  const y1 = quantileSorted(sorted, 0.25);
  const y3 = quantileSorted(sorted, 0.75);
  const x1 = quantileNormal(0.25);
  const x3 = quantileNormal(0.75);
  const slope = (y3 - y1) / (x3 - x1);
  return { theoretical, sample, slope, intercept: y1 - slope * x1, n };
}

/** The step plotted coordinates of a variable are rounded to: 1/100,000 of its range, as a power of ten. */
export function computePlotStep(lo: number, hi: number): number {
  const span = Math.abs(hi - lo) || Math.abs(lo) || 1;
  return 10 ** (Math.floor(Math.log10(span)) - 5);
}

/** A value rounded to a multiple of `step` (a power of ten), without binary noise like 0.30000000000000004. */
export function roundToStep(x: number, step: number): number {
  if (!Number.isFinite(x)) return x;
  const decimals = Math.max(0, Math.min(20, 2 - Math.floor(Math.log10(step) + 1e-9)));
  const r = Math.round(x / step) * step;
  return decimals > 0 ? Number(r.toFixed(decimals)) : r;
}

/** A rounder for one variable's plotted coordinates, from its range. */
export function createPlotRounder(values: ArrayLike<number>): (x: number) => number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  if (!Number.isFinite(lo)) return (x) => x;
  const step = computePlotStep(lo, hi);
  return (x) => roundToStep(x, step);
}
