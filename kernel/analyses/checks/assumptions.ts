/**
 * Assumption checks other analyses run alongside themselves: normality of each sample (Shapiro-Wilk)
 * and equality of variances across groups (Levene). A check that cannot run says why and counts as ok.
 */
import { isInferraError } from '../../errors.js';
import type { AssumptionCheck } from '../../types.js';
import { computeLevene } from './levene.js';
import { computeShapiroWilk } from './shapiro-wilk.js';

const ALPHA = 0.05;

/** Why Shapiro-Wilk cannot run on a sample, or null when it can. */
function reasonNotRun(values: ArrayLike<number>): string | null {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return reasonNotRunFor(n, min, max);
}

/** Why Shapiro-Wilk cannot run on a sample of n values in [min, max], or null when it can. */
export function reasonNotRunFor(n: number, min: number, max: number): string | null {
  if (n < 3) return `Shapiro-Wilk needs at least 3 observations (there ${n === 1 ? 'is' : 'are'} ${n}); normality was not checked.`;
  if (n > 5000) return `Shapiro-Wilk accepts at most 5000 observations (there are ${n}); normality was not checked. With samples this large, inspect a QQ plot instead.`;
  if (max - min === 0) return 'Every value is the same, so normality cannot be checked.';
  return null;
}

/** Shapiro-Wilk on each sample: ok when p >= .05; skipped (ok, with a note) when n < 3, n > 5000 or all values equal. */
export function checkNormality(samples: { target: string; values: ArrayLike<number> }[]): AssumptionCheck[] {
  return samples.map(({ target, values }) => {
    const reason = reasonNotRun(values);
    if (reason) return { check: 'shapiro_wilk', target, statistic: null, pValue: null, ok: true, note: reason };
    const { statistic, pValue } = computeShapiroWilk(values);
    const ok = pValue >= ALPHA;
    return {
      check: 'shapiro_wilk',
      target,
      statistic,
      pValue,
      ok,
      ...(ok ? {} : { note: `Shapiro-Wilk suggests ${target} is not normally distributed (W = ${statistic.toFixed(3)}).` }),
    };
  });
}

/** Levene's test (median- or mean-centred) across groups: ok when p >= .05; skipped with a note when it cannot run. */
export function checkEqualVariances(
  groups: readonly Float64Array[],
  target: string,
  center: 'median' | 'mean',
): AssumptionCheck {
  return leveneCheck(target, () => computeLevene(groups, center));
}

/** Levene's check from a computation of its F and p (on the values, or in the database by the aggregate plan). */
export function leveneCheck(target: string, compute: () => { statistic: number; pValue: number }): AssumptionCheck {
  try {
    const { statistic, pValue } = compute();
    const ok = pValue >= ALPHA;
    return {
      check: 'levene',
      target,
      statistic,
      pValue,
      ok,
      ...(ok ? {} : { note: `Levene's test suggests the variances of ${target} differ between groups (reported as a description; it does not choose the test).` }),
    };
  } catch (error) {
    if (!isInferraError(error)) throw error;
    return {
      check: 'levene',
      target,
      statistic: null,
      pValue: null,
      ok: true,
      note: `Levene's test could not run: ${error.message}`,
    };
  }
}
