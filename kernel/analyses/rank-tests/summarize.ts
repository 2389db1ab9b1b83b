/** Tables and APA sentences of the rank tests. */
import { recommendForCounts, recommendPostHoc } from '../checks/follow-ups.js';
import type { AnalysisOptions, ResultTable } from '../../types.js';
import { formatBounded, formatCi, formatDf, formatNumber, formatP } from '../common/format.js';
import { buildAlternativeWarnings } from '../anova/summarize.js';
import { ciColumns, P_COLUMN, singleRowTable, tableColumns, tableRow, type ColumnSpec } from '../common/table.js';
import type { Summary } from '../types.js';
import type { TwoSampleInput } from '../ttest/compute.js';
import type {
  KGroupInput,
  KruskalWallisResult,
  MannWhitneyResult,
  SignedRankInput,
  SignedRankResult,
} from './compute.js';

/** A CI bound for a table: finite numbers as they are, infinite one-sided bounds kept, NaN as text. */
function bound(x: number): number | string {
  return Number.isNaN(x) ? 'not available' : x;
}

/** Warnings shared by the Wilcoxon tests: exact not possible, level not achievable, no interval. */
function wilcoxonWarnings(
  r: MannWhitneyResult | SignedRankResult,
  options: AnalysisOptions,
  zeros: number,
): string[] {
  const out: string[] = [];
  if (options.exact === true && r.method !== 'exact') {
    out.push(
      `An exact p-value cannot be computed with ${zeros > 0 ? 'zero differences' : 'ties'}; the normal approximation was used${r.correction ? ' (with continuity correction)' : ''}.`,
    );
  }
  if (Number.isNaN(r.ciLow) || Number.isNaN(r.ciHigh)) {
    out.push('No confidence interval can be computed for the location estimate (all observations are tied).');
  } else if (r.confLevel !== options.confLevel) {
    out.push(
      `The requested ${formatNumber(options.confLevel * 100, 0)}% level is not achievable here; the interval has level ${formatNumber(r.confLevel * 100, 1)}%.`,
    );
  }
  return out;
}

/** How the p-value was computed, for table notes. */
function methodNote(r: MannWhitneyResult | SignedRankResult): string {
  if (r.method === 'exact') return 'Exact p-value (no ties).';
  return `Normal approximation with tie correction${r.correction ? ' and continuity correction' : ''}.`;
}

/** "95% CI [a, b]" or nothing when the interval is not available. */
function ciText(level: number, low: number, high: number): string {
  return Number.isNaN(low) || Number.isNaN(high) ? '' : `, ${formatCi(level, low, high)}`;
}

/** Summary of the Mann-Whitney test. */
export function summarizeMannWhitney(r: MannWhitneyResult, input: TwoSampleInput, options: AnalysisOptions): Summary {
  const [a, b] = input.levels;
  const pct = `${formatNumber(r.confLevel * 100, 1).replace(/\.0$/, '')}%`;
  const table = singleRowTable(
    'Wilcoxon rank-sum (Mann-Whitney) test',
    [['statistic', 'W'], P_COLUMN, ['method', 'Method'], ['rankBiserial', 'Rank-biserial r'], ['estimate', 'Location shift (HL)'], ...ciColumns(pct)],
    r,
    {
      shown: { ciLow: bound(r.ciLow), ciHigh: bound(r.ciHigh) },
      note: `W is the Mann-Whitney U of ${a}. ${methodNote(r)} Rank-biserial r = 2W / (n1 n2) - 1 (positive: ${a} tends to be larger); no confidence interval is given for it. The Hodges-Lehmann shift is ${a} - ${b}${r.mu !== 0 ? `, tested against mu = ${r.mu}` : ''}.`,
    },
  );
  const descriptives: ResultTable = {
    title: 'Descriptives',
    columns: [
      { key: 'level', label: input.group },
      { key: 'n', label: 'n' },
      { key: 'median', label: 'Median' },
    ],
    rows: [
      { level: a, n: r.n1, median: r.median1 },
      { level: b, n: r.n2, median: r.median2 },
    ],
  };
  const summary = `W = ${formatNumber(r.statistic, 1).replace(/\.0$/, '')}, ${formatP(r.pValue)}, r = ${formatBounded(r.rankBiserial)}; median ${input.outcome} was ${formatNumber(r.median1)} for ${a} and ${formatNumber(r.median2)} for ${b} (Hodges-Lehmann shift = ${formatNumber(r.estimate)}${ciText(r.confLevel, r.ciLow, r.ciHigh)}).`;
  return { summary, tables: [table, descriptives], warnings: wilcoxonWarnings(r, options, 0) };
}

