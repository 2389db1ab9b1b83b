/** `ols` numbers: coefficient table, R-squared, F test and residual SD, as R's `summary(lm(...))` and `confint`. */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions } from '../../types.js';
import { confidenceIntervalT, twoSidedT, upperF } from '../common/distributions.js';
import { fitLeastSquares, type LeastSquaresFit } from './fit.js';
import { computeInteractionTests, computeTermTests, type InteractionTest, type TermTest } from './terms.js';
import type { OlsInput } from './validate.js';

/** One row of the coefficient table. */
export interface OlsCoefficient {
  term: string;
  estimate: number;
  stdError: number;
  /** t = estimate / stdError. */
  statistic: number;
  /** Two-sided, as R's `summary.lm`. */
  pValue: number;
  ciLow: number;
  ciHigh: number;
}

/** The result fields of `ols` (CONTRACT.md; snake_case in JSON). */
export interface OlsResult {
  coefficients: OlsCoefficient[];
  rSquared: number;
  adjRSquared: number;
  f: number;
  dfModel: number;
  dfResid: number;
  fPValue: number;
  residualSd: number;
  n: number;
  intercept: boolean;
  confLevel: number;
  /** Type II F test of each term (as `car::Anova(fit, type = 2)`), when there are two terms or more. */
  termTests?: TermTest[];
  /** F tests of adding each numeric predictor x factor interaction (checked, not fitted). */
  interactions?: InteractionTest[];
  /** Each factor's reference level (treatment coding). */
  referenceLevels?: { column: string; level: string }[];
}

/** Fits by input, so that compute and the residual checks of one run share one fit. */
const fits = new WeakMap<OlsInput, LeastSquaresFit>();

/**
 * Fits the input's design by least squares for plotting and diagnostics: fitted values, residuals
 * and coefficients (`fit.fitted`, `fit.residuals`, `fit.estimates` parallel to `fit.terms`).
 * Throws `collinear-predictors` naming the dependent terms, as R would give them NA.
 * Figures use it for fitted-vs-observed and residual plots: `fitOls(analyses.ols.validate(request, table).input)`.
 * The fit is cached per input and its arrays are shared: copy them before modifying.
 */
export function fitOls(input: OlsInput): LeastSquaresFit {
  const cached = fits.get(input);
  if (cached) return cached;
  const fit = fitLeastSquares(input.design, input.y);
  if (fit.dependentTerms.length > 0) {
    throw new InferraError('collinear-predictors', {
      terms: fit.dependentTerms.map((t) => `'${t}'`).join(', '),
      count: fit.dependentTerms.length,
    });
  }
  fits.set(input, fit);
  return fit;
}

/**
 * Whether the residual variance is zero for practical purposes, with R's rule in `summary.lm`
 * ("essentially perfect fit": residual variance below 1e-30 of the fitted values' scale).
 */
export function isPerfectFit(fit: LeastSquaresFit): boolean {
  const n = fit.n;
  let m = 0;
  for (let i = 0; i < n; i++) m += fit.fitted[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (fit.fitted[i] - m) ** 2;
  v = n > 1 ? v / (n - 1) : 0;
  return fit.rss / fit.dfResid <= (m * m + v) * 1e-30;
}

/** Ordinary least squares as R's `lm` + `summary.lm` + `confint`; throws `perfect-fit` when the residual variance is zero. */
export function computeOls(input: OlsInput, options: AnalysisOptions): OlsResult {
  const fit = fitOls(input);
  if (isPerfectFit(fit)) {
    throw new InferraError('perfect-fit', { detail: `'${input.outcome}' is an exact linear function of the predictors.` });
  }
  return olsResultOf(fit, options, {
    termTests: computeTermTests(input, fit), interactions: computeInteractionTests(input, fit), referenceLevels: input.references ?? [],
  });
}

/** What a least-squares fit gives, wherever it was computed (rows here, or cross-products in a database). */
export interface OlsFitSummary {
  terms: readonly string[];
  estimates: ArrayLike<number>;
  stdErrors: ArrayLike<number>;
  rss: number;
  mss: number;
  n: number;
  /** Columns of the design, the intercept included. */
  p: number;
  intercept: boolean;
}

/** The `ols` result from a fit: t tests and intervals of the coefficients, R², adjusted R², the F test. */
export function olsResultOf(
  fit: OlsFitSummary,
  options: AnalysisOptions,
  tests: Pick<OlsResult, 'termTests' | 'interactions' | 'referenceLevels'>,
): OlsResult {
  const dfResid = fit.n - fit.p;
  const dfModel = fit.p - (fit.intercept ? 1 : 0);
  const sigma2 = fit.rss / dfResid;
  const coefficients = fit.terms.map((term, j): OlsCoefficient => {
    const estimate = fit.estimates[j];
    const stdError = fit.stdErrors[j];
    const statistic = estimate / stdError;
    const { ciLow, ciHigh } = confidenceIntervalT(estimate, stdError, dfResid, options.confLevel, 'two-sided');
    return Object.freeze({ term, estimate, stdError, statistic, pValue: twoSidedT(statistic, dfResid), ciLow, ciHigh });
  });
  const rSquared = fit.mss / (fit.mss + fit.rss);
  // R: adj = 1 - (1 - R²) (n - df.int) / rdf, with df.int = 1 for a model with an intercept.
  const adjRSquared = 1 - ((1 - rSquared) * (fit.n - (fit.intercept ? 1 : 0))) / dfResid;
  const f = fit.mss / dfModel / sigma2;
  return Object.freeze({
    coefficients,
    rSquared,
    adjRSquared,
    f,
    dfModel,
    dfResid,
    fPValue: upperF(f, dfModel, dfResid),
    residualSd: Math.sqrt(sigma2),
    n: fit.n,
    intercept: fit.intercept,
    confLevel: options.confLevel,
    ...tests,
  });
}
