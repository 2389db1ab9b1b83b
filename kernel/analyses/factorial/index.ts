/** Factorial designs: the factorial ANOVA (two or three between-subject factors) and ANCOVA. */
import type { Analysis } from '../types.js';
import { checkAncova, checkFactorial } from './check.js';
import { computeAncova, computeFactorial, type AncovaResult, type FactorialResult } from './compute.js';
import { summarizeAncova, summarizeFactorial } from './summarize.js';
import { columnsForFactorial, validateAncova, validateFactorial, type AncovaInput, type FactorialInput } from './validate.js';

export { computeAncova, fitAncova, fitFactorial } from './compute.js';
export type { AdjustedMean, AncovaResult, CovariateSlope, FactorialResult } from './compute.js';
export { validateAncova, validateFactorial } from './validate.js';
export type { AncovaInput, FactorialInput } from './validate.js';

const factorial: Analysis<FactorialInput, FactorialResult> = {
  id: 'anova_factorial',
  columnsFor: columnsForFactorial,
  validate: validateFactorial,
  compute: computeFactorial,
  check: (input, _result, options) => checkFactorial(input, options),
  variant: (input, result) =>
    `${input.factors.length === 2 ? 'Two' : 'Three'}-way ANOVA (type ${result.ssType === 2 ? 'II' : 'III'} sums of squares${result.balanced ? '' : ', unbalanced'})`,
  summarize: summarizeFactorial,
};

const ancova: Analysis<AncovaInput, AncovaResult> = {
  id: 'ancova',
  columnsFor: columnsForFactorial,
  validate: validateAncova,
  compute: computeAncova,
  check: checkAncova,
  variant: (input) => `ANCOVA (adjusting for ${input.covariates.join(', ')})`,
  summarize: summarizeAncova,
};

/** The factorial analyses by id. */
export const factorialAnalyses: Record<'anova_factorial' | 'ancova', Analysis> = { anova_factorial: factorial, ancova };
