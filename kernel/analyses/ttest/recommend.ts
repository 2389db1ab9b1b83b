/**
 * Recommendations of the comparison analyses (t-tests, ANOVA, post-hoc), assembled from the policies
 * of kernel/analyses/checks/: the follow-up of a significant omnibus test, remedies for a doubtful
 * normality verdict that keep the question about means, the unequal-variance default (never gated
 * on Levene) and the note for counts. Never acted on.
 */
import type { AssumptionCheck } from '../../types.js';
import { recommendForCounts, recommendPostHoc, recommendUnequalVariance, type Omnibus } from '../checks/follow-ups.js';
import { recommendForNormality, type NormalityDesign } from '../checks/normality-policy.js';

/** What the recommendations are about. */
export interface RecommendationContext {
  design: NormalityDesign;
  /** The raw samples (groups, or the one sample / the differences). */
  samples: readonly ArrayLike<number>[];
  /** The outcome's name, for the count note; no count note without it. */
  outcome?: string;
  /** A model that pools variances: its unequal-variance counterpart is offered, whatever Levene says. */
  pooled?: 'ttest_ind' | 'anova_oneway' | 'tukey_hsd';
  /** A significant omnibus test gets its post-hoc. */
  omnibus?: { test: Omnibus; pValue: number; confLevel: number; levels: readonly string[] };
}

/** The recommendations, follow-up first. */
export function buildRecommendations(checks: readonly AssumptionCheck[], context: RecommendationContext): string[] {
  const { omnibus } = context;
  return [
    ...(omnibus ? recommendPostHoc(omnibus.test, omnibus.pValue, omnibus.confLevel, omnibus.levels) : []),
    ...recommendForNormality(checks, context.design, context.samples),
    ...(context.pooled ? recommendUnequalVariance(context.pooled, context.samples) : []),
    ...(context.outcome ? recommendForCounts(context.outcome, context.samples) : []),
  ];
}
