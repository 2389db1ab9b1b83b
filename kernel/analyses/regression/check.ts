/**
 * Assumption checks of `ols`, on the residuals: normality (Shapiro-Wilk) and constant variance
 * (studentized Breusch-Pagan test of Koenker, as R's `lmtest::bptest` default).
 */
import type { AssumptionCheck } from '../../types.js';
import { judgeNormality } from '../checks/normality-policy.js';
import { upperChisq } from '../common/distributions.js';
import { fitLeastSquares, type LeastSquaresFit } from './fit.js';
import { fitOls } from './compute.js';
import type { OlsInput } from './validate.js';

const ALPHA = 0.05;

/**
 * Koenker's studentized Breusch-Pagan test: n R² of the squared residuals regressed on the
 * predictors, chi-square with (number of predictors) df. Needs a model with an intercept.
 */
export function computeBreuschPagan(input: OlsInput, fit: LeastSquaresFit): { statistic: number; df: number; pValue: number } {
  const squared = fit.residuals.map((r) => r * r);
  const auxiliary = fitLeastSquares({ ...input.design, intercept: true }, squared);
  const df = input.design.columns.length;
  const rSquared = auxiliary.mss / (auxiliary.mss + auxiliary.rss);
  const statistic = fit.n * rSquared;
  return { statistic, df, pValue: upperChisq(statistic, df) };
}

/** Normality of the residuals and, with an intercept, constant variance (Breusch-Pagan). */
export function checkOls(input: OlsInput): AssumptionCheck[] {
  const fit = fitOls(input);
  const checks: AssumptionCheck[] = judgeNormality([{ target: 'residuals', values: fit.residuals, nForRobustness: fit.n }], 'ols');
  if (input.design.intercept) {
    const bp = computeBreuschPagan(input, fit);
    const ok = bp.pValue >= ALPHA;
    checks.push({
      check: 'breusch_pagan',
      target: 'residuals',
      statistic: bp.statistic,
      pValue: bp.pValue,
      ok,
      ...(ok ? {} : { note: `The Breusch-Pagan test suggests the residual variance changes with the predictors (BP = ${bp.statistic.toFixed(2)}, df = ${bp.df}).` }),
    });
  }
  return checks;
}
