/**
 * The numerical core of `ols`: least squares by Householder QR (qr.ts) with the predictors centred
 * when the model has an intercept, two steps of iterative refinement against the original data with
 * compensated residuals (dot.ts), and the quantities R's `summary.lm` reports.
 *
 * Differences from R's `lm`, all on the side of accuracy: R factors the uncentred columns with the
 * intercept column, so a predictor like 1e8 + (1..10) falls under its 1e-7 tolerance and gets NA;
 * here the tolerance applies to the centred predictors, and only a predictor whose centred values
 * are rounding noise counts as dependent on the intercept. Results otherwise agree with R to about
 * 1e-12 relative (test/unit/analyses/regression.test.ts).
 */
import { mean, sumOfSquares } from '../common/moments.js';
import { computeResidualsCompensated } from './dot.js';
import { applyQt, computeUnscaledCovariance, decomposeQr, RANK_TOLERANCE, solveFromQty } from './qr.js';

/** A design matrix: one column per term (no intercept column; `intercept` says whether to fit one). */
export interface Design {
  /** Term names as R prints them, parallel to `columns`. */
  terms: string[];
  columns: Float64Array[];
  intercept: boolean;
}

/** A least-squares fit; coefficient arrays include the intercept first when there is one. */
export interface LeastSquaresFit {
  /** `(Intercept)` first when fitted, then the design's terms. */
  terms: string[];
  estimates: Float64Array;
  stdErrors: Float64Array;
  fitted: Float64Array;
  residuals: Float64Array;
  /** Residual sum of squares. */
  rss: number;
  /** Model sum of squares: about the mean of the fitted values with an intercept, about 0 without (as R). */
  mss: number;
  /** Total sum of squares used by R-squared: centred with an intercept, uncentred without. */
  tss: number;
  n: number;
  /** Number of coefficients, including the intercept. */
  p: number;
  dfResid: number;
  intercept: boolean;
  /** Terms that are linear combinations of the others (empty for a full-rank design). */
  dependentTerms: string[];
}

/** Options of `fitLeastSquares`. */
export interface FitOptions {
  /** Relative tolerance for linear dependence (R's `lm`: 1e-7). */
  tol?: number;
  /** Refinement steps with compensated residuals (0 gives plain Householder QR). */
  refinements?: number;
}

/**
 * Fits y on the design by least squares. With an intercept the predictors are centred for the QR
 * (exact for slopes, and it keeps large constant offsets from costing digits); a predictor whose
 * centred values are only rounding noise is dependent on the intercept. Returns `dependentTerms`
 * instead of throwing when the design is rank deficient (coefficients and errors are then NaN).
 */
