/** Pairwise comparisons with a p-value adjustment: pairwise_ttest. */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
import { computePairwise, summarizePairwise, validatePairwise, type PairwiseInput, type PairwiseResult } from './pairwise-t.js';

const pairwiseTtest: Analysis<PairwiseInput, PairwiseResult> = {
  id: 'pairwise_ttest',
  columnsFor: (roles: Roles) => [...new Set([roles.outcome, roles.group].filter((c): c is string => Boolean(c)))],
  validate: validatePairwise,
  compute: computePairwise,
  check: () => [],
  variant: (_input, result) => `Pairwise t-tests (${result.poolSd ? 'pooled sd' : 'Welch'}, ${result.pAdjust} adjustment)`,
  summarize: (result, input) => summarizePairwise(result, input),
};

/** Pairwise analyses by id. */
export const pairwiseAnalyses: Record<'pairwise_ttest', Analysis> = { pairwise_ttest: pairwiseTtest };