/** Summary of the Wilcoxon signed-rank test. */
export function summarizeSignedRank(r: SignedRankResult, input: SignedRankInput, options: AnalysisOptions): Summary {
  const pct = `${formatNumber(r.confLevel * 100, 1).replace(/\.0$/, '')}%`;
  const what = input.design === 'paired' ? `differences ${input.label}` : input.label;
  const table = singleRowTable(
    input.design === 'paired' ? 'Wilcoxon signed-rank test (paired)' : 'Wilcoxon signed-rank test',
    [['statistic', 'V'], P_COLUMN, ['method', 'Method'], ['n', 'n (non-zero)'], ['rankBiserial', 'Rank-biserial r'], ['estimate', 'Pseudo-median (HL)'], ...ciColumns(pct)],
    r,
    {
      shown: { estimate: bound(r.estimate), ciLow: bound(r.ciLow), ciHigh: bound(r.ciHigh) },
      note: `V is the sum of the ranks of the positive ${what} minus mu = ${r.mu}; ${r.nZero} zero difference${r.nZero === 1 ? ' was' : 's were'} dropped. ${methodNote(r)} Rank-biserial r = (R+ - R-) / (R+ + R-); no confidence interval is given for it.`,
    },
  );
  const summary = `V = ${formatNumber(r.statistic, 1).replace(/\.0$/, '')}, ${formatP(r.pValue)}, r = ${formatBounded(r.rankBiserial)}; pseudo-median of ${what} = ${formatNumber(r.estimate)}${ciText(r.confLevel, r.ciLow, r.ciHigh)}, n = ${r.n}.`;
  return { summary, tables: [table], warnings: wilcoxonWarnings(r, options, r.nZero) };
}

/** Summary of the Kruskal-Wallis test. */
export function summarizeKruskalWallis(r: KruskalWallisResult, input: KGroupInput, options: AnalysisOptions): Summary {
  const table = singleRowTable('Kruskal-Wallis rank-sum test', [['statistic', 'H'], ['df', 'df'], P_COLUMN, ['epsilonSquared', 'Epsilon-squared']], r, {
    note: 'H is tie-corrected; p from the chi-square approximation. Epsilon-squared = H / ((n^2 - 1) / (n + 1)); no confidence interval is given for it.',
  });
  const perGroup: ColumnSpec[] = [['level', input.group], ['n', 'n'], ['median', 'Median'], ['meanRank', 'Mean rank']];
  const descriptives: ResultTable = { title: 'Descriptives', columns: tableColumns(perGroup), rows: r.groups.map((g) => tableRow(perGroup, g)) };
  const summary = `Kruskal-Wallis H(${formatDf(r.df)}) = ${formatNumber(r.statistic)}, ${formatP(r.pValue)}, epsilon-squared = ${formatBounded(r.epsilonSquared)}, comparing ${input.outcome} across ${r.groups.length} groups of ${input.group} (N = ${r.n}).`;
  return {
    summary,
    tables: [table, descriptives],
    warnings: buildAlternativeWarnings(options, 'the Kruskal-Wallis test'),
    recommendations: [
      ...recommendPostHoc('kruskal_wallis', r.pValue, options.confLevel, input.levels),
      ...recommendForCounts(input.outcome, input.samples),
    ],
  };
}
