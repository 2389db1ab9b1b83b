/** Assumption checks of the t-tests: normality of each group (or of the differences), equal variances for Student. */
import type { AnalysisOptions, AssumptionCheck } from '../../types.js';
import { checkEqualVariances, checkNormality } from '../checks/assumptions.js';
import type { OneSampleInput, PairedInput, TwoSampleInput } from './compute.js';

/** Shapiro-Wilk on the one sample. */
export function checkOneSampleTTest(input: OneSampleInput): AssumptionCheck[] {
  return checkNormality([{ target: input.column, values: input.x }]);
}

/** Shapiro-Wilk per group; Levene (median or mean centred as `--center` says) when variances are pooled. */
export function checkTwoSampleTTest(input: TwoSampleInput, options: AnalysisOptions, pooled: boolean): AssumptionCheck[] {
  const checks = checkNormality([
    { target: `${input.outcome} | ${input.group}=${input.levels[0]}`, values: input.x },
    { target: `${input.outcome} | ${input.group}=${input.levels[1]}`, values: input.y },
  ]);
  if (pooled) checks.push(checkEqualVariances([input.x, input.y], `${input.outcome} by ${input.group}`, options.center));
  return checks;
}

/** Shapiro-Wilk on the differences. */
export function checkPairedTTest(input: PairedInput): AssumptionCheck[] {
  return checkNormality([{ target: `differences ${input.labels[0]} - ${input.labels[1]}`, values: input.differences }]);
}
