/** The rank tests: Mann-Whitney (Wilcoxon rank-sum), Wilcoxon signed-rank, Kruskal-Wallis and Dunn's follow-up. */
import { P_ADJUST_NAMES } from '../common/p-adjust.js';
import { computeDunn, type DunnResult } from './dunn.js';
import { summarizeDunn } from './dunn-summarize.js';
import type { Analysis } from '../types.js';
import type { TwoSampleInput } from '../ttest/compute.js';
import { twoGroupColumns } from '../ttest/index.js';
import { pairedColumns, isPairedRoles } from '../ttest/paired.js';
import {
  computeKruskalWallis,
  computeMannWhitney,
  computeSignedRank,
  type KGroupInput,
  type KruskalWallisResult,
  type MannWhitneyResult,
  type SignedRankInput,
  type SignedRankResult,
} from './compute.js';
import { summarizeKruskalWallis, summarizeMannWhitney, summarizeSignedRank } from './summarize.js';
import { validateDunn, validateKruskalWallis, validateMannWhitney, validateSignedRank } from './validate.js';

const mannWhitney: Analysis<TwoSampleInput, MannWhitneyResult> = {
  id: 'mann_whitney',
  columnsFor: twoGroupColumns,
  validate: validateMannWhitney,
  compute: computeMannWhitney,
  // Rank tests assume no normality: nothing to check.
  check: () => [],
  variant: (_input, result) =>
    `Wilcoxon rank-sum (Mann-Whitney) test, ${result.method === 'exact' ? 'exact' : `normal approximation${result.correction ? ' with continuity correction' : ''}`}`,
  summarize: (result, input, _checks, options) => summarizeMannWhitney(result, input, options),
};

const signedRank: Analysis<SignedRankInput, SignedRankResult> = {
  id: 'wilcoxon_signed_rank',
  columnsFor: (roles) => (isPairedRoles(roles) || roles.group ? pairedColumns(roles) : [roles.column ?? roles.outcome].filter((c): c is string => Boolean(c))),
  validate: validateSignedRank,
  compute: computeSignedRank,
  check: () => [],
  variant: (input, result) =>
    `Wilcoxon signed-rank test${input.design === 'paired' ? ' (paired)' : ''}, ${result.method === 'exact' ? 'exact' : `normal approximation${result.correction ? ' with continuity correction' : ''}`}`,
  summarize: (result, input, _checks, options) => summarizeSignedRank(result, input, options),
};

const kruskal: Analysis<KGroupInput, KruskalWallisResult> = {
  id: 'kruskal_wallis',
  columnsFor: twoGroupColumns,
  validate: validateKruskalWallis,
  compute: computeKruskalWallis,
  check: () => [],
  variant: () => 'Kruskal-Wallis rank-sum test',
  summarize: (result, input, _checks, options) => summarizeKruskalWallis(result, input, options),
};

const dunn: Analysis<KGroupInput, DunnResult> = {
  id: 'dunn',
  columnsFor: twoGroupColumns,
  validate: validateDunn,
  compute: (input, options) => computeDunn(input, options),
  // A rank test: no normality to check.
  check: () => [],
  variant: (_input, result) => `Dunn's test (${P_ADJUST_NAMES[result.pAdjust]})`,
  summarize: (result, input, _checks, options) => summarizeDunn(result, input, options),
};

/** The rank-test analyses by id. */
export const rankTestAnalyses: Record<'mann_whitney' | 'wilcoxon_signed_rank' | 'kruskal_wallis' | 'dunn', Analysis> = {
  mann_whitney: mannWhitney,
  wilcoxon_signed_rank: signedRank,
  kruskal_wallis: kruskal,
  dunn,
};
