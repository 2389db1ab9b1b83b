/**
 * The numbers of `anova_factorial` (R: `car::Anova(lm(y ~ A * B), type = 2)`, or type 3 with
 * `contr.sum`) and `ancova` (R: `car::Anova(lm(y ~ g + x), type = 2)`, adjusted means as
 * `predict(fit, newdata, se.fit = TRUE)` at the covariates' means, and the homogeneity of slopes as
 * `anova(lm(y ~ g + x), lm(y ~ g + x + g:x))`).
 */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions } from '../../types.js';
import { quantileT, upperF } from '../common/distributions.js';
import { mean, variance } from '../common/moments.js';
import { fitLeastSquares, type LeastSquaresFit } from '../regression/fit.js';
import { isPerfectFit } from '../regression/compute.js';
import { buildFactorialTerms, computeTermRows, contrastColumns, fitTerms, type ModelTerm, type TermRow } from './model.js';
import type { AncovaInput, FactorialInput } from './validate.js';

/** n, mean and SD of one cell of the design. */
export interface CellSummary {
  /** One level per factor, in the factors' order. */
  levels: string[];
  n: number;
  mean: number;
  sd: number;
}

/** The result fields of `anova_factorial` (snake_case in JSON). */
export interface FactorialResult {
  terms: TermRow[];
  residualDf: number;
  residualSs: number;
  ssType: 2 | 3;
  /** Whether every cell has the same number of rows. */
  balanced: boolean;
  cells: CellSummary[];
  n: number;
  confLevel: number;
}

/** One group's mean at the covariates' means. */
export interface AdjustedMean {
  level: string;
  n: number;
  /** The group's observed (unadjusted) mean. */
  observedMean: number;
  mean: number;
  se: number;
  ciLow: number;
  ciHigh: number;
}

/** The common slope of one covariate. */
export interface CovariateSlope {
  covariate: string;
  /** Its mean over the rows used (where the adjusted means are taken). */
  mean: number;
  estimate: number;
  se: number;
}

/** The result fields of `ancova` (snake_case in JSON). */
export interface AncovaResult {
  terms: TermRow[];
  residualDf: number;
  residualSs: number;
  ssType: 2;
  adjustedMeans: AdjustedMean[];
  slopes: CovariateSlope[];
  /** The F test of the group x covariate interaction(s) added to the model. */
  slopesHomogeneityF: number;
  slopesHomogeneityDf: number;
  slopesHomogeneityResidualDf: number;
  slopesHomogeneityP: number;
  n: number;
  confLevel: number;
}

/** The fits of a run by type of sums of squares, shared by compute, the checks and the figures. */
const factorialFits = new WeakMap<FactorialInput, Map<2 | 3, { fit: LeastSquaresFit; terms: ModelTerm[] }>>();

/** The full factorial model of the input in the coding its type of sums of squares needs (cached per input and type). */
export function fitFactorial(input: FactorialInput, ssType: 2 | 3 = 2): { fit: LeastSquaresFit; terms: ModelTerm[] } {
  const byType = factorialFits.get(input) ?? new Map<2 | 3, { fit: LeastSquaresFit; terms: ModelTerm[] }>();
  const cached = byType.get(ssType);
  if (cached) return cached;
  const terms = buildFactorialTerms(input.factors, ssType === 3 ? 'sum' : 'treatment');
  const fit = fitTerms(terms, input.y);
  if (isPerfectFit(fit)) {
    throw new InferraError('perfect-fit', { detail: `'${input.outcome}' is constant within every cell of ${input.factors.map((f) => f.name).join(' × ')}.` });
  }
  byType.set(ssType, { fit, terms });
  factorialFits.set(input, byType);
  return { fit, terms };
}

/** The type of sums of squares of the options (2 unless `--ss-type 3`). */
export function ssTypeOf(options: AnalysisOptions): 2 | 3 {
  return options.ssType === 3 ? 3 : 2;
}

/** Factorial ANOVA. */
export function computeFactorial(input: FactorialInput, options: AnalysisOptions): FactorialResult {
  const ssType = ssTypeOf(options);
  const { fit, terms } = fitFactorial(input, ssType);
  const cells = input.cells.map((c) => ({ levels: c.levels, n: c.values.length, mean: mean(c.values), sd: c.values.length > 1 ? Math.sqrt(variance(c.values)) : NaN }));
  return Object.freeze({
    terms: computeTermRows(terms, input.y, fit, ssType, options.confLevel),
    residualDf: fit.dfResid,
    residualSs: fit.rss,
    ssType,
    balanced: cells.every((c) => c.n === cells[0].n),
    cells,
    n: input.y.length,
    confLevel: options.confLevel,
  });
}

