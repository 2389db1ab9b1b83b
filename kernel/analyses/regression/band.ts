/**
 * The fitted line of a simple regression with its pointwise confidence band, for scatter plots with
 * a regression line (R: `predict(lm(y ~ x), data.frame(x = grid), interval = "confidence")`).
 */
import { quantileT } from '../common/distributions.js';
import { mean, sumOfSquares } from '../common/moments.js';

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
  const n = x.length;
  const fit = new Float64Array(grid.length);
  const low = new Float64Array(grid.length);
  const high = new Float64Array(grid.length);
  const xBar = mean(x);
  const yBar = mean(y);
  const sxx = sumOfSquares(x, xBar);
  if (n < 3 || !(sxx > 0)) {
    fit.fill(NaN);
    low.fill(NaN);
    high.fill(NaN);
    return { fit, low, high };
  }
  // Centred cross-products keep the slope accurate when x or y carries a large constant offset.
  let sxy = 0;
  for (let i = 0; i < n; i++) sxy += (x[i] - xBar) * (y[i] - yBar);
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - yBar - slope * (x[i] - xBar);
    rss += r * r;
  }
  const s = Math.sqrt(rss / (n - 2));
  const q = quantileT(1 - (1 - confLevel) / 2, n - 2);
  for (let k = 0; k < grid.length; k++) {
    const d = grid[k] - xBar;
    const f = yBar + slope * d;
    const half = q * s * Math.sqrt(1 / n + (d * d) / sxx);
    fit[k] = f;
    low[k] = f - half;
    high[k] = f + half;
  }
  return { fit, low, high };
}
