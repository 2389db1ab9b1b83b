/** The contingency analyses of CONTRACT.md: chi2_independence, fisher_exact. */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
import { checkExpectedCounts } from './check.js';
import { computeChiSquareIndependence, computeFisherExact, type ChiSquareIndependenceResult, type FisherExactResult } from './compute.js';
import { summarizeChiSquare, summarizeFisher } from './summarize.js';
import type { ContingencyTable } from './table.js';
import { validateContingency } from './validate.js';

/** The row and col columns. */
function columnsForContingency(roles: Roles): string[] {
  return [roles.row, roles.col].filter((c): c is string => Boolean(c));
}

const chi2Independence: Analysis<ContingencyTable, ChiSquareIndependenceResult> = {
  id: 'chi2_independence',
  columnsFor: columnsForContingency,
  validate: validateContingency,
  compute: computeChiSquareIndependence,
  check: (input, result) => [checkExpectedCounts(input, result)],
  variant: (_input, result) => `Pearson's chi-square test of independence${result.correction ? " with Yates' continuity correction" : ''}`,
  summarize: (result, input, checks, options) => summarizeChiSquare(result, input, checks, options.confLevel),
};

const fisherExact: Analysis<ContingencyTable, FisherExactResult> = {
  id: 'fisher_exact',
  columnsFor: columnsForContingency,
  validate: validateContingency,
  compute: computeFisherExact,
  check: () => [],
  variant: (_input, result) => (result.method === 'exact-2x2' ? "Fisher's exact test (2 x 2, conditional MLE odds ratio)" : "Fisher's exact test (r x c, full enumeration)"),
  summarize: (result, input) => summarizeFisher(result, input),
};

/** Contingency analyses by id. */
export const contingencyAnalyses: Record<'chi2_independence' | 'fisher_exact', Analysis> = {
  chi2_independence: chi2Independence,
  fisher_exact: fisherExact,
};
