/** Bartlett's test of homogeneity of variances, as R `bartlett.test`. */
import { InferraError } from '../../errors.js';
import { upperChisq } from '../common/distributions.js';
import { variance } from '../common/moments.js';

/** Bartlett's K-squared, its df (k - 1) and p-value; agrees with R `bartlett.test(y ~ g)`. */
export function computeBartlett(groups: readonly Float64Array[], levels?: readonly string[]): { statistic: number; df: number; pValue: number } {
  const k = groups.length;
  if (k < 2) throw new InferraError('too-few-observations', { analysis: 'bartlett', needed: 2, actual: k, where: 'groups' });
  const dfs = groups.map((g) => g.length - 1);
  groups.forEach((g, i) => {
    if (g.length < 2) {
      throw new InferraError('too-few-observations', { analysis: 'bartlett', needed: 2, actual: g.length, where: `group ${levels?.[i] ?? i + 1}` });
    }
  });
  const variances = groups.map((g) => variance(g));
  variances.forEach((v, i) => {
    if (!(v > 0)) throw new InferraError('zero-variance', { where: `Group ${levels?.[i] ?? i + 1}`, value: groups[i][0], analysis: 'bartlett' });
  });
  const dfTotal = dfs.reduce((s, v) => s + v, 0);
  const pooled = dfs.reduce((s, d, i) => s + d * variances[i], 0) / dfTotal;
  const sumLog = dfs.reduce((s, d, i) => s + d * Math.log(variances[i]), 0);
  const sumInverse = dfs.reduce((s, d) => s + 1 / d, 0);
  const statistic = (dfTotal * Math.log(pooled) - sumLog) / (1 + (sumInverse - 1 / dfTotal) / (3 * (k - 1)));
  const df = k - 1;
  return Object.freeze({ statistic, df, pValue: upperChisq(statistic, df) });
}
