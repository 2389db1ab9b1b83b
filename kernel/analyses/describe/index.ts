/** The `describe` analysis: per-column summaries and level counts. */
import type { Analysis } from '../types.js';
import { computeDescribe, type DescribeResult } from './compute.js';
import { summarizeDescribe } from './summarize.js';
import { columnsForDescribe, validateDescribe, type DescribeInput } from './validate.js';

export { computeDescribe, computeShape } from './compute.js';
export type { ColumnDescription, DescribeResult } from './compute.js';

/** Descriptive statistics (R: `summary`, `sd`, `quantile`, e1071 type-2 skewness and kurtosis). */
const describe: Analysis<DescribeInput, DescribeResult> = {
  id: 'describe',
  columnsFor: columnsForDescribe,
  validate: validateDescribe,
  compute: (input) => computeDescribe(input),
  check: () => [],
  variant: (input) => (input.group ? `Descriptive statistics by ${input.group}` : 'Descriptive statistics'),
  summarize: (result) => summarizeDescribe(result),
};

/** Describe analyses by id. */
export const describeAnalyses: Record<'describe', Analysis> = { describe };
