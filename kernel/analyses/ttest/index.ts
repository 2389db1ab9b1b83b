/** The t-tests: one-sample, Student (pooled), Welch and paired. */
import type { AnalysisRequest, Roles, Table } from '../../types.js';
import type { Analysis } from '../types.js';
import { checkOneSampleTTest, checkPairedTTest, checkTwoSampleTTest } from './check.js';
import {
  computeOneSampleTTest,
  computePairedTTest,
  computeStudentTTest,
  computeWelchTTest,
  type OneSampleInput,
  type PairedInput,
  type TTestResult,
  type TwoSampleInput,
} from './compute.js';
import { pairedColumns } from './paired.js';
import { summarizeTTest } from './summarize.js';
import {
  validateOneSampleTTest,
  validatePairedTTest,
  validateTwoSampleTTest,
} from './validate.js';

/** The outcome and group columns of a two-group request. */
export function twoGroupColumns(roles: Roles): string[] {
  return [roles.outcome, roles.group].filter((c): c is string => Boolean(c));
}

const oneSample: Analysis<OneSampleInput, TTestResult> = {
  id: 'ttest_one_sample',
  columnsFor: (roles) => [roles.column ?? roles.outcome].filter((c): c is string => Boolean(c)),
  validate: validateOneSampleTTest,
  compute: computeOneSampleTTest,
  check: (input) => checkOneSampleTTest(input),
  variant: () => 'One-sample t-test',
  summarize: (result, input, checks) => summarizeTTest('ttest_one_sample', result, input, checks),
};

const student: Analysis<TwoSampleInput, TTestResult> = {
  id: 'ttest_ind',
  columnsFor: twoGroupColumns,
  validate: (request: AnalysisRequest, table: Table) => validateTwoSampleTTest(request, table, 'ttest_ind'),
  compute: computeStudentTTest,
  check: (input, _result, options) => checkTwoSampleTTest(input, options, true),
  variant: () => "Student's two-sample t-test (pooled variance)",
  summarize: (result, input, checks) => summarizeTTest('ttest_ind', result, input, checks),
};

const welch: Analysis<TwoSampleInput, TTestResult> = {
  id: 'ttest_welch',
  columnsFor: twoGroupColumns,
  validate: (request: AnalysisRequest, table: Table) => validateTwoSampleTTest(request, table, 'ttest_welch'),
  compute: computeWelchTTest,
  check: (input, _result, options) => checkTwoSampleTTest(input, options, false),
  variant: () => "Welch's two-sample t-test",
  summarize: (result, input, checks) => summarizeTTest('ttest_welch', result, input, checks),
};

const paired: Analysis<PairedInput, TTestResult> = {
  id: 'ttest_paired',
  columnsFor: pairedColumns,
  validate: validatePairedTTest,
  compute: computePairedTTest,
  check: (input) => checkPairedTTest(input),
  variant: (input) => `Paired t-test (${input.format} format)`,
  summarize: (result, input, checks) => summarizeTTest('ttest_paired', result, input, checks),
};

/** The t-test analyses by id. */
export const ttestAnalyses: Record<'ttest_one_sample' | 'ttest_ind' | 'ttest_welch' | 'ttest_paired', Analysis> = {
  ttest_one_sample: oneSample,
  ttest_ind: student,
  ttest_welch: welch,
  ttest_paired: paired,
};
