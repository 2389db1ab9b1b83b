/** Assumption checks of Pearson's r: normality of each variable and bivariate outliers. */
import type { AssumptionCheck } from '../../types.js';
import { judgeNormality } from '../checks/normality-policy.js';
import { mean, sd } from '../common/moments.js';
import type { CorrelationInput } from './validate.js';

/** Squared Mahalanobis distance above which a point counts as a bivariate outlier: chi-square(2) at .999. */
const OUTLIER_CUTOFF = -2 * Math.log(0.001);

/** Points far from the bivariate centre (Mahalanobis D^2 > chi-square(2) .999 quantile). */
export function checkBivariateOutliers(input: CorrelationInput, r: number): AssumptionCheck {
  const { x, y } = input;
  const mx = mean(x);
  const my = mean(y);
  const sx = sd(x);
  const sy = sd(y);
  let count = 0;
  let largest = 0;
  for (let i = 0; i < x.length; i++) {
    const zx = (x[i] - mx) / sx;
    const zy = (y[i] - my) / sy;
    const d2 = (zx * zx - 2 * r * zx * zy + zy * zy) / (1 - r * r);
    if (d2 > largest) largest = d2;
    if (d2 > OUTLIER_CUTOFF) count++;
  }
  const target = `${input.xName} and ${input.yName}`;
  if (!Number.isFinite(largest)) {
    return { check: 'bivariate_outliers', target, statistic: null, pValue: null, ok: true, note: 'The points lie on a line, so outliers cannot be judged.' };
  }
  return {
    check: 'bivariate_outliers',
    target,
    statistic: largest,
    pValue: null,
    ok: count === 0,
    ...(count === 0
      ? {}
      : {
          note: `${count} point${count === 1 ? ' lies' : 's lie'} far from the bulk of the data (Mahalanobis D^2 > ${OUTLIER_CUTOFF.toFixed(1)}); Pearson's r is sensitive to such points.`,
        }),
  };
}

/** Pearson's checks: Shapiro-Wilk on x and on y (judged by n and shape), and bivariate outliers. */
export function checkPearson(input: CorrelationInput, r: number): AssumptionCheck[] {
  return [
    ...judgeNormality(
      [
        { target: input.xName, values: input.x },
        { target: input.yName, values: input.y },
      ],
      'r',
    ),
    checkBivariateOutliers(input, r),
  ];
}
