/**
 * Assumption checks of the ANOVA family. Normality is judged (kernel/analyses/checks/normality-policy.ts)
 * on the right thing for the model: the pooled residuals when variances are assumed equal; the
 * standardised residuals (each group centred on its mean and scaled by its SD) when they are not,
 * since pooling raw residuals of groups with different spreads makes heavy tails by construction.
 * Levene is reported for the equal-variance models, never used to choose a test.
 */
import type { AnalysisOptions, AssumptionCheck } from '../../types.js';
import { checkEqualVariances } from '../checks/assumptions.js';
import { judgeNormality } from '../checks/normality-policy.js';
import type { KGroupInput } from '../rank-tests/compute.js';
import { mean, sd } from '../common/moments.js';

/** Residuals y - group mean, all groups together; scaled by each group's SD when `standardise`. */
export function computeResiduals(input: KGroupInput, standardise = false): Float64Array {
  const out = new Float64Array(input.samples.reduce((s, x) => s + x.length, 0));
  let offset = 0;
  for (const s of input.samples) {
    const m = mean(s);
    const scale = standardise ? sd(s) : 1;
    for (let i = 0; i < s.length; i++) out[offset + i] = scale > 0 ? (s[i] - m) / scale : 0;
    offset += s.length;
  }
  return out;
}

/** Judged Shapiro-Wilk on the (standardised, when variances are not pooled) residuals; Levene reported when pooled. */
export function checkAnova(input: KGroupInput, options: AnalysisOptions, pooled: boolean): AssumptionCheck[] {
  const smallest = Math.min(...input.samples.map((s) => s.length));
  const target = pooled ? 'residuals' : 'standardised residuals (within groups)';
  const checks: AssumptionCheck[] = judgeNormality([{ target, values: computeResiduals(input, !pooled), nForRobustness: smallest }], 'F');
  if (pooled) checks.push(checkEqualVariances(input.samples, `${input.outcome} by ${input.group}`, options.center));
  return checks;
}
