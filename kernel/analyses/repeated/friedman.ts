/**
 * Friedman's rank test of a within-subject factor (unreplicated complete blocks), as R
 * `friedman.test(y ~ w | s)`, with Kendall's W = chi2 / (n (k - 1)) as its effect size.
 */
import { upperChisq } from '../common/distributions.js';
import { formatBounded, formatNumber, formatP } from '../common/format.js';
import { rankAverage } from '../common/ranks.js';
import type { Summary } from '../types.js';
import type { BlockInput } from './blocks.js';

/** friedman's result. */
export interface FriedmanResult {
  statistic: number;
  df: number;
  pValue: number;
  kendallsW: number;
  /** Mean rank of each condition, in the conditions' order. */
  meanRanks: number[];
  ties: boolean;
}

/** Friedman's chi-square with R's tie correction. */
export function computeFriedman(input: BlockInput): FriedmanResult {
  const n = input.values.length;
  const k = input.conditions.length;
  const sums = new Float64Array(k);
  let tieTerm = 0;
  for (const row of input.values) {
    const { ranks, tieSizes } = rankAverage(row);
    for (let j = 0; j < k; j++) sums[j] += ranks[j];
    for (const t of tieSizes) tieTerm += t * t * t - t;
  }
  let ss = 0;
  for (let j = 0; j < k; j++) ss += (sums[j] - (n * (k + 1)) / 2) ** 2;
  const statistic = (12 * ss) / (n * k * (k + 1) - tieTerm / (k - 1));
  const df = k - 1;
  return Object.freeze({
    statistic, df, pValue: upperChisq(statistic, df), kendallsW: statistic / (n * (k - 1)),
    meanRanks: Array.from(sums, (s) => s / n), ties: tieTerm > 0,
  });
}

/** "χ²(2) = 11.14, p = .004, Kendall's W = .25". */
export function summarizeFriedman(result: FriedmanResult, input: BlockInput): Summary {
  const n = input.values.length;
  return {
    summary: `A Friedman test compared ${input.outcome} across the ${input.conditions.length} conditions of ${input.within} within ${n} subjects (${input.subject}): χ²(${result.df}) = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}, Kendall's W = ${formatBounded(result.kendallsW)}.`,
    tables: [
      {
        title: `Mean ranks of ${input.outcome} by ${input.within}`,
        columns: [
          { key: 'condition', label: input.within },
          { key: 'mean_rank', label: 'Mean rank' },
          { key: 'median', label: 'Median' },
        ],
        rows: input.conditions.map((c, j) => {
          const column = input.values.map((r) => r[j]).sort((a, b) => a - b);
          const m = column.length;
          return { condition: c, mean_rank: result.meanRanks[j], median: m % 2 ? column[(m - 1) / 2] : (column[m / 2 - 1] + column[m / 2]) / 2 };
        }),
      },
      {
        title: "Friedman rank sum test",
        columns: [
          { key: 'statistic', label: 'χ²' },
          { key: 'df', label: 'df' },
          { key: 'p_value', label: 'p' },
          { key: 'kendalls_w', label: "Kendall's W" },
          { key: 'n', label: 'Subjects' },
        ],
        rows: [{ statistic: result.statistic, df: result.df, p_value: result.pValue, kendalls_w: result.kendallsW, n }],
        note: `Ranks within each subject${result.ties ? ', ties given average ranks with the tie correction' : ''}, as R friedman.test. Kendall's W = χ² / (n (k - 1)): 0 no agreement, 1 the same order in every subject.`,
      },
    ],
  };
}
