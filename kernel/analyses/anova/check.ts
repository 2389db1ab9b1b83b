/** Assumption checks of the ANOVA family: normality of the residuals, equal variances (Levene). */
import type { AnalysisOptions, AssumptionCheck } from '../../types.js';
import { checkEqualVariances, checkNormality } from '../checks/assumptions.js';
import type { KGroupInput } from '../rank-tests/compute.js';
import { mean } from '../common/moments.js';

/** Residuals y - group mean, all groups together. */
export function computeResiduals(input: KGroupInput): Float64Array {
  const out = new Float64Array(input.samples.reduce((s, x) => s + x.length, 0));
  let offset = 0;
  for (const s of input.samples) {
    const m = mean(s);
    for (let i = 0; i < s.length; i++) out[offset + i] = s[i] - m;
    offset += s.length;
  }
  return out;
}

/** Shapiro-Wilk on the residuals, and Levene across groups when variances are assumed equal. */
export function checkAnova(input: KGroupInput, options: AnalysisOptions, pooled: boolean): AssumptionCheck[] {
  const checks = checkNormality([{ target: 'residuals', values: computeResiduals(input) }]);
  if (pooled) checks.push(checkEqualVariances(input.samples, `${input.outcome} by ${input.group}`, options.center));
  return checks;
}
