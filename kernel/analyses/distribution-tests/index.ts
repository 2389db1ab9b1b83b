/** Distribution tests: ks_test (Kolmogorov-Smirnov, one or two samples) and chi2_gof (goodness of fit). */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
import { checkGofExpected, computeGof, summarizeGof, validateGof, type GofInput, type GofResult } from './chi2-gof.js';
import { computeKs, ksVariant, summarizeKs, validateKs, type KsInput, type KsResult } from './ks-test.js';

/** The columns of the set roles. */
const columnsOf = (...names: (string | undefined)[]): string[] => [...new Set(names.filter((c): c is string => Boolean(c)))];

const ksTest: Analysis<KsInput, KsResult> = {
  id: 'ks_test',
  columnsFor: (roles: Roles) => (roles.group ? columnsOf(roles.outcome ?? roles.column, roles.group) : columnsOf(roles.column ?? roles.outcome)),
  validate: validateKs,
  compute: computeKs,
  check: () => [],
  variant: ksVariant,
  summarize: (result, input, _checks, options) => summarizeKs(result, input, options),
};

const chi2Gof: Analysis<GofInput, GofResult> = {
  id: 'chi2_gof',
  columnsFor: (roles: Roles) => columnsOf(roles.column ?? roles.outcome),
  validate: validateGof,
  compute: (input) => computeGof(input),
  check: checkGofExpected,
  variant: (input) => `Chi-squared goodness-of-fit test against ${input.given ? 'given' : 'equal'} proportions`,
  summarize: summarizeGof,
};

/** Distribution tests by id. */
export const distributionTestAnalyses: Record<'ks_test' | 'chi2_gof', Analysis> = { ks_test: ksTest, chi2_gof: chi2Gof };