/** The ANCOVA model's terms: the group (treatment contrasts), then each covariate. */
export function buildAncovaTerms(input: AncovaInput): ModelTerm[] {
  return [
    { label: input.group.name, columns: contrastColumns(input.group, 'treatment'), variables: [input.group.name] },
    ...input.covariates.map((c, j) => ({ label: c, columns: [input.zs[j]], variables: [c] })),
  ];
}

/**
 * The adjusted means and their standard errors from the same model written as one mean per group
 * at the covariates' means: y ~ 0 + g + (x - mean(x)); each group's coefficient is its adjusted mean.
 */
function computeAdjustedMeans(input: AncovaInput, confLevel: number): { means: AdjustedMean[]; fit: LeastSquaresFit; centres: number[] } {
  const k = input.group.levels.length;
  const n = input.y.length;
  const centres = input.zs.map((z) => mean(z));
  const indicators = Array.from({ length: k }, (_, level) => Float64Array.from(input.group.codes, (c) => (c === level ? 1 : 0)));
  const centred = input.zs.map((z, j) => z.map((v) => v - centres[j]));
  const fit = fitLeastSquares({ terms: [...input.group.levels, ...input.covariates], columns: [...indicators, ...centred], intercept: false }, input.y);
  if (fit.dependentTerms.length > 0) {
    throw new InferraError('collinear-predictors', { terms: fit.dependentTerms.map((t) => `'${t}'`).join(', '), count: fit.dependentTerms.length });
  }
  const q = quantileT(1 - (1 - confLevel) / 2, fit.dfResid);
  const means = input.group.levels.map((level, g): AdjustedMean => {
    const values: number[] = [];
    for (let i = 0; i < n; i++) if (input.group.codes[i] === g) values.push(input.y[i]);
    const estimate = fit.estimates[g];
    const se = fit.stdErrors[g];
    return { level, n: values.length, observedMean: mean(Float64Array.from(values)), mean: estimate, se, ciLow: estimate - q * se, ciHigh: estimate + q * se };
  });
  return { means, fit, centres };
}

/** The ANCOVA fit of a run (for the checks and the figure). */
export function fitAncova(input: AncovaInput): LeastSquaresFit {
  const fit = fitTerms(buildAncovaTerms(input), input.y);
  if (isPerfectFit(fit)) {
    throw new InferraError('perfect-fit', { detail: `'${input.outcome}' is an exact linear function of ${[input.group.name, ...input.covariates].join(', ')}.` });
  }
  return fit;
}

/** ANCOVA with type II tests, adjusted means and the test of parallel slopes. */
export function computeAncova(input: AncovaInput, options: AnalysisOptions): AncovaResult {
  const terms = buildAncovaTerms(input);
  const fit = fitAncova(input);
  const adjusted = computeAdjustedMeans(input, options.confLevel);
  const k = input.group.levels.length;
  const slopes = input.covariates.map((covariate, j) => ({
    covariate,
    mean: adjusted.centres[j],
    estimate: adjusted.fit.estimates[k + j],
    se: adjusted.fit.stdErrors[k + j],
  }));
  // The group x covariate interactions: products of the group's contrast columns with each covariate.
  const contrasts = terms[0].columns;
  const interactions: ModelTerm[] = input.covariates.map((c, j) => ({
    label: `${input.group.name}:${c}`,
    columns: contrasts.map((d) => d.map((v, i) => v * input.zs[j][i])),
    variables: [input.group.name, c],
  }));
  // A covariate constant within a group has no slope there: the test cannot be made (NaN), the ANCOVA still can.
  let larger: LeastSquaresFit | undefined;
  try {
    larger = fitTerms([...terms, ...interactions], input.y);
  } catch (error) {
    if (!(error instanceof InferraError && error.code === 'collinear-predictors')) throw error;
  }
  const df1 = larger ? fit.dfResid - larger.dfResid : NaN;
  const df2 = larger ? larger.dfResid : NaN;
  const f = larger && df2 > 0 ? (fit.rss - larger.rss) / df1 / (larger.rss / df2) : NaN;
  return Object.freeze({
    terms: computeTermRows(terms, input.y, fit, 2, options.confLevel),
    residualDf: fit.dfResid,
    residualSs: fit.rss,
    ssType: 2 as const,
    adjustedMeans: adjusted.means,
    slopes,
    slopesHomogeneityF: f,
    slopesHomogeneityDf: df1,
    slopesHomogeneityResidualDf: df2,
    slopesHomogeneityP: Number.isFinite(f) ? upperF(f, df1, df2) : NaN,
    n: input.y.length,
    confLevel: options.confLevel,
  });
}
