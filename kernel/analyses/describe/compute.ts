/**
 * Descriptive statistics per column. Quantiles are R's type 7 (`quantile()` default). Skewness and
 * kurtosis are the sample-adjusted G1 and excess G2 of SAS, SPSS and JASP, i.e. `e1071::skewness(x,
 * type = 2)` and `e1071::kurtosis(x, type = 2)`: with m_k = Σ(x - x̄)^k / n, g1 = m3 / m2^1.5,
 * g2 = m4 / m2² - 3, G1 = g1 √(n(n-1)) / (n-2) (n >= 3) and G2 = ((n+1) g2 + 6)(n-1) / ((n-2)(n-3)) (n >= 4).
 */
import { centralMoments, mean, sd } from '../common/moments.js';
import { quantileSorted, sortedCopy } from '../common/quantile.js';
import type { LevelCount } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import type { DescribeInput, DescribeTarget } from './validate.js';

/** The description of one column (or one column within one group). */
export interface ColumnDescription {
  column: string;
  kind: DescribeTarget['kind'];
  group?: string;
  /** Non-missing values. */
  n: number;
  missing: number;
  /** Numeric columns: */
  mean?: number;
  sd?: number;
  se?: number;
  min?: number;
  q1?: number;
  median?: number;
  q3?: number;
  max?: number;
  skewness?: number;
  kurtosis?: number;
  /** Categorical and boolean columns: level counts in natural order. */
  levels?: LevelCount[];
  /** Other kinds (text, id, datetime): distinct values. */
  distinct?: number;
}

/** The result of `describe`: an array (never keyed by column name, since keys become snake_case). */
export interface DescribeResult {
  columns: ColumnDescription[];
  group?: string;
}

/** Sample skewness G1 and excess kurtosis G2 (e1071 type 2); NaN when n is too small or the values are constant. */
export function computeShape(x: ArrayLike<number>): { skewness: number; kurtosis: number } {
  return shapeFromMoments(centralMoments(x));
}

/** G1 and G2 from n and the central moments m_k = Σ(x - x̄)^k / n (from the values, or the aggregate plan's exact sums). */
export function shapeFromMoments({ n, m2, m3, m4 }: { n: number; m2: number; m3: number; m4: number }): { skewness: number; kurtosis: number } {
  const g1 = m3 / m2 ** 1.5;
  const g2 = m4 / (m2 * m2) - 3;
  const skewness = n >= 3 && m2 > 0 ? (g1 * Math.sqrt(n * (n - 1))) / (n - 2) : NaN;
  const kurtosis = n >= 4 && m2 > 0 ? (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3)) : NaN;
  return { skewness, kurtosis };
}

/** Numeric summary of the non-missing values. */
function describeNumeric(values: Float64Array): Omit<ColumnDescription, 'column' | 'kind'> {
  const present = values.filter((v) => !Number.isNaN(v));
  const n = present.length;
  const sorted = sortedCopy(present);
  const s = sd(present);
  return {
    n,
    missing: values.length - n,
    mean: mean(present),
    sd: s,
    se: s / Math.sqrt(n),
    min: n > 0 ? sorted[0] : NaN,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: n > 0 ? sorted[n - 1] : NaN,
    ...computeShape(present),
  };
}

/** Level counts (natural order; false before true) of the non-missing values. */
function countLevels(values: readonly (string | null)[]): { n: number; levels: LevelCount[] } {
  const counts = new Map<string, number>();
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    n++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const levels = [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => compareNatural(a.value, b.value));
  return { n, levels };
}

/** Describes every target: numeric summaries, or level counts for categorical and boolean columns. */
export function computeDescribe(input: DescribeInput): DescribeResult {
  const columns = input.targets.map((t): ColumnDescription => {
    const head = { column: t.column, kind: t.kind, ...(t.group !== undefined ? { group: t.group } : {}) };
    if (t.values instanceof Float64Array) return Object.freeze({ ...head, ...describeNumeric(t.values) });
    const { n, levels } = countLevels(t.values);
    const missing = t.values.length - n;
    if (t.kind === 'categorical' || t.kind === 'boolean') return Object.freeze({ ...head, n, missing, levels });
    return Object.freeze({ ...head, n, missing, distinct: levels.length });
  });
  return Object.freeze({ columns, ...(input.group ? { group: input.group } : {}) });
}
