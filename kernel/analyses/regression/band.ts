/**
 * The fitted line of a simple regression with its pointwise confidence band, for scatter plots with
 * a regression line (R: `predict(lm(y ~ x), data.frame(x = grid), interval = "confidence")`).
 */
import { quantileT } from '../common/distributions.js';
import { mean, sumOfSquares } from '../common/moments.js';
import type { FittedLine } from '../../types.js';

/** A regression line and its confidence band, evaluated at the points of a grid. */
export interface RegressionBand {
  fit: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

/**
 * Simple linear regression of `y` on `x` evaluated at `grid`: the fitted mean and its two-sided
 * `confLevel` confidence band, `fit ± t(df = n - 2) · s · sqrt(1/n + (g - x̄)² / Sxx)` as R's
 * `predict(..., interval = "confidence")`. Callers pass complete pairs (no NaN); with fewer than
 * three pairs or a constant `x` the band is NaN.
 */
export function computeRegressionBand(
  x: Float64Array,
  y: Float64Array,
  grid: Float64Array,
  confLevel: number,
): RegressionBand {
  return computeLineBand(computeFittedLine(x, y), grid, confLevel);
}

/** The least-squares line of y on x (with an intercept) and its band's parts; NaN slope with fewer than three pairs or a constant x. */
export function computeFittedLine(x: Float64Array, y: Float64Array): FittedLine {
  const n = x.length;
  const xBar = mean(x);
  const yBar = mean(y);
  const sxx = sumOfSquares(x, xBar);
  if (n < 3 || !(sxx > 0)) return { intercept: NaN, slope: NaN, centre: xBar, atCentre: yBar, sxx, n, sigma: NaN, df: n - 2, withIntercept: true };
  // Centred cross-products keep the slope accurate when x or y carries a large constant offset.
  let sxy = 0;
  for (let i = 0; i < n; i++) sxy += (x[i] - xBar) * (y[i] - yBar);
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - yBar - slope * (x[i] - xBar);
    rss += r * r;
  }
  return { intercept: yBar - slope * xBar, slope, centre: xBar, atCentre: yBar, sxx, n, sigma: Math.sqrt(rss / (n - 2)), df: n - 2, withIntercept: true };
}

/** A fitted line and its two-sided `confLevel` pointwise band at the points of `grid` (NaN when the line is undefined). */
export function computeLineBand(line: FittedLine, grid: Float64Array, confLevel: number): RegressionBand {
  const fit = new Float64Array(grid.length);
  const low = new Float64Array(grid.length);
  const high = new Float64Array(grid.length);
  if (!Number.isFinite(line.slope) || !(line.df > 0)) {
    fit.fill(NaN);
    low.fill(NaN);
    high.fill(NaN);
    return { fit, low, high };
  }
  const q = quantileT(1 - (1 - confLevel) / 2, line.df);
  for (let k = 0; k < grid.length; k++) {
    const d = grid[k] - line.centre;
    // About the centre, as the fit was made: ȳ + b (g - x̄).
    const f = line.atCentre + line.slope * d;
    const half = q * line.sigma * Math.sqrt((line.withIntercept ? 1 / line.n : 0) + (d * d) / line.sxx);
    fit[k] = f;
    low[k] = f - half;
    high[k] = f + half;
  }
  return { fit, low, high };
}
