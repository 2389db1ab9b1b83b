/** Numerics of the check analyses on validated input: frozen flat results. */
import type { AnalysisOptions } from '../../types.js';
import { computeBartlett } from './bartlett.js';
import { computeLevene } from './levene.js';
import { computeShapiroWilk } from './shapiro-wilk.js';
import type { NormalityInput, VarianceInput } from './validate.js';

/** Shapiro-Wilk of one group (null statistic when it cannot run, with the reason). */
export interface GroupNormality {
  group: string;
  n: number;
  statistic: number | null;
  pValue: number | null;
  note?: string;
}

/** shapiro_wilk's result: W and p for one sample; per group (and null at the top) when grouped. */
export interface ShapiroWilkResult {
  statistic: number | null;
  pValue: number | null;
  n: number;
  groups?: GroupNormality[];
}

/** Why a group cannot be tested, or null. */
function reasonSkipped(values: Float64Array): string | null {
  if (values.length < 3) return `needs at least 3 observations (has ${values.length})`;
  if (values.length > 5000) return `accepts at most 5000 observations (has ${values.length})`;
  if (values.every((v) => v === values[0])) return 'all values are identical';
  return null;
}

/** Shapiro-Wilk on the column, or on each group. */
export function computeNormality(input: NormalityInput): ShapiroWilkResult {
  const n = input.samples.reduce((s, x) => s + x.values.length, 0);
  if (input.group === null) {
    const { statistic, pValue } = computeShapiroWilk(input.samples[0].values);
    return Object.freeze({ statistic, pValue, n });
  }
  const groups = input.samples.map(({ group, values }): GroupNormality => {
    const reason = reasonSkipped(values);
    if (reason) return { group: group as string, n: values.length, statistic: null, pValue: null, note: `Not tested: ${reason}.` };
    return { group: group as string, n: values.length, ...computeShapiroWilk(values) };
  });
  return Object.freeze({ statistic: null, pValue: null, n, groups });
}

/** levene's result. */
export interface LeveneResult {
  statistic: number;
  df1: number;
  df2: number;
  pValue: number;
  center: 'median' | 'mean';
}

/** Levene's test with the requested centre. */
export function computeLeveneTest(input: VarianceInput, options: AnalysisOptions): LeveneResult {
  return Object.freeze({ ...computeLevene(input.samples, options.center), center: options.center });
}

/** bartlett's result. */
export interface BartlettResult {
  statistic: number;
  df: number;
  pValue: number;
}

/** Bartlett's test. */
export function computeBartlettTest(input: VarianceInput): BartlettResult {
  return computeBartlett(input.samples, input.levels);
}
