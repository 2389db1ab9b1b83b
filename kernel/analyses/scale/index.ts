/** Two-sample tests of scale: var_test (F test of variances) and mood_test (Mood's rank test). */
import type { Roles } from '../../types.js';
import { checkNormality } from '../checks/assumptions.js';
import type { Analysis } from '../types.js';
import { computeMood, type MoodResult } from './mood.js';
import { summarizeMood, summarizeVarTest } from './summarize.js';
import { validateTwoSamples, type TwoSamples } from './validate.js';
import { computeVarTest, type VarTestResult } from './var-test.js';

/** The outcome and group columns. */
const outcomeAndGroup = (roles: Roles): string[] => [...new Set([roles.outcome, roles.group].filter((c): c is string => Boolean(c)))];

const varTest: Analysis<TwoSamples, VarTestResult> = {
  id: 'var_test',
  columnsFor: outcomeAndGroup,
  validate: (request, table) => validateTwoSamples(request, table, 2),
  compute: (input, options) => computeVarTest(input.x, input.y, options.alternative, options.confLevel, input.levels),
  // The F test is exact only for normal data: check each group.
  check: (input) =>
    checkNormality([
      { target: `${input.outcome} | ${input.group}=${input.levels[0]}`, values: input.x },
      { target: `${input.outcome} | ${input.group}=${input.levels[1]}`, values: input.y },
    ]),
  variant: () => 'F test to compare two variances',
  summarize: summarizeVarTest,
};

const moodTest: Analysis<TwoSamples, MoodResult> = {
  id: 'mood_test',
  columnsFor: outcomeAndGroup,
  validate: (request, table) => {
    const v = validateTwoSamples(request, table, 1);
    if (v.n < 3) validateTwoSamples(request, table, 2);
    return v;
  },
  compute: (input, options) => computeMood(input.x, input.y, options.alternative),
  check: () => [],
  variant: () => 'Mood two-sample test of scale',
  summarize: (result, input) => summarizeMood(result, input),
};

/** Scale tests by id. */
export const scaleAnalyses: Record<'var_test' | 'mood_test', Analysis> = { var_test: varTest, mood_test: moodTest };
