/**
 * Assumption checks of the factorial designs, as the one-way ANOVA's: normality judged on the model's
 * residuals (checks/normality-policy.ts, n per cell or group for robustness), Levene's test across
 * the cells (factorial) or of the residuals across the groups (ANCOVA), reported and never used to
 * choose a test; for ANCOVA also the homogeneity of the regression slopes.
 */
import type { AnalysisOptions, AssumptionCheck } from '../../types.js';
import { checkEqualVariances } from '../checks/assumptions.js';
import { judgeNormality } from '../checks/normality-policy.js';
import { formatP } from '../common/format.js';
import { fitAncova, fitFactorial, ssTypeOf, type AncovaResult } from './compute.js';
import type { AncovaInput, FactorialInput } from './validate.js';

const ALPHA = 0.05;

/** Residual normality and equal variances across the cells. */
export function checkFactorial(input: FactorialInput, options: AnalysisOptions): AssumptionCheck[] {
  const { fit } = fitFactorial(input, ssTypeOf(options));
  const smallest = Math.min(...input.cells.map((c) => c.values.length));
  const crossing = input.factors.map((f) => f.name).join(' × ');
  return [
    ...judgeNormality([{ target: 'residuals', values: fit.residuals, nForRobustness: smallest }], 'F'),
    checkEqualVariances(
      input.cells.map((c) => c.values),
      `${input.outcome} across the cells of ${crossing}`,
      options.center,
    ),
  ];
}

/** Residual normality, equal residual variances across groups, and parallel slopes. */
export function checkAncova(input: AncovaInput, result: AncovaResult, options: AnalysisOptions): AssumptionCheck[] {
  const fit = fitAncova(input);
  const k = input.group.levels.length;
  const byGroup: number[][] = Array.from({ length: k }, () => []);
  fit.residuals.forEach((r, i) => byGroup[input.group.codes[i]].push(r));
  const smallest = Math.min(...byGroup.map((g) => g.length));
  const p = result.slopesHomogeneityP;
  const parallel = !(p < ALPHA);
  const slopes: AssumptionCheck = {
    check: 'homogeneity_of_slopes',
    target: `${input.group.name} × ${input.covariates.join(', ')}`,
    statistic: Number.isFinite(result.slopesHomogeneityF) ? result.slopesHomogeneityF : null,
    pValue: Number.isFinite(p) ? p : null,
    ok: parallel,
    ...(!Number.isFinite(p)
      ? { note: `The homogeneity of slopes could not be tested: ${input.covariates.join(', ')} does not vary within every group of ${input.group.name} (or too few rows are left for the test).` }
      : parallel
      ? {}
      : { note: `The slope of ${input.outcome} on ${input.covariates.join(', ')} differs between the groups of ${input.group.name} (${formatP(p)}), so the adjusted means depend on where the covariate is held.` }),
  };
  return [
    ...judgeNormality([{ target: 'residuals', values: fit.residuals, nForRobustness: smallest }], 'F'),
    checkEqualVariances(
      byGroup.map((g) => Float64Array.from(g)),
      `residuals of ${input.outcome} by ${input.group.name}`,
      options.center,
    ),
    slopes,
  ];
}
