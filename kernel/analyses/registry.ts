/**
 * Every analysis of CONTRACT.md by id. An exhaustive `Record`, so the compiler flags a missing one.
 * Each family folder exports its part from `index.ts`.
 */
import type { AnalysisId } from '../types.js';
import { anovaAnalyses } from './anova/index.js';
import { checkAnalyses } from './checks/index.js';
import { contingencyAnalyses } from './contingency/index.js';
import { correlationAnalyses } from './correlation/index.js';
import { describeAnalyses } from './describe/index.js';
import { factorialAnalyses } from './factorial/index.js';
import { distributionTestAnalyses } from './distribution-tests/index.js';
import { logisticAnalyses } from './logistic/index.js';
import { pairwiseAnalyses } from './pairwise/index.js';
import { partialAnalyses } from './partial/index.js';
import { posthocAnalyses } from './posthoc/index.js';
import { powerAnalyses } from './power/index.js';
import { proportionAnalyses } from './proportions/index.js';
import { rankTestAnalyses } from './rank-tests/index.js';
import { regressionAnalyses } from './regression/index.js';
import { robustAnalyses } from './robust/index.js';
import { repeatedAnalyses } from './repeated/index.js';
import { scaleAnalyses } from './scale/index.js';
import { ttestAnalyses } from './ttest/index.js';
import type { Analysis } from './types.js';

/** Analysis id -> analysis. */
export const analyses: Record<AnalysisId, Analysis> = {
  ...describeAnalyses,
  ...ttestAnalyses,
  ...rankTestAnalyses,
  ...robustAnalyses,
  ...anovaAnalyses,
  ...posthocAnalyses,
  ...correlationAnalyses,
  ...regressionAnalyses,
  ...contingencyAnalyses,
  ...checkAnalyses,
  ...scaleAnalyses,
  ...distributionTestAnalyses,
  ...proportionAnalyses,
  ...powerAnalyses,
  ...repeatedAnalyses,
  ...pairwiseAnalyses,
  ...partialAnalyses,
  ...logisticAnalyses,
  ...factorialAnalyses,
};
