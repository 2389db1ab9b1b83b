/** Table and sentence of Yuen's trimmed-means test. */
import type { ResultTable } from '../../types.js';
import { formatCi, formatDf, formatNumber, formatP } from '../common/format.js';
import type { TwoSampleInput } from '../ttest/compute.js';
import type { Summary } from '../types.js';
import type { YuenResult } from './yuen.js';

/** Summary of Yuen's test: the test table, trimmed descriptives, and the sentence. */
export function summarizeYuen(r: YuenResult, input: TwoSampleInput): Summary {
  const pct = `${formatNumber(r.confLevel * 100, 0)}%`;
  const trimPct = `${formatNumber(r.trim * 100, 0)}%`;
  const [a, b] = input.levels;
  const relation = r.alternative === 'two-sided' ? 'not equal to' : r.alternative === 'less' ? 'less than' : 'greater than';
  const test: ResultTable = {
    title: "Yuen's test of trimmed means",
    columns: [
      { key: 'statistic', label: 't' },
      { key: 'df', label: 'df' },
      { key: 'pValue', label: 'p' },
      { key: 'estimate', label: `Difference in ${trimPct} trimmed means` },
      { key: 'se', label: 'SE' },
      { key: 'ciLow', label: `${pct} CI lower` },
      { key: 'ciHigh', label: `${pct} CI upper` },
    ],
    rows: [{ statistic: r.statistic, df: r.df, pValue: r.pValue, estimate: r.estimate, se: r.se, ciLow: r.ciLow, ciHigh: r.ciHigh }],
    note: `Estimate: ${trimPct} trimmed mean of ${a} minus that of ${b}. Alternative hypothesis: the true difference in trimmed means is ${relation} ${r.mu}. SE from the winsorized variances, d = (n - 1) s_w^2 / (h (h - 1)) per group, h = values left after trimming; Welch-Satterthwaite df on h - 1 (Yuen 1974). Unequal variances allowed.`,
  };
  const descriptives: ResultTable = {
    title: 'Descriptives',
    columns: [
      { key: 'level', label: input.group },
      { key: 'n', label: 'n' },
      { key: 'h', label: 'n after trimming' },
      { key: 'trimmedMean', label: `${trimPct} trimmed mean` },
      { key: 'winsorizedSd', label: 'Winsorized SD' },
    ],
    rows: [
      { level: a, n: r.n1, h: r.h1, trimmedMean: r.trimmedMean1, winsorizedSd: r.winsorizedSd1 },
      { level: b, n: r.n2, h: r.h2, trimmedMean: r.trimmedMean2, winsorizedSd: r.winsorizedSd2 },
    ],
  };
  const summary = `Yuen's t(${formatDf(r.df)}) = ${formatNumber(r.statistic)}, ${formatP(r.pValue)}; the ${trimPct} trimmed mean of ${input.outcome} was ${formatNumber(r.trimmedMean1)} for ${a} and ${formatNumber(r.trimmedMean2)} for ${b} (difference = ${formatNumber(r.estimate)}, ${formatCi(r.confLevel, r.ciLow, r.ciHigh)}).`;
  return { summary, tables: [test, descriptives] };
}
