/**
 * `logistic` numbers as R's `glm(y ~ ..., family = binomial)` with `summary` and
 * `confint.default`: Wald z tests and intervals, odds ratios, deviances, AIC, BIC, McFadden's R² and
 * the likelihood-ratio test of the model against the intercept-only model.
 */
import type { AnalysisOptions } from '../../types.js';
import { quantileNormal, upperChisq, upperNormal } from '../common/distributions.js';
import { binomialDeviance, fitLogistic, inverseLogit, LOGISTIC_CONTROL, type IrlsControl, type LogisticFit } from './irls.js';
import { findSeparation } from './separation.js';
import type { LogisticInput } from './validate.js';

/** One row of the coefficient table. */
export interface LogisticCoefficient {
  term: string;
  estimate: number;
  stdError: number;
  /** Wald z = estimate / stdError. */
  statistic: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
  oddsRatio: number;
  orCiLow: number;
  orCiHigh: number;
}

/** The likelihood-ratio test of dropping one term (a factor with all its dummies), as R's `drop1(fit, test = "Chisq")`. */
export interface LogisticTermTest {
  term: string;
  df: number;
  /** Deviance without the term minus the model's deviance. */
  statistic: number;
  pValue: number;
}

/** The result fields of `logistic` (CONTRACT.md; snake_case in JSON). */
export interface LogisticResult {
  coefficients: LogisticCoefficient[];
  nullDeviance: number;
  residualDeviance: number;
  dfNull: number;
  dfResid: number;
  aic: number;
  bic: number;
  logLik: number;
  pseudoR2Mcfadden: number;
  /** Likelihood-ratio test of the model against the intercept-only model. */
  lrStatistic: number;
  lrDf: number;
  lrPValue: number;
  n: number;
  /** Observations at the success level, and at the other. */
  events: number;
  nonEvents: number;
  successLevel: string;
  iterations: number;
  converged: boolean;
  /** Complete or quasi-complete separation found (the estimates of `separatedTerms` are not meaningful). */
  separation: boolean;
  separatedTerms: string[];
  /** Complete separation (no overlap at all): then no estimate of the model is meaningful, not only those of `separatedTerms`. */
  separationComplete: boolean;
  /** Observations with a fitted probability numerically 0 or 1. */
  extremeFits: number;
  intercept: boolean;
  confLevel: number;
  referenceLevels: { column: string; level: string }[];
  /** Likelihood-ratio test of each term, when the model has two terms or more. */
  termTests: LogisticTermTest[];
}

/** The model's columns, with the intercept first when it has one. */
export function designColumns(input: LogisticInput): { columns: Float64Array[]; terms: string[] } {
  const n = input.y.length;
  return input.intercept
    ? { columns: [new Float64Array(n).fill(1), ...input.columns], terms: ['(Intercept)', ...input.terms] }
    : { columns: [...input.columns], terms: [...input.terms] };
}

/** Fits by input and control, so that compute, checks and figures of one run share a fit. */
const fits = new WeakMap<LogisticInput, Map<IrlsControl, LogisticFit>>();

/** The IRLS fit of the input (cached; its arrays are shared, copy before modifying). */
export function fitLogisticInput(input: LogisticInput, control: IrlsControl = LOGISTIC_CONTROL): LogisticFit {
  const byControl = fits.get(input) ?? new Map<IrlsControl, LogisticFit>();
  fits.set(input, byControl);
  const cached = byControl.get(control);
  if (cached) return cached;
  const { columns, terms } = designColumns(input);
  const fit = fitLogistic(columns, terms, input.y, control);
  byControl.set(control, fit);
  return fit;
}

/** Each term dropped in turn: the rise in deviance, chi-square on as many df as the term has columns. */
function computeTermTests(input: LogisticInput, fit: LogisticFit, control: IrlsControl): LogisticTermTest[] {
  const terms = [...new Set(input.sources)];
  if (terms.length < 2) return [];
  return terms.map((term) => {
    const keep = input.sources.map((s) => s !== term);
    const columns = input.columns.filter((_, j) => keep[j]);
    const names = input.terms.filter((_, j) => keep[j]);
    const n = input.y.length;
    const reduced = input.intercept
      ? fitLogistic([new Float64Array(n).fill(1), ...columns], ['(Intercept)', ...names], input.y, control)
      : fitLogistic(columns, names, input.y, control);
    const df = keep.filter((k) => !k).length;
    const statistic = reduced.deviance - fit.deviance;
    return { term, df, statistic, pValue: upperChisq(statistic, df) };
  });
}

/** Binary logistic regression; `control` is for comparing with R's default `glm.control()`. */
export function computeLogistic(input: LogisticInput, options: AnalysisOptions, control: IrlsControl = LOGISTIC_CONTROL): LogisticResult {
  const fit = fitLogisticInput(input, control);
  const { terms } = designColumns(input);
  const n = input.y.length;
  const p = terms.length;
  const z = quantileNormal((1 + options.confLevel) / 2);
  const coefficients = terms.map((term, j): LogisticCoefficient => {
    const estimate = fit.estimates[j];
    const stdError = fit.stdErrors[j];
    const statistic = estimate / stdError;
    const ciLow = estimate - z * stdError;
    const ciHigh = estimate + z * stdError;
    return Object.freeze({
      term, estimate, stdError, statistic, pValue: 2 * upperNormal(Math.abs(statistic)), ciLow, ciHigh,
      oddsRatio: Math.exp(estimate), orCiLow: Math.exp(ciLow), orCiHigh: Math.exp(ciHigh),
    });
  });
  let events = 0;
  for (const v of input.y) events += v;
  // The null model: the overall share of successes with an intercept, probability 1/2 without (as R).
  const nullMu = input.intercept ? events / n : inverseLogit(0);
  const nullDeviance = binomialDeviance(input.y, new Float64Array(n).fill(nullMu));
  const residualDeviance = fit.deviance;
  const dfNull = n - (input.intercept ? 1 : 0);
  const dfResid = n - p;
  // For 0/1 outcomes the saturated log-likelihood is 0, so log L = -deviance / 2.
  const logLik = -residualDeviance / 2;
  const lrStatistic = nullDeviance - residualDeviance;
  const lrDf = dfNull - dfResid;
  const separation = findSeparation(input.columns, input.terms, input.y, fit, input.intercept ? 1 : 0);
  return Object.freeze({
    coefficients,
    nullDeviance,
    residualDeviance,
    dfNull,
    dfResid,
    aic: residualDeviance + 2 * p,
    bic: residualDeviance + Math.log(n) * p,
    logLik,
    pseudoR2Mcfadden: 1 - residualDeviance / nullDeviance,
    lrStatistic,
    lrDf,
    lrPValue: lrDf > 0 ? upperChisq(lrStatistic, lrDf) : NaN,
    n,
    events,
    nonEvents: n - events,
    successLevel: input.successLevel,
    iterations: fit.iterations,
    converged: fit.converged,
    separation: separation.detected,
    separatedTerms: separation.terms,
    separationComplete: separation.detected && separation.complete,
    extremeFits: separation.extremeFits,
    intercept: input.intercept,
    confLevel: options.confLevel,
    referenceLevels: input.references,
    termTests: computeTermTests(input, fit, control),
  });
}
