/**
 * Levene's test for equal variances: a one-way ANOVA on absolute deviations from each group's centre
 * (median: Brown-Forsythe, the default of R `car::leveneTest`; mean: Levene's original).
 */
import { InferraError } from '../../errors.js';
import { upperF } from '../common/distributions.js';
import { mean, sumOfSquares } from '../common/moments.js';
import { median } from '../common/quantile.js';

/** Levene's F, its degrees of freedom and p-value; agrees with R `car::leveneTest(y ~ g, center = median|mean)`. */
export function computeLevene(
  allGroups: readonly Float64Array[],
  center: 'median' | 'mean',
): { statistic: number; df1: number; df2: number; pValue: number } {
  // Levels without observations take no part (as R drops empty factor levels from the fit).
  const groups = allGroups.filter((g) => g.length > 0);
  const k = groups.length;
  if (k < 2) throw new InferraError('too-few-observations', { analysis: 'levene', needed: 2, actual: k, where: 'groups' });
  const deviations = groups.map((g) => {
    const c = center === 'median' ? median(g) : mean(g);
    return Float64Array.from(g, (v) => Math.abs(v - c));
  });
  const total = deviations.reduce((s, d) => s + d.length, 0);
  if (total <= k) {
    throw new InferraError('too-few-observations', { analysis: 'levene', needed: k + 1, actual: total });
  }
  const all = new Float64Array(total);
  let offset = 0;
  for (const d of deviations) {
    all.set(d, offset);
    offset += d.length;
  }
  const grandMean = mean(all);
  let ssBetween = 0;
  let ssWithin = 0;
  for (const d of deviations) {
    if (d.length === 0) continue;
    const m = mean(d);
    ssBetween += d.length * (m - grandMean) ** 2;
    ssWithin += sumOfSquares(d, m);
  }
  const df1 = k - 1;
  const df2 = total - k;
  if (!(ssWithin > 0)) {
    throw new InferraError('zero-variance', {
      where: 'The absolute deviations from the group centres',
      value: 0,
      analysis: 'levene',
    });
  }
  const statistic = ssBetween / df1 / (ssWithin / df2);
  return Object.freeze({ statistic, df1, df2, pValue: upperF(statistic, df1, df2) });
}
