/** Binary logistic regression (R: `glm(..., family = binomial)`). */
import type { Analysis } from '../types.js';
import { computeLogistic, type LogisticResult } from './compute.js';
import { checkLogistic, summarizeLogistic } from './summarize.js';
import { columnsForLogistic, validateLogistic, type LogisticInput } from './validate.js';

export { computeLogistic, designColumns, fitLogisticInput } from './compute.js';
export type { LogisticCoefficient, LogisticResult } from './compute.js';
export { GLM_DEFAULT_CONTROL, inverseLogit, LOGISTIC_CONTROL, type IrlsControl, type LogisticFit } from './irls.js';
export type { LogisticInput } from './validate.js';

const logistic: Analysis<LogisticInput, LogisticResult> = {
  id: 'logistic',
  columnsFor: columnsForLogistic,
  validate: validateLogistic,
  compute: (input, options) => computeLogistic(input, options),
  check: (input, result) => checkLogistic(result, input),
  variant: (input) => `Binary logistic regression (logit link, maximum likelihood)${input.intercept ? '' : ' through the origin'}`,
  summarize: (result, input) => summarizeLogistic(result, input),
};

/** Logistic regression by id. */
export const logisticAnalyses: Record<'logistic', Analysis> = { logistic };
