/** Distribution tests: ks_test (Kolmogorov-Smirnov, one or two samples). */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
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

/** Distribution tests by id. */
export const distributionTestAnalyses: Record<'ks_test', Analysis> = { ks_test: ksTest };
