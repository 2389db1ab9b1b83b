/**
 * The numerical core of `logistic`: a binomial GLM with the logit link fitted by iteratively
 * reweighted least squares. Each step solves the weighted least-squares problem by Householder QR
 * (../regression/qr.ts), never by inverting X'WX; the covariance of the estimates comes from the
 * last step's R factor, (X'WX)^{-1} = R^{-1} R^{-T}.
 *
 * The iteration follows the GLM scheme R's `glm.fit` documents: start from mu = (y + 1/2) / 2, stop
 * when the relative change of the deviance |dev - dev_old| / (|dev| + 0.1) falls below `epsilon`.
 * The logit's inverse is bounded as R bounds it (for |eta| > 30 the probability is held at
 * eps / (1 + eps) or its complement), so separated data give finite numbers and the separation is
 * reported, not hidden.
 */
import { InferraError } from '../../errors.js';
import { applyQt, computeUnscaledCovariance, decomposeQr, solveFromQty, type QrDecomposition } from '../regression/qr.js';

/** When the iteration stops. */
export interface IrlsControl {
  /** Relative deviance change that counts as converged. */
  epsilon: number;
  /** The most iterations. */
  maxit: number;
  /** Steps taken after the convergence test first passes (each roughly doubles the correct digits). */
  polish: number;
}

/** R's `glm.control()` defaults, for comparing with a default `glm` fit. */
export const GLM_DEFAULT_CONTROL: IrlsControl = Object.freeze({ epsilon: 1e-8, maxit: 25, polish: 0 });

/**
 * Inferra's control: converged to the precision of the arithmetic. Once the deviance changes by less
 * than 1e-10 relative the estimates are within about 1e-5 of the optimum; one more Newton step
 * (IRLS is Newton's method for the canonical link) brings them to full precision, and a second one
 * takes the weights, and so the standard errors, at the optimum too (glm's standard errors use the
 * weights of its second-to-last step).
 */
export const LOGISTIC_CONTROL: IrlsControl = Object.freeze({ epsilon: 1e-10, maxit: 100, polish: 2 });

/** A fitted logistic model; coefficient arrays are parallel to the design's columns. */
export interface LogisticFit {
  estimates: Float64Array;
  stdErrors: Float64Array;
  /** Fitted probabilities of success. */
  fitted: Float64Array;
  /** Linear predictor X b. */
  eta: Float64Array;
  deviance: number;
  iterations: number;
  converged: boolean;
  /** The change of each estimate in the last step (diverging estimates keep moving under separation). */
  lastStep: Float64Array;
  /** (X'WX)^{-1} at the last step, p x p in column order. */
  covariance: Float64Array[];
}

const EPS = Number.EPSILON;
/** Beyond this |eta| the probability is held fixed (as R's logit link). */
const ETA_BOUND = 30;

/** Inverse logit, held at eps / (1 + eps) and 1 / (1 + eps) beyond |eta| = 30. */
export function inverseLogit(eta: number): number {
  const t = eta < -ETA_BOUND ? EPS : eta > ETA_BOUND ? 1 / EPS : Math.exp(eta);
  return t / (1 + t);
}

/** The logistic function without the fit's bounds (R's `plogis`), for predictions: exp(eta) / (1 + exp(eta)), stable at both ends. */
export function logisticFunction(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}

/** d mu / d eta of the logit link, floored at eps beyond |eta| = 30. */
function logitSlope(eta: number): number {
  if (eta > ETA_BOUND || eta < -ETA_BOUND) return EPS;
  const e = Math.exp(eta);
  return e / ((1 + e) * (1 + e));
}

/** The binomial deviance of 0/1 outcomes at probabilities mu: -2 Σ log of the probability of what was observed. */
export function binomialDeviance(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) d += y[i] === 1 ? -2 * Math.log(mu[i]) : -2 * Math.log(1 - mu[i]);
  return d;
}

/** X b for columns X (an intercept is a column of ones here). */
function linearPredictor(columns: readonly Float64Array[], b: ArrayLike<number>, n: number): Float64Array {
  const eta = new Float64Array(n);
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j];
    const bj = b[j];
    for (let i = 0; i < n; i++) eta[i] += c[i] * bj;
  }
  return eta;
}

/**
 * Fits y (0/1) on the columns by IRLS. `terms` name the columns for the `collinear-predictors`
 * error a rank-deficient design gets (R would give those coefficients NA).
 */
export function fitLogistic(columns: readonly Float64Array[], terms: readonly string[], y: Float64Array, control: IrlsControl = LOGISTIC_CONTROL): LogisticFit {
  const n = y.length;
  const p = columns.length;
  let mu: Float64Array = Float64Array.from(y, (v) => (v + 0.5) / 2);
  let eta: Float64Array = Float64Array.from(mu, (m) => Math.log(m / (1 - m)));
  let devOld = binomialDeviance(y, mu);
  let beta: Float64Array = new Float64Array(p);
  let previous: Float64Array = new Float64Array(p);
  let qr: QrDecomposition | undefined;
  let converged = false;
  let iterations = 0;
  let polishLeft = control.polish;
  const tol = Math.min(1e-7, control.epsilon / 1000);
  const weighted = columns.map(() => new Float64Array(n));
  const zw = new Float64Array(n);
  while (iterations < control.maxit) {
    iterations++;
    for (let i = 0; i < n; i++) {
      const slope = logitSlope(eta[i]);
      const w = Math.sqrt((slope * slope) / (mu[i] * (1 - mu[i])));
      zw[i] = (eta[i] + (y[i] - mu[i]) / slope) * w;
      for (let j = 0; j < p; j++) weighted[j][i] = columns[j][i] * w;
    }
    const step = decomposeQr(weighted, tol);
    if (step.rank < p) {
      // The first step's weights are all equal: a rank loss there is collinearity of the design itself.
      if (!qr) {
        const dependent = step.pivot.slice(step.rank).sort((a, b) => a - b).map((j) => `'${terms[j]}'`);
        throw new InferraError('collinear-predictors', { terms: dependent.join(', '), count: dependent.length });
      }
      // Later, the weights of fitted probabilities driven to 0 or 1 (separation) leave too few rows
      // to determine every coefficient: stop at the last determined step.
      iterations--;
      break;
    }
    qr = step;
    previous = beta;
    beta = solveFromQty(qr, applyQt(qr, zw));
    eta = linearPredictor(columns, beta, n);
    mu = eta.map(inverseLogit);
    const dev = binomialDeviance(y, mu);
    const change = Math.abs(dev - devOld) / (Math.abs(dev) + 0.1);
    devOld = dev;
    if (converged) {
      if (--polishLeft <= 0) break;
      continue;
    }
    if (change < control.epsilon) {
      converged = true;
      if (polishLeft <= 0) break;
    }
  }
  if (!qr) throw new InferraError('internal-error', { detail: 'logistic regression ran no iteration' });
  const covariance = computeUnscaledCovariance(qr);
  const stdErrors = Float64Array.from(covariance, (row, j) => Math.sqrt(row[j]));
  const lastStep = beta.map((b, j) => b - previous[j]);
  return { estimates: beta, stdErrors, fitted: mu, eta, deviance: devOld, iterations, converged, lastStep, covariance };
}
