/** Tables and APA sentences of the rank tests. */
import { recommendForCounts, recommendPostHoc } from '../checks/follow-ups.js';
import type { AnalysisOptions, ResultTable, TableValue } from '../../types.js';
import { formatBounded, formatBoundedCi, formatCi, formatDf, formatNumber, formatP, formatVariableLabel, SYMBOL } from '../common/format.js';
import { buildAlternativeWarnings, describeGroups } from '../anova/summarize.js';
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

/** "r_rb = .28, 95% CI [-.02, .53]"; the estimate alone when the Fisher-z interval is degenerate (|r_rb| = 1). */
function rankBiserialText(r: MannWhitneyResult | SignedRankResult, confLevel: number): string {
  const ci = Number.isFinite(r.rankBiserialCiLow) && Number.isFinite(r.rankBiserialCiHigh) ? `, ${formatBoundedCi(confLevel, r.rankBiserialCiLow, r.rankBiserialCiHigh)}` : '';
  return `${SYMBOL.rankBiserial} = ${formatBounded(r.rankBiserial)}${ci}`;
}

/** The rank-biserial correlation's columns: the estimate and its interval at the confidence level. */
function rankBiserialColumns(confLevel: number): ColumnSpec[] {
  const pct = `${formatNumber(confLevel * 100, 0)}%`;
  return [
    ['rankBiserial', SYMBOL.rankBiserial],
    ['rankBiserialCiLow', `${SYMBOL.rankBiserial} ${pct} CI lower`],
    ['rankBiserialCiHigh', `${SYMBOL.rankBiserial} ${pct} CI upper`],
  ];
}

/** The fields of `r` that a table shows through `bound` (infinite or missing bounds as the table says them). */
function boundedShown(r: object, keys: readonly string[]): Record<string, TableValue> {
  const fields = r as Record<string, number>;
  return Object.fromEntries(keys.map((k) => [k, bound(fields[k])]));
}

/** How the rank-biserial interval is computed, for table notes. */
function rankBiserialCiNote(r: MannWhitneyResult | SignedRankResult, se: string): string {
  const degenerate = !Number.isFinite(r.rankBiserialCiLow) ? ` No interval here: it is degenerate when ${SYMBOL.rankBiserial} = ±1.` : '';
  return `Its CI is tanh(atanh(${SYMBOL.rankBiserial}) ∓ z SE) with SE = ${se}, as R's effectsize.${degenerate}`;
}

