/** The ANOVA family: classic one-way ANOVA and Welch's one-way ANOVA. */
import type { KGroupInput } from '../rank-tests/compute.js';
import { twoGroupColumns } from '../ttest/index.js';
import type { Analysis } from '../types.js';
import { checkAnova } from './check.js';
import { computeOneWayAnova, computeWelchAnova, type AnovaResult, type WelchAnovaResult } from './compute.js';
import { summarizeOneWayAnova, summarizeWelchAnova } from './summarize.js';
import { validateOneWayAnova, validateWelchAnova } from './validate.js';

const oneWay: Analysis<KGroupInput, AnovaResult> = {
  id: 'anova_oneway',
  columnsFor: twoGroupColumns,
  validate: validateOneWayAnova,
  compute: (input, options) => computeOneWayAnova(input, options.confLevel),
  check: (input, _result, options) => checkAnova(input, options, true),
  variant: () => 'One-way ANOVA (equal variances)',
  summarize: (result, input, checks, options) => summarizeOneWayAnova(result, input, checks, options),
};

const welch: Analysis<KGroupInput, WelchAnovaResult> = {
  id: 'welch_anova',
  columnsFor: twoGroupColumns,
  validate: validateWelchAnova,
  compute: (input, options) => computeWelchAnova(input, options.confLevel),
  check: (input, _result, options) => checkAnova(input, options, false),
  variant: () => "Welch's one-way ANOVA (unequal variances)",
  summarize: (result, input, checks, options) => summarizeWelchAnova(result, input, checks, options),
};

/** The ANOVA analyses by id. */
export const anovaAnalyses: Record<'anova_oneway' | 'welch_anova', Analysis> = {
  anova_oneway: oneWay,
  welch_anova: welch,
};
