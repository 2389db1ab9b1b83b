/** The regression family: `ols`. */
import type { Analysis } from '../types.js';
import { checkOls } from './check.js';
import { computeOls, type OlsResult } from './compute.js';
import { summarizeOls } from './summarize.js';
import { columnsForOls, validateOls, type OlsInput } from './validate.js';

export { computeRegressionBand } from './band.js';
export { fitOls, computeOls } from './compute.js';
export type { OlsCoefficient, OlsResult } from './compute.js';
export type { Design, LeastSquaresFit } from './fit.js';
export type { OlsInput } from './validate.js';

/** Ordinary least squares (R: `lm`). */
const ols: Analysis<OlsInput, OlsResult> = {
  id: 'ols',
  columnsFor: columnsForOls,
  validate: validateOls,
  compute: computeOls,
  check: (input) => checkOls(input),
  variant: (input) =>
    input.design.intercept ? 'Ordinary least squares regression' : 'Ordinary least squares regression through the origin',
  summarize: (result, input, checks) => summarizeOls(result, input, checks),
};

/** Regression analyses by id. */
export const regressionAnalyses: Record<'ols', Analysis> = { ols };