/** Summary of the Mann-Whitney test. */
export function summarizeMannWhitney(r: MannWhitneyResult, input: TwoSampleInput, options: AnalysisOptions): Summary {
  const [a, b] = input.levels;
  const pct = `${formatNumber(r.confLevel * 100, 1).replace(/\.0$/, '')}%`;
  const table: ResultTable = singleRowTable(
    'Wilcoxon rank-sum (Mann-Whitney) test',
    [['statistic', "U (R's W)"], P_COLUMN, ['method', 'Method'], ...rankBiserialColumns(options.confLevel), ['estimate', 'Location shift (HL)'], ...ciColumns(pct)],
    r,
    { shown: boundedShown(r, ['rankBiserialCiLow', 'rankBiserialCiHigh', 'estimate', 'ciLow', 'ciHigh']),
      note: `U is the Mann-Whitney U of ${a} (the number of pairs in which ${a} is larger, ties counting one half), which R's wilcox.test reports as W. ${methodNote(r)} Rank-biserial ${SYMBOL.rankBiserial} = 2U / (n1 n2) − 1 (positive: ${a} tends to be larger). ${rankBiserialCiNote(r, 'sqrt((n1 + n2 + 1) / (3 n1 n2))')} The Hodges-Lehmann shift is ${a} - ${b}${r.mu !== 0 ? `, tested against ${SYMBOL.mu0} = ${r.mu}` : ''}.`,
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
  const summary = `U = ${formatNumber(r.statistic, 1).replace(/\.0$/, '')}, ${formatP(r.pValue)}, ${rankBiserialText(r, options.confLevel)}; median ${formatVariableLabel(input.outcome)} was ${formatNumber(r.median1)} for ${a} and ${formatNumber(r.median2)} for ${b} (Hodges-Lehmann shift = ${formatNumber(r.estimate)}${ciText(r.confLevel, r.ciLow, r.ciHigh)}).`;
  return { summary, tables: [table, descriptives], warnings: wilcoxonWarnings(r, options, 0) };
}

/** Summary of the Wilcoxon signed-rank test. */
export function summarizeSignedRank(r: SignedRankResult, input: SignedRankInput, options: AnalysisOptions): Summary {
  const pct = `${formatNumber(r.confLevel * 100, 1).replace(/\.0$/, '')}%`;
  const what = input.design === 'paired' ? `differences ${input.label}` : input.label;
  const table: ResultTable = singleRowTable(
    input.design === 'paired' ? 'Wilcoxon signed-rank test (paired)' : 'Wilcoxon signed-rank test',
    [['statistic', 'V'], P_COLUMN, ['method', 'Method'], ['n', 'n (non-zero)'], ...rankBiserialColumns(options.confLevel), ['estimate', 'Pseudo-median (HL)'], ...ciColumns(pct)],
    r,
    { shown: boundedShown(r, ['rankBiserialCiLow', 'rankBiserialCiHigh', 'estimate', 'ciLow', 'ciHigh']),
      note: `V is the sum of the ranks of the positive ${what} minus ${SYMBOL.mu0} = ${r.mu}; ${r.nZero} zero difference${r.nZero === 1 ? ' was' : 's were'} dropped. ${methodNote(r)} Rank-biserial ${SYMBOL.rankBiserial} = (R+ − R−) / (R+ + R−). ${rankBiserialCiNote(r, 'sqrt((2n³ + 3n² + n) / 6) / (n (n + 1) / 2)')}`,
    },
  );
  const summary = `V = ${formatNumber(r.statistic, 1).replace(/\.0$/, '')}, ${formatP(r.pValue)}, ${rankBiserialText(r, options.confLevel)}; pseudo-median of ${what} = ${formatNumber(r.estimate)}${ciText(r.confLevel, r.ciLow, r.ciHigh)}, n = ${r.n}.`;
  return { summary, tables: [table], warnings: wilcoxonWarnings(r, options, r.nZero) };
}

/** Summary of the Kruskal-Wallis test. */
export function summarizeKruskalWallis(r: KruskalWallisResult, input: KGroupInput, options: AnalysisOptions): Summary {
  const table: ResultTable = {
    title: 'Kruskal-Wallis rank-sum test',
    columns: [
      { key: 'statistic', label: 'H' },
      { key: 'df', label: 'df' },
      { key: 'pValue', label: 'p' },
      { key: 'epsilonSquared', label: SYMBOL.epsilonSquared },
    ],
    rows: [{ statistic: r.statistic, df: r.df, pValue: r.pValue, epsilonSquared: r.epsilonSquared }],
    note: `H is tie-corrected; p from the ${SYMBOL.chiSquared} approximation. ${SYMBOL.epsilonSquared} = H / ((n² − 1) / (n + 1)); no confidence interval is given for it (a bootstrap would be needed).`,
  };
  const descriptives: ResultTable = {
    title: 'Descriptives',
    columns: [
      { key: 'level', label: input.group },
      { key: 'n', label: 'n' },
      { key: 'median', label: 'Median' },
      { key: 'meanRank', label: 'Mean rank' },
    ],
    rows: r.groups.map((g) => ({ level: g.level, n: g.n, median: g.median, meanRank: g.meanRank })),
  };
  const summary = `Kruskal-Wallis H(${formatDf(r.df)}) = ${formatNumber(r.statistic)}, ${formatP(r.pValue)}, ${SYMBOL.epsilonSquared} = ${formatBounded(r.epsilonSquared)}, ${describeGroups('', input.outcome, input.group, r.groups.length, r.n)}.`;
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
