/** The Kolmogorov-Smirnov tests, one sample against a distribution and two samples, as R `ks.test`. */
import type { Alternative } from '../../types.js';
import { kolmogorovExactCdf, kolmogorovLimitCdf, kolmogorovOneSidedUpper, smirnovExactUpper } from './kolmogorov.js';

/** The statistic and p-value of one KS test, with how the p-value was found. */
export interface KsNumbers {
  statistic: number;
  pValue: number;
  exact: boolean;
  ties: boolean;
}

/** Whether a sample has repeated values. */
function hasTies(x: ArrayLike<number>): boolean {
  return new Set(Array.from(x)).size < x.length;
}

/**
 * One sample against a continuous CDF. `exact` as R: 'auto' means exact for n < 100 without ties.
 * Statistic: D (two-sided), D+ ("greater": the sample's CDF lies above), D- ("less").
 */
export function computeKsOneSample(x: ArrayLike<number>, cdf: (v: number) => number, alternative: Alternative, exactOption: boolean | 'auto'): KsNumbers {
  const n = x.length;
  const sorted = Float64Array.from(x).sort();
  const ties = hasTies(sorted);
  const exact = exactOption === 'auto' ? n < 100 && !ties : exactOption;
  let dPlus = -Infinity;
  let dMinus = -Infinity;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    dPlus = Math.max(dPlus, (i + 1) / n - f);
    dMinus = Math.max(dMinus, f - i / n);
  }
  const statistic = alternative === 'two-sided' ? Math.max(dPlus, dMinus) : alternative === 'greater' ? dPlus : dMinus;
  let pValue: number;
  if (exact) pValue = alternative === 'two-sided' ? 1 - kolmogorovExactCdf(statistic, n) : kolmogorovOneSidedUpper(statistic, n);
  else pValue = alternative === 'two-sided' ? 1 - kolmogorovLimitCdf(Math.sqrt(n) * statistic) : Math.exp(-2 * n * statistic * statistic);
  return Object.freeze({ statistic, pValue: Math.min(1, Math.max(0, pValue)), exact, ties });
}

/**
 * Two samples (R >= 4.1): exact for nx * ny < 10000 (ties included), else Kolmogorov's limit.
 * "greater": the CDF of x lies above that of y (statistic max of F_x - F_y).
 */
export function computeKsTwoSample(x: ArrayLike<number>, y: ArrayLike<number>, alternative: Alternative, exactOption: boolean | 'auto'): KsNumbers {
  const nx = x.length;
  const ny = y.length;
  const exact = exactOption === 'auto' ? nx * ny < 10000 : exactOption;
  const pooled = [...Array.from(x, (v) => ({ v, fromX: true })), ...Array.from(y, (v) => ({ v, fromX: false }))];
  // Stable sort, as R's order(): equal values keep x before y.
  const order = pooled.map((p, i) => ({ ...p, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const ties = new Set(pooled.map((p) => p.v)).size < nx + ny;
  let z = 0;
  let max = -Infinity;
  let min = Infinity;
  for (let k = 0; k < order.length; k++) {
    z += order[k].fromX ? 1 / nx : -1 / ny;
    // With ties, only the last position of each run of equal values counts.
    if (k + 1 < order.length && order[k + 1].v === order[k].v) continue;
    max = Math.max(max, z);
    min = Math.min(min, z);
  }
  const statistic = alternative === 'two-sided' ? Math.max(Math.abs(max), Math.abs(min)) : alternative === 'greater' ? max : -min;
  const values = pooled.map((p) => p.v);
  let pValue: number;
  if (exact) pValue = smirnovExactUpper(statistic, nx, ny, values, alternative === 'two-sided');
  else {
    const n = (nx * ny) / (nx + ny);
    if (alternative === 'two-sided') pValue = statistic < Number.EPSILON ? 1 : 1 - kolmogorovLimitCdf(Math.sqrt(n) * statistic);
    else pValue = Math.exp(-2 * n * statistic * statistic);
  }
  return Object.freeze({ statistic, pValue: Math.min(1, Math.max(0, pValue)), exact, ties });
}
