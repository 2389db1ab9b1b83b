/** Assumption checks of the t-tests: normality of each group (or of the differences), judged by n and shape; Levene for Student. */
import type { AnalysisOptions, AssumptionCheck } from '../../types.js';
import { checkEqualVariances } from '../checks/assumptions.js';
import { judgeNormality } from '../checks/normality-policy.js';
import type { OneSampleInput, PairedInput, TwoSampleInput } from './compute.js';

/** Shapiro-Wilk on the one sample, judged by the normality policy. */
export function checkOneSampleTTest(input: OneSampleInput): AssumptionCheck[] {
  return judgeNormality([{ target: input.column, values: input.x }], 't');
}

/** Shapiro-Wilk per group (judged); Levene (median or mean centred as `--center` says) reported when variances are pooled. */
export function checkTwoSampleTTest(input: TwoSampleInput, options: AnalysisOptions, pooled: boolean): AssumptionCheck[] {
  const checks: AssumptionCheck[] = judgeNormality(
    [
      { target: `${input.outcome} | ${input.group}=${input.levels[0]}`, values: input.x },
      { target: `${input.outcome} | ${input.group}=${input.levels[1]}`, values: input.y },
    ],
    't',
  );
  if (pooled) checks.push(checkEqualVariances([input.x, input.y], `${input.outcome} by ${input.group}`, options.center));
  return checks;
}

/** Shapiro-Wilk on the differences (judged). */
export function checkPairedTTest(input: PairedInput): AssumptionCheck[] {
  return judgeNormality([{ target: `differences ${input.labels[0]} - ${input.labels[1]}`, values: input.differences }], 't');
}
