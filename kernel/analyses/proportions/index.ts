/** Analyses of proportions and counts: binomial_test, prop_test, mcnemar, mantel_haenszel. */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
import { computeBinomialTest, summarizeBinomial, validateBinomial, type BinomialInput, type BinomialResult } from './binomial-test.js';
import { computeMantelHaenszel, validateStratified, type MantelHaenszelResult, type StratifiedTable } from './mantel-haenszel.js';
import { computeMcNemar, summarizeMcNemar, validateMcNemar, type McNemarInput, type McNemarResult } from './mcnemar.js';
import { computeProp, summarizeProp, validateProp, type PropInput, type PropResult } from './prop-test.js';
import { summarizeMantelHaenszel } from './summarize-mh.js';

/** The columns of the set roles. */
const columnsOf = (...names: (string | undefined)[]): string[] => [...new Set(names.filter((c): c is string => Boolean(c)))];

const mantelHaenszel: Analysis<StratifiedTable, MantelHaenszelResult> = {
  id: 'mantel_haenszel',
  columnsFor: (roles: Roles) => columnsOf(roles.row, roles.col, roles.strata),
  validate: validateStratified,
  compute: computeMantelHaenszel,
  check: () => [],
  variant: (_input, result) => `Mantel-Haenszel chi-squared test ${result.correction ? 'with' : 'without'} continuity correction`,
  summarize: (result, input, _checks, options) => summarizeMantelHaenszel(result, input, options),
};

const binomialTest: Analysis<BinomialInput, BinomialResult> = {
  id: 'binomial_test',
  columnsFor: (roles: Roles) => columnsOf(roles.column ?? roles.outcome),
  validate: validateBinomial,
  compute: computeBinomialTest,
  check: () => [],
  variant: () => 'Exact binomial test',
  summarize: (result, input, _checks, options) => summarizeBinomial(result, input, options),
};

const propTest: Analysis<PropInput, PropResult> = {
  id: 'prop_test',
  columnsFor: (roles: Roles) => columnsOf(roles.outcome, roles.group),
  validate: validateProp,
  compute: computeProp,
  check: (input, result) => [
    {
      check: 'expected_counts',
      target: `${input.outcome} by ${input.group}`,
      statistic: result.minExpected,
      pValue: null,
      ok: result.minExpected >= 5,
      ...(result.minExpected < 5 ? { note: 'An expected count is below 5; the chi-square approximation may be poor.' } : {}),
    },
  ],
  variant: (_input, result) => `2-sample test for equality of proportions ${result.correction ? 'with' : 'without'} continuity correction`,
  summarize: (result, input, _checks, options) => summarizeProp(result, input, options),
};

const mcnemar: Analysis<McNemarInput, McNemarResult> = {
  id: 'mcnemar',
  columnsFor: (roles: Roles) => columnsOf(roles.before, roles.after),
  validate: validateMcNemar,
  compute: computeMcNemar,
  check: () => [],
  variant: (_input, result) => `McNemar's chi-squared test ${result.correction ? 'with' : 'without'} continuity correction`,
  summarize: (result, input) => summarizeMcNemar(result, input),
};

/** Proportion analyses by id. */
export const proportionAnalyses: Record<'mantel_haenszel' | 'binomial_test' | 'prop_test' | 'mcnemar', Analysis> = {
  mantel_haenszel: mantelHaenszel,
  binomial_test: binomialTest,
  prop_test: propTest,
  mcnemar,
};