export function fitLeastSquares(design: Design, y: Float64Array, options: FitOptions = {}): LeastSquaresFit {
  const tol = options.tol ?? RANK_TOLERANCE;
  const refinements = options.refinements ?? 2;
  const n = y.length;
  const k = design.columns.length;
  const p = k + (design.intercept ? 1 : 0);
  const terms = design.intercept ? ['(Intercept)', ...design.terms] : [...design.terms];
  const centres = design.columns.map((c) => (design.intercept ? mean(c) : 0));
  const yCentre = design.intercept ? mean(y) : 0;
  const x = design.columns.map((c, j) => (design.intercept ? c.map((v) => v - centres[j]) : Float64Array.from(c)));
  const yc = design.intercept ? y.map((v) => v - yCentre) : Float64Array.from(y);
  const dependent = new Set<number>();
  if (design.intercept) {
    // A column constant up to rounding: its centred length is below what rounding of its values leaves.
    for (let j = 0; j < k; j++) {
      let raw = 0;
      for (let i = 0; i < n; i++) raw = Math.max(raw, Math.abs(design.columns[j][i]));
      let centred = 0;
      for (let i = 0; i < n; i++) centred = Math.max(centred, Math.abs(x[j][i]));
      if (!(centred > 8 * Number.EPSILON * raw)) dependent.add(j);
    }
  }
  const kept = Array.from({ length: k }, (_, j) => j).filter((j) => !dependent.has(j));
  const qr = decomposeQr(
    kept.map((j) => x[j]),
    tol,
  );
  for (let pos = qr.rank; pos < qr.p; pos++) dependent.add(kept[qr.pivot[pos]]);
  const dependentTerms = [...dependent].sort((a, b) => a - b).map((j) => design.terms[j]);
  const dfResid = n - p;
  if (dependent.size > 0) {
    return rankDeficientFit(terms, n, p, dfResid, design.intercept, dependentTerms);
  }
  // Coefficients of the original problem: intercept first when fitted, then one per design column.
  const full = design.intercept ? [new Float64Array(n).fill(1), ...design.columns] : design.columns;
  // Least-squares correction for a right-hand side, through the (centred) QR.
  const solveCorrection = (rhs: Float64Array): Float64Array => {
    const centre = design.intercept ? mean(rhs) : 0;
    const slopes = solveFromQty(qr, applyQt(qr, design.intercept ? rhs.map((v) => v - centre) : rhs));
    if (!design.intercept) return slopes;
    let b0 = centre;
    for (let j = 0; j < k; j++) b0 -= centres[j] * slopes[j];
    return Float64Array.of(b0, ...slopes);
  };
  // Iterative refinement on the original (uncentred) data with compensated residuals: the centring
  // rounded the columns, and the intercept would otherwise inherit the cancellation in ȳ - Σ x̄_j b_j.
  let beta = solveCorrection(y);
  let r = computeResidualsCompensated(y, full, beta);
  for (let step = 0; step < refinements; step++) {
    const delta = solveCorrection(r);
    beta = beta.map((v, j) => v + delta[j]);
    r = computeResidualsCompensated(y, full, beta);
  }
  const cov = computeUnscaledCovariance(qr);
  let rss = 0;
  for (let i = 0; i < n; i++) rss += r[i] * r[i];
  const sigma2 = dfResid > 0 ? rss / dfResid : NaN;
  const estimates = Float64Array.from(beta);
  const stdErrors = new Float64Array(p);
  const offset = design.intercept ? 1 : 0;
  for (let j = 0; j < k; j++) stdErrors[offset + j] = Math.sqrt(sigma2 * cov[j][j]);
  if (design.intercept) {
    // Var(b0) = s² (1/n + x̄' (Xc'Xc)^{-1} x̄).
    let q = 0;
    for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) q += centres[a] * cov[a][c] * centres[c];
    stdErrors[0] = Math.sqrt(sigma2 * (1 / n + q));
  }
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    residuals[i] = r[i];
    fitted[i] = y[i] - r[i];
  }
  // Fitted values relative to the centre (yc - r) keep the model sum of squares free of offsets.
  const centredFitted = yc.map((v, i) => v - r[i]);
  const mss = design.intercept ? sumOfSquares(centredFitted) : sumSquares(fitted);
  const tss = design.intercept ? sumOfSquares(y) : sumSquares(y);
  return { terms, estimates, stdErrors, fitted, residuals, rss, mss, tss, n, p, dfResid, intercept: design.intercept, dependentTerms };
}

/** Sum of squares about zero. */
function sumSquares(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

/** The fit of a rank-deficient design: only which terms are dependent is meaningful. */
function rankDeficientFit(
  terms: string[],
  n: number,
  p: number,
  dfResid: number,
  intercept: boolean,
  dependentTerms: string[],
): LeastSquaresFit {
  const nan = (m: number) => new Float64Array(m).fill(NaN);
  return {
    terms,
    estimates: nan(p),
    stdErrors: nan(p),
    fitted: nan(n),
    residuals: nan(n),
    rss: NaN,
    mss: NaN,
    tss: NaN,
    n,
    p,
    dfResid,
    intercept,
    dependentTerms,
  };
}
